/// A route's path split once into its segments, with the one free segment (`{id}`, `{position}`) marked, so that
/// matching a request's path costs one split of the path, not one split per route.
struct PathTemplate: Sendable {
    private let segments: [Substring]
    private let parameter: Substring

    init(_ template: String, parameter: String) {
        segments = template.split(separator: "/", omittingEmptySubsequences: false)
        self.parameter = parameter[...]
    }

    /// The request path split the same way.
    static func segments(of path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// Nil when the path is not this route; else `.some` of the free segment's text (nil for a route without one).
    /// A free segment must not be empty.
    func match(_ path: [Substring]) -> Substring?? {
        guard path.count == segments.count else { return nil }
        var free: Substring?
        for (expected, actual) in zip(segments, path) {
            if expected == parameter {
                guard !actual.isEmpty else { return nil }
                free = actual
            } else if expected != actual {
                return nil
            }
        }
        return .some(free)
    }
}
