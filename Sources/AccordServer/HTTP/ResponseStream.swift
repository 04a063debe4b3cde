/// A response body written while it is produced (chunked), for answers without an end such as following the log.
/// The connection closes when `produce` returns or throws; the server cancels it when the peer goes away or the
/// daemon shuts down.
public struct ResponseStream: Sendable {
    public var produce: @Sendable (ResponseBodyWriter) async throws -> Void

    public init(produce: @escaping @Sendable (ResponseBodyWriter) async throws -> Void) {
        self.produce = produce
    }
}
