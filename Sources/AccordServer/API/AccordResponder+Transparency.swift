import AccordAPI
import AccordEngine
import AccordLog
import AccordProof
import AccordTransparency
import Foundation
import NIOCore
import NIOHTTP1

/// Checkpoints, proofs and verification on demand (`TransparencyRoute`).
extension AccordResponder {
    func transparencyAnswer(
        _ route: TransparencyRoute,
        position: String?,
        request: HTTPRequest,
        transparency: Transparency
    ) async throws -> HTTPResponse {
        let parameters = QueryParameters(request.query)
        if route.method == "POST" {
            // An audit action is refused before it acts, never after: none takes a parameter, and only a
            // cosignature comes in a body.
            try parameters.refuseUnread(method: request.method, path: request.path)
            if route != .addCosignature { try AccordResponder.refuseBody(of: request) }
        }
        let response: HTTPResponse
        switch route {
        case .latestCheckpoint:
            response = AccordResponder.text(try latestCheckpoint(transparency).text)
        case .allCheckpoints:
            response = AccordResponder.text(transparency.issuer.storedText)
        case .signCheckpoint:
            response = AccordResponder.text(try await sign(transparency, reason: "requested").text)
        case .verifierKey:
            response = AccordResponder.text(transparency.issuer.verifierKey + "\n")
        case .addCosignature:
            response = AccordResponder.text(try await addCosignatures(request, transparency).text)
        case .inclusionProof:
            response = AccordResponder.text(try await inclusionProof(position, transparency))
        case .consistencyProof:
            response = try AccordResponder.json(try consistencyProof(parameters, transparency))
        case .verify:
            response = try AccordResponder.json(await verify(transparency))
        case .lastVerification:
            response = try AccordResponder.json(transparency.verification.status)
        default:
            preconditionFailure("every transparency route has an answer: \(route.pathTemplate)")
        }
        try parameters.refuseUnread(method: request.method, path: request.path)
        return response
    }

