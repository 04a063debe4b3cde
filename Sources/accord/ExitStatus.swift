import AccordClient

/// The exit codes scripts can rely on.
enum ExitStatus {
    static let success: Int32 = 0
    /// The daemon refused: a rule, a conflict, an unknown id.
    static let refused: Int32 = 1
    /// The command line (or the request it built) is wrong.
    static let usage: Int32 = 2
    /// No daemon to talk to.
    static let unreachable: Int32 = 3
    /// `accord status`: the daemon answers but is not healthy (its writer failed, its disk is nearly full).
    static let unhealthy: Int32 = 4
    /// Recorded, with something left that the daemon finishes later (an erasure whose file is still on disk).
    static let recordedUnfinished: Int32 = 5

    static func code(for error: ClientError) -> Int32 {
        switch error.kind {
        case .unreachable: return unreachable
        case .refused(let status) where status == 400 || status == 413: return usage
        case .refused(let status) where status == 503: return unreachable
        case .refused, .protocolViolation: return refused
        }
    }
}
