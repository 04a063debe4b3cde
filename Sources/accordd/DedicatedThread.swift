import Foundation

/// Blocking work that lasts (the replay of a large log) on a thread of its own, off Swift's cooperative pool, which
/// meanwhile serves the socket's `503 starting` answers.
enum DedicatedThread {
    static func run<Value: Sendable, Failure: Error>(
        _ name: String,
        _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Value, Failure>, Never>) in
            let thread = Thread { continuation.resume(returning: Result { () throws(Failure) in try body() }) }
            thread.name = name
            thread.start()
        }
        return try result.get()
    }
}