    /// A route that takes no body accepts none, or `{}`: a client that sends one learns that it was not read.
    static func refuseBody(of request: HTTPRequest) throws {
        let body = String(buffer: request.body).trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.isEmpty || body == "{}" else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_body",
                message: "\(request.method) \(request.path) takes no body (or {}); send it without one"
            )
        }
    }

    /// A verification of the ledger as the store holds it, through the durable head: the log file as it is on disk,
    /// or the records read back from the database.
    func verify(_ transparency: Transparency) async -> VerificationReport {
        let head = engine.head
        let notes = transparency.issuer.storedEntries
        guard engine.logFile == nil else {
            return await transparency.verification.run(
                LogVerification(
                    logPath: transparency.log.location,
                    limit: head,
                    checkpointNotes: notes,
                    logKey: transparency.issuer.logKey,
                    policy: transparency.policy
                )
            )
        }
        let store = transparency.log
        return await transparency.verification.run(
            ChainVerification(
                head: head,
                checkpointNotes: notes,
                logKey: transparency.issuer.logKey,
                policy: transparency.policy
            ) { from, head, limit throws(LogError) in
                try await store.records(from: from, through: head, limit: limit)
            }
        )
    }

    private func latestCheckpoint(_ transparency: Transparency) throws -> IssuedCheckpoint {
        guard let latest = transparency.issuer.latest else {
            throw APIFailure(
                status: .notFound,
                code: TransparencyErrorCode.noCheckpoint,
                message: "no checkpoint was signed yet: the log is empty, or `accord checkpoint --sign` signs one now"
            )
        }
        return latest
    }

    private func sign(_ transparency: Transparency, reason: String) async throws -> IssuedCheckpoint {
        do {
            return try await transparency.signIfGrown(transparency.log.tree, reason: reason)
        } catch {
            throw Self.storeFailure(error)
        }
    }

    /// A checkpoint the store could not keep: a standby stores none (the primary's daemon signs, and its checkpoints
    /// reach the standby with the records), any other failure is the store's for now.
    private static func storeFailure(_ error: TransparencyError) -> APIFailure {
        let status: HTTPResponseStatus = error.code == LogErrorCode.readOnly ? .conflict : .serviceUnavailable
        return APIFailure(status: status, code: error.code, message: error.message)
    }

    /// The body is the checkpoint as a signed note carrying the witness's cosignature lines (C2SP
    /// tlog-cosignature); each line of a policy witness must verify, and is attached to the stored checkpoint.
    private func addCosignatures(_ request: HTTPRequest, _ transparency: Transparency) async throws -> IssuedCheckpoint
    {
        guard let policy = transparency.policy else {
            throw APIFailure(
                status: .conflict,
                code: "no_witness_policy",
                message: "this daemon has no witness policy, so it accepts no cosignature; set witnessPolicyFile in "
                    + "its configuration (see docs/operations.md)"
            )
        }
        let note: SignedNote
        do {
            note = try SignedNote(parsing: String(buffer: request.body))
        } catch {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_cosignature",
                message: "the body is not a signed note: \(error)"
            )
        }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(parsing: note.text)
        } catch {
            throw APIFailure(status: .badRequest, code: "invalid_cosignature", message: "\(error)")
        }
        guard let stored = transparency.issuer.checkpoint(size: checkpoint.size), stored.note.text == note.text else {
            throw APIFailure(
                status: .notFound,
                code: TransparencyErrorCode.noCheckpoint,
                message: "this log issued no checkpoint with that text (tree size \(checkpoint.size)); cosign one "
                    + "that GET /v1/checkpoints/latest answered"
            )
        }
        var attached = stored
        var accepted = 0
        for signature in note.signatures {
            guard let witness = policy.witnesses.first(where: { $0.verifier.names(signature) }) else { continue }
            do {
                _ = try witness.verifier.verify(signature, of: checkpoint)
            } catch {
                throw APIFailure(
                    status: .unprocessableEntity,
                    code: CheckpointProblem.forgedCosignature,
                    message: "\(error)"
                )
            }
            do {
                attached = try await transparency.issuer.attach(cosignature: signature, size: checkpoint.size)
            } catch {
                throw Self.storeFailure(error)
            }
            accepted += 1
        }
        guard accepted > 0 else {
            throw APIFailure(
                status: .unprocessableEntity,
                code: "unknown_witness",
                message: "no signature line of the note is by a witness of this daemon's policy ("
                    + policy.witnesses.map(\.name).joined(separator: ", ") + ")"
            )
        }
        transparency.stored(attached, "cosigned")
        return attached
    }

    /// A c2sp.org/tlog-proof@v1 of the record at `position` against the latest checkpoint, signing one first if
    /// the latest does not cover the record yet. The proof's extra data is the record's frame.
    private func inclusionProof(_ text: String?, _ transparency: Transparency) async throws -> String {
        guard let text, let position = UInt64(text), position >= 1 else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_position",
                message: "the position in /v1/proofs/inclusion/POSITION is a record position, 1 or more",
                field: "position"
            )
        }
        let head = engine.head
        guard position <= head.position else {
            throw APIFailure(
                status: .notFound,
                code: "position_not_recorded",
                message: "the log holds \(head.position) records; there is no record \(position) yet",
                field: "position"
            )
        }
        var checkpoint = transparency.issuer.latest
        if checkpoint.map({ $0.size < position }) ?? true {
            checkpoint = try await sign(transparency, reason: "a proof of record \(position) was asked for")
        }
        guard let checkpoint, checkpoint.size >= position else {
            throw APIFailure(
                status: .serviceUnavailable,
                code: "tree_behind",
                message: "record \(position) is not in the Merkle tree yet; retry in a moment"
            )
        }
        do {
            let records = try await transparency.log.records(from: position, through: head, limit: 1)
            guard let record = records.first else {
                preconditionFailure("a durable position \(position) has a record")
            }
            let proof = try InclusionProof.make(
                index: position - 1,
                treeSize: checkpoint.size,
                nodes: transparency.log.tree
            )
            return ProofBundle(
                extra: record.frame,
                index: position - 1,
                inclusionPath: proof,
                checkpoint: checkpoint.note
            ).serialized
        } catch {
            throw APIFailure(
                status: .serviceUnavailable,
                code: (error as? LogError)?.code ?? (error as? EngineError)?.code ?? "proof_unavailable",
                message: "cannot make the proof of record \(position): \(error)"
            )
        }
    }

    private func consistencyProof(_ parameters: QueryParameters, _ transparency: Transparency) throws
        -> ConsistencyProofView
    {
        let latest = try latestCheckpoint(transparency)
        guard let from = try parameters.unsigned("from") else {
            throw APIFailure(
                status: .badRequest,
                code: "missing_parameter",
                message: "from is the tree size of the older checkpoint",
                field: "from"
            )
        }
        let to = try parameters.unsigned("to") ?? latest.size
        guard let newer = transparency.issuer.checkpoint(size: to) else {
            throw APIFailure(
                status: .notFound,
                code: TransparencyErrorCode.noCheckpoint,
                message: "this log issued no checkpoint of tree size \(to); the latest has \(latest.size)",
                field: "to"
            )
        }
        guard from <= to else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_range",
                message: "from (\(from)) is larger than to (\(to)): a log only grows, so an older checkpoint larger "
                    + "than the newer one cannot be consistent with it",
                field: "from"
            )
        }
        do {
            let proof = try ConsistencyProof.make(oldSize: from, newSize: to, nodes: transparency.log.tree)
            return ConsistencyProofView(oldSize: from, newSize: to, hashes: proof.map(\.base64), checkpoint: newer.text)
        } catch {
            throw APIFailure(
                status: .serviceUnavailable,
                code: (error as? LogError)?.code ?? "proof_unavailable",
                message: "cannot make the consistency proof from \(from) to \(to): \(error)"
            )
        }
    }

    static func text(_ body: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        return HTTPResponse(status: .ok, headers: headers, body: ByteBuffer(string: body))
    }
}
