import SystemPackage
import XCTest

/// A test case with a fresh temporary directory and a log path inside it.
class LogTestCase: XCTestCase {
    var directory: TemporaryDirectory!
    var path: FilePath!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        path = directory.file("ledger.log")
    }

    override func tearDown() {
        directory.remove()
    }
}
