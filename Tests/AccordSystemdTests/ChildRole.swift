import XCTest

/// Some checks must run in a fresh process: socket activation hands over fd 3 and up, which this test process
/// may already use. Such a test re-runs itself as a child of the real launcher, and the child recognises its role
/// by an environment variable naming the test.
enum ChildRole {
    static let variable = "ACCORD_SYSTEMD_TEST_CHILD"

    /// The name of the test this process was started to run as a child, or nil in an ordinary run.
    static var current: String? {
        environmentValue(Self.variable)
    }

    /// The argument that makes the XCTest runner run only `test` of `testCase`.
    static func selector(_ testCase: XCTestCase.Type, _ test: String) -> String {
        "AccordSystemdTests.\(testCase)/\(test)"
    }

    /// In a child started for another test, skips this one so that a child never starts children of its own.
    static func skipUnlessRunningAs(_ test: String) throws {
        if let current, current != test {
            throw XCTSkip("child process for \(current)")
        }
    }
}
