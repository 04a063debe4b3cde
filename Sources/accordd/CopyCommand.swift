import AccordEngine
import AccordLog
import AccordPostgres
import AccordProof
import ArgumentParser
import Foundation
import Logging

/// `accordd copy`: a ledger from a data folder to PostgreSQL or back, record for record (the same frames), then
/// the copy re-opened and verified: the same head and the same Merkle root, or the copy is reported as failed.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a ledger between a data folder and PostgreSQL, and verify the copy.",
        discussion: """
            Reads every record of --from (verifying checksums and the hash chain), writes the same frames to --to, \
            which must be empty (a folder without ledger.log, or a database without records), then opens --to \
            again, verifies it from genesis and compares its head hash and Merkle root with the source's. Stop the \
            accordd writing --from first (a folder's log is locked while accordd runs; it is opened as accordd's start \
            opens it, so a torn last record is set aside beside it). Personal data is not part \
            of the log: copy <data-dir>/personal-data with the files. The signed checkpoints are not copied: the \
            daemon on the copy signs new ones (with the same key and origin, old ones still verify against it). Exit status: 0 when the copy verified, 65 \
            when a ledger is damaged or the copy differs, 1 otherwise.
            """
    )

    static let destinationNotEmptyCode = "copy_destination_not_empty"
    static let mismatchCode = "copy_mismatch"
    static let pageRecords = 2_000

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp("The ledger to copy: a data folder, or a postgresql:// URL.", valueName: "folder-or-url")
    )
    var source: String

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp("Where to copy it: an empty data folder, or a postgresql:// URL of a database without records.", valueName: "folder-or-url")
    )
    var destination: String

    @Option(
        name: .customLong("store-password-file"),
        help: ArgumentHelp(
            "A file holding the PostgreSQL password (one line); default: the systemd credential accord-postgresql-password, else none.",
            valueName: "path"
        )
    )
    var passwordFile: String?

    func run() async throws {
        let logger = Logger(label: "accordd-copy")
        do throws(LogError) {
            let from = try LedgerPlace(parsing: source)
            let to = try LedgerPlace(parsing: destination)
            let password = try PostgresPassword.load(file: passwordFile, environment: ProcessInfo.processInfo.environment)
            let (head, root) = try await copy(from: from, to: to, password: password, logger: logger)
            let (copiedHead, copiedRoot) = try await verify(to, password: password, logger: logger)
            guard copiedHead == head, copiedRoot == root else {
                throw LogError(
                    code: Self.mismatchCode,
                    message: "the copy in \(to) ends at \(copiedHead) with Merkle root \(copiedRoot.base64), the "
                        + "source at \(head) with root \(root.base64): do not use the copy"
                )
            }
            print("copied \(head.position) records from \(from) to \(to) and verified the copy")
            print("head: position \(head.position), hash \(head.hash)")
            print("Merkle root: \(root.base64)")
        } catch {
            FileHandle.standardError.write(Data("accordd copy: \(error.message) [\(error.code)]\n".utf8))
            let damaged = error.meansUntrustedData || error.code == Self.mismatchCode
            throw ExitCode(damaged ? DaemonError.dataExitCode : 1)
        }
    }

    /// Copies every record through the source's head; returns that head and the Merkle root over the records.
    private func copy(
        from: LedgerPlace,
        to: LedgerPlace,
        password: String?,
        logger: Logger
    ) async throws(LogError) -> (ChainHead, TreeHash) {
        let source = try await from.openSource(password: password, logger: logger)
        defer { try? source.close() }
        let target = try await to.openDestination(password: password, logger: logger)
        let head = source.durableHead
        var tree = CompactRange()
        do throws(LogError) {
            var next: UInt64 = 1
            while next <= head.position {
                let page = try await source.records(from: next, through: head, limit: Self.pageRecords)
                let written = try await target.enqueue(page.map(\.draft)).wait()
                for (original, copied) in zip(page, written) {
                    guard copied.hash == original.hash else {
                        throw LogError(
                            code: Self.mismatchCode,
                            message: "record \(original.position) framed to other bytes in \(to) (it carries "
                                + "extensions this build does not write); the copy is incomplete: remove it",
                            position: original.position
                        )
                    }
                    _ = tree.append(leafHash: MerkleTree.leafHash(entry: original.hash))
                }
                next += UInt64(page.count)
            }
        } catch {
            try? target.close()
            throw error
        }
        try target.close()
        return (head, tree.root())
    }

    /// Opens the copy afresh and reads it all back verified; returns its head and Merkle root.
    private func verify(_ place: LedgerPlace, password: String?, logger: Logger) async throws(LogError)
        -> (ChainHead, TreeHash)
    {
        let store = try await place.openSource(password: password, logger: logger)
        defer { try? store.close() }
        let head = store.durableHead
        var tree = CompactRange()
        var next: UInt64 = 1
        while next <= head.position {
            let page = try await store.records(from: next, through: head, limit: Self.pageRecords)
            for record in page { _ = tree.append(leafHash: MerkleTree.leafHash(entry: record.hash)) }
            next += UInt64(page.count)
        }
        if let file = store as? FileLedgerStore, file.tree.root() != tree.root() {
            throw LogError(
                code: Self.mismatchCode,
                message: "the tree file of \(place) has root \(file.tree.root().base64), its records "
                    + "\(tree.root().base64)"
            )
        }
        return (head, tree.root())
    }
}
