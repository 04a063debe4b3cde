import AccordLog
import AccordProof
import Crypto
import Dispatch
import Foundation
import Synchronization

/// The daemon's checkpoints: signs a C2SP tlog-checkpoint of the Merkle tree when asked, keeps every one in the
/// append-only store (durable before it is served), and attaches witnesses' cosignatures. All file work runs on
/// one serial queue of its own, never on Swift's cooperative pool, and never under the lock.
public final class CheckpointIssuer: Sendable {
    public let origin: String
    public let logKey: NoteVerifier
    /// `name+hexkeyid+base64`, as signed-note writes a verifier key.
    public let verifierKey: String
    private let signer: NoteSigner
    private let archive: any CheckpointArchive
    private let state: Mutex<State>
    private let queue = DispatchQueue(label: "accord.checkpoints")

    struct State {
        /// Every stored entry, in order, each verified.
        var issued: [IssuedCheckpoint] = []
        /// The index of the last (fullest) entry of each tree size.
        var lastIndexBySize: [UInt64: Int] = [:]
        var latest: IssuedCheckpoint?

        mutating func add(_ checkpoint: IssuedCheckpoint) {
            lastIndexBySize[checkpoint.size] = issued.count
            issued.append(checkpoint)
            if checkpoint.size >= latest?.size ?? 0 { latest = checkpoint }
        }
    }

    /// Opens the data folder's store and checks every stored checkpoint against the key: one that fails is damage
    /// to the data folder (exit 65 at start), not something to serve.
    public convenience init(dataDirectory: String, origin: String, privateKey: Curve25519.Signing.PrivateKey)
        throws(TransparencyError)
    {
        let (store, entries) = try CheckpointStore.open(dataDirectory: dataDirectory)
        try self.init(archive: store, origin: origin, privateKey: privateKey)
        try adopt(entries) { _ throws(TransparencyError) in true }
    }

    /// An issuer that stores in `archive`, holding no entry yet: `adopt` gives it those stored before.
    public init(archive: any CheckpointArchive, origin: String, privateKey: Curve25519.Signing.PrivateKey)
        throws(TransparencyError)
    {
        self.origin = origin
        do {
            signer = try NoteSigner(name: origin, privateKey: privateKey)
        } catch {
            throw TransparencyError(
                code: TransparencyErrorCode.signingKeyUnusable,
                message: "the origin \"\(origin)\" cannot name a signed-note key: \(error)",
                cause: error
            )
        }
        verifierKey = signer.verifierKey
        logKey = signer.verifier
        self.archive = archive
        state = Mutex(State())
    }

    /// Takes entries stored before (read at start, or replicated to a standby since), in order after those held,
    /// each checked against the key and the origin and never smaller than the one before. `accept` sees each before
    /// it is taken: false stops there (a standby's replica holds the checkpoint but not yet all its records), a
    /// throw refuses it.
    public func adopt(
        _ entries: [String],
        accept: (IssuedCheckpoint) throws(TransparencyError) -> Bool
    ) throws(TransparencyError) {
        for text in entries {
            let number = state.withLock { $0.issued.count } + 1
            let issued: IssuedCheckpoint
            do {
                issued = try IssuedCheckpoint(
                    text: text,
                    logKey: logKey,
                    origin: origin,
                    label: "entry \(number) of \(archive.location)"
                )
            } catch {
                throw TransparencyError(
                    code: TransparencyErrorCode.checkpointStoreDamaged,
                    message: "\(error.message). The checkpoint store was altered, or the signing key or the origin "
                        + "changed since it was written (on a PostgreSQL pair both daemons need the same key and "
                        + "origin); restore the store and the key from a backup, or move the store away only if you "
                        + "know why (it is what proves the log's past)."
                )
            }
            if let previous = latest, issued.size < previous.size {
                throw TransparencyError(
                    code: TransparencyErrorCode.checkpointStoreDamaged,
                    message: "entry \(number) of \(archive.location) has tree size \(issued.size), smaller than the "
                        + "entry before it (\(previous.size)): the store was reordered; restore it from a backup"
                )
            }
            guard try accept(issued) else { break }
            state.withLock { $0.add(issued) }
        }
    }

