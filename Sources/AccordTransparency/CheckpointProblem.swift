import AccordAPI

/// Why a stored or presented checkpoint cannot be trusted, graded as a verification finding.
public struct CheckpointProblem: Error, Sendable {
    public var code: String
    public var message: String

    /// The checkpoint does not parse as a signed note or a tlog-checkpoint.
    public static let unreadable = "checkpoint_unreadable"
    /// No signature on it verifies with the log's key.
    public static let forged = "checkpoint_forged"
    /// A cosignature line names a policy witness but does not verify.
    public static let forgedCosignature = "cosignature_forged"
    /// It names another origin than this log's.
    public static let otherOrigin = "checkpoint_other_origin"

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var finding: VerificationFinding {
        VerificationFinding(grade: .manipulation, code: code, message: message)
    }
}
