/// One thing a verification found, graded by what it means for trust in the log.
public struct VerificationFinding: Codable, Sendable, Equatable {
    public enum Grade: String, Codable, Sendable, Comparable {
        /// Nothing wrong, but worth knowing (exit 0).
        case notice
        /// Something that should be proven is not (exit 2): newest records no checkpoint covers, a witness missing.
        case gap
        /// A record or checkpoint that contradicts the log (exit 1).
        case manipulation

        public static func < (left: Grade, right: Grade) -> Bool { left.rank < right.rank }

        private var rank: Int {
            switch self {
            case .notice: return 0
            case .gap: return 1
            case .manipulation: return 2
            }
        }
    }

    public var grade: Grade
    /// Stable identifier, e.g. `log_chain_broken` or `checkpoint_contradicted`.
    public var code: String
    public var message: String
    public var position: UInt64?
    public var offset: UInt64?

    public init(grade: Grade, code: String, message: String, position: UInt64? = nil, offset: UInt64? = nil) {
        self.grade = grade
        self.code = code
        self.message = message
        self.position = position
        self.offset = offset
    }
}
