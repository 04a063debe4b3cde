import Foundation

/// Runs `body` with some environment variables set (or unset, for nil) in this process, then restores them.
/// libsystemd reads the environment itself, so the tests must change the real one; XCTest runs tests one at a time.
func withEnvironment<Result>(_ values: [String: String?], _ body: () throws -> Result) rethrows -> Result {
    let saved = values.keys.map { key in (key, getenv(key).map { String(cString: $0) }) }
    for (key, value) in values {
        setEnvironment(key, value)
    }
    defer {
        for (key, value) in saved {
            setEnvironment(key, value)
        }
    }
    return try body()
}

func setEnvironment(_ key: String, _ value: String?) {
    if let value {
        setenv(key, value, 1)
    } else {
        unsetenv(key)
    }
}

func environmentValue(_ key: String) -> String? {
    getenv(key).map { String(cString: $0) }
}
