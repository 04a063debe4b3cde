import Foundation

/// The routes of checkpoints, proofs and verification: the one place that names them, says what each is for,
/// and whether it is a query (reads what anyone allowed to read the ledger may see) or an audit (asks the daemon
/// to sign, re-read the log or accept a witness's cosignature), so that roles can attach to them.
public struct TransparencyRoute: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case query
        case audit
    }

    public var method: String
    /// Path segments after `/v1`; `{position}` is a record position.
    public var pathTemplate: String
    public var kind: Kind

    public init(method: String, pathTemplate: String, kind: Kind) {
        self.method = method
        self.pathTemplate = pathTemplate
        self.kind = kind
    }

    /// The latest checkpoint with its cosignatures, as a signed note (text/plain), exactly as stored.
    public static let latestCheckpoint = TransparencyRoute(
        method: "GET",
        pathTemplate: "/v1/checkpoints/latest",
        kind: .query
    )
    /// Every checkpoint issued, in the store's layout (text/plain).
    public static let allCheckpoints = TransparencyRoute(method: "GET", pathTemplate: "/v1/checkpoints", kind: .audit)
    /// Sign a checkpoint now, if the log grew since the latest one; answers the latest checkpoint.
    public static let signCheckpoint = TransparencyRoute(method: "POST", pathTemplate: "/v1/checkpoints", kind: .audit)
    /// The log's verifier key, as signed-note writes it (text/plain).
    public static let verifierKey = TransparencyRoute(method: "GET", pathTemplate: "/v1/checkpoints/key", kind: .query)
    /// A witness hands in its cosignature of a checkpoint.
    public static let addCosignature = TransparencyRoute(
        method: "POST",
        pathTemplate: "/v1/checkpoints/cosignatures",
        kind: .audit
    )
    /// A self-contained inclusion proof of one record against the latest checkpoint (c2sp tlog-proof, text/plain).
    public static let inclusionProof = TransparencyRoute(
        method: "GET",
        pathTemplate: "/v1/proofs/inclusion/{position}",
        kind: .query
    )
    /// The consistency proof between two tree sizes (`?from=OLD&to=NEW`, NEW defaults to the latest checkpoint).
    public static let consistencyProof = TransparencyRoute(
        method: "GET",
        pathTemplate: "/v1/proofs/consistency",
        kind: .query
    )
    /// Re-read every record from disk and check it against the latest checkpoint; answers the findings.
    public static let verify = TransparencyRoute(method: "POST", pathTemplate: "/v1/verification", kind: .audit)
    /// The result of the last verification.
    public static let lastVerification = TransparencyRoute(
        method: "GET",
        pathTemplate: "/v1/verification",
        kind: .query
    )

    public static let all: [TransparencyRoute] = [
        latestCheckpoint, allCheckpoints, signCheckpoint, verifierKey, addCosignature, inclusionProof,
        consistencyProof, verify, lastVerification,
    ]

    private static let templates = all.map { PathTemplate($0.pathTemplate, parameter: "{position}") }

    /// The path with `{position}` filled in.
    public func path(position: UInt64) -> String {
        pathTemplate.replacingOccurrences(of: "{position}", with: String(position))
    }

    /// The route of a method and path (the segment under `{position}` is returned as given).
    public static func match(method: String, path: String) -> (route: TransparencyRoute, position: String?)? {
        let segments = PathTemplate.segments(of: path)
        for (route, template) in zip(all, templates) where route.method == method {
            guard let position = template.match(segments) else { continue }
            return (route, position.map(String.init))
        }
        return nil
    }
}
