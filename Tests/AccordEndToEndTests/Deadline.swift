import Foundation

/// Polls a condition until it holds or the deadline passes: the only way these tests wait.
enum Deadline {
    static func poll(
        seconds: Double,
        every intervalMilliseconds: UInt64 = 20,
        _ condition: () async throws -> Bool
    ) async throws -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if try await condition() { return true }
            try await Task.sleep(nanoseconds: intervalMilliseconds * 1_000_000)
        }
        return try await condition()
    }
}