    public var latest: IssuedCheckpoint? { state.withLock { $0.latest } }

    /// How many entries are held (the number of the last one).
    public var storedCount: Int { state.withLock { $0.issued.count } }

    /// Every stored entry's note, in order.
    public var storedEntries: [String] { state.withLock { $0.issued.map(\.text) } }

    /// Every stored entry, in the store's layout.
    public var storedText: String { CheckpointStore.serialize(state.withLock { $0.issued.map(\.text) }) }

    /// Every issued checkpoint (last form of each size), as tree heads the log must extend at start.
    public var expectations: [TreeExpectation] {
        state.withLock { state in
            state.lastIndexBySize.values.sorted().map { index in
                let issued = state.issued[index]
                return TreeExpectation(
                    size: issued.size,
                    root: issued.root,
                    name: "checkpoint \(index + 1) of \(archive.location) (tree size \(issued.size), root "
                        + "\(issued.root.base64))"
                )
            }
        }
    }

    /// The stored checkpoint of exactly `size` records, in its fullest (last) form.
    public func checkpoint(size: UInt64) -> IssuedCheckpoint? {
        state.withLock { state in state.lastIndexBySize[size].map { state.issued[$0] } }
    }

    /// Signs a checkpoint of `tree` unless the latest one already has its size; returns it and whether it is new.
    public func sign(_ tree: TreeSnapshot) async throws(TransparencyError) -> (IssuedCheckpoint, isNew: Bool) {
        try await onQueue { () throws(TransparencyError) in
            if let latest = self.latest, latest.size >= tree.size { return (latest, false) }
            let checkpoint = Checkpoint(origin: self.origin, size: tree.size, root: tree.root())
            let note: SignedNote
            do {
                note = try checkpoint.signed(by: self.signer)
            } catch {
                throw TransparencyError(
                    code: TransparencyErrorCode.signingKeyUnusable,
                    message: "cannot sign the checkpoint of tree size \(tree.size): \(error)",
                    cause: error
                )
            }
            return (try self.store(note.serialized), true)
        }
    }

    /// Adds a witness's cosignature line to the stored checkpoint of `size` and stores the result.
    public func attach(cosignature: NoteSignature, size: UInt64) async throws(TransparencyError) -> IssuedCheckpoint {
        try await onQueue { () throws(TransparencyError) in
            guard let current = self.checkpoint(size: size) else {
                throw TransparencyError(
                    code: TransparencyErrorCode.noCheckpoint,
                    message: "no checkpoint of tree size \(size) was issued; cosign one that `accord checkpoint` shows"
                )
            }
            // A witness's newer cosignature of the same checkpoint replaces its older one.
            var signatures = current.note.signatures.filter {
                !($0.name == cosignature.name && $0.keyID == cosignature.keyID)
            }
            signatures.append(cosignature)
            return try self.store(SignedNote(text: current.note.text, signatures: signatures).serialized)
        }
    }

    private func store(_ text: String) throws(TransparencyError) -> IssuedCheckpoint {
        let issued: IssuedCheckpoint
        do {
            issued = try IssuedCheckpoint(text: text, logKey: logKey, origin: origin, label: "the new checkpoint")
        } catch {
            preconditionFailure("a checkpoint this daemon signed verifies: \(error.message)")
        }
        try archive.append(text, number: state.withLock { $0.issued.count } + 1)
        state.withLock { $0.add(issued) }
        return issued
    }

    private func onQueue<Value: Sendable>(_ body: @escaping @Sendable () throws(TransparencyError) -> Value)
        async throws(TransparencyError) -> Value
    {
        let result: Result<Value, TransparencyError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(TransparencyError) in try body() }) }
        }
        return try result.get()
    }
}
