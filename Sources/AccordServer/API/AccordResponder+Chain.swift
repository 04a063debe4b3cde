import AccordAPI
import AccordEngine
import AccordLog
import AccordTransparency
import NIOHTTP1

/// The transparency routes of a daemon whose store keeps no log file (PostgreSQL, decision 0011): verification
/// re-reads the chain from the store; checkpoints and proofs, which need the log file's Merkle tree, are refused.
extension AccordResponder {
    func chainAnswer(_ route: TransparencyRoute, request: HTTPRequest) async throws -> HTTPResponse {
        switch route {
        case .verify:
            try QueryParameters(request.query).refuseUnread(method: request.method, path: request.path)
            try AccordResponder.refuseBody(of: request)
            let store = engine.store
            let verification = ChainVerification(head: engine.head, location: engine.logPath) {
                from, head, limit throws(LogError) in
                try await store.records(from: from, through: head, limit: limit)
            }
            return try AccordResponder.json(await chainVerification.run(verification))
        case .lastVerification:
            try QueryParameters(request.query).refuseUnread(method: request.method, path: request.path)
            return try AccordResponder.json(chainVerification.status)
        default:
            throw APIFailure(
                status: .notImplemented,
                code: TransparencyErrorCode.proofsUnavailable,
                message: "checkpoints and proofs need a log file's Merkle tree, and this accordd keeps its ledger in "
                    + "\(engine.logPath) (decision 0011): `accord verify` checks the chain here; for checkpoints "
                    + "and proofs copy it to a folder with `accordd copy --from URL --to DIR` and verify that with "
                    + "`accord verify --log DIR/ledger.log`"
            )
        }
    }
}
