import Logging
import XCTest

@testable import AccordSystemd

final class LogTargetTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        self.directory = try TemporaryDirectory()
    }

    override func tearDown() {
        self.directory.remove()
    }

    func testAutoPicksTheJournalOnlyUnderSystemdWithJournaldListening() throws {
        let journal = try UnixSocket(
            bindingTo: self.directory.appending("journal.sock"),
            type: Int32(SOCK_DGRAM.rawValue)
        )
        let regularFile = self.directory.appending("not-a-socket")
        XCTAssertTrue(FileManager.default.createFile(atPath: regularFile, contents: Data()))
        let absent = self.directory.appending("absent.sock")
        let cases: [(environment: [String: String], socket: String, expected: LogTarget)] = [
            (["JOURNAL_STREAM": "8:12345"], journal.path, .journal),
            (["INVOCATION_ID": "0123456789abcdef0123456789abcdef"], journal.path, .journal),
            ([:], journal.path, .stderr),
            (["TERM": "xterm"], journal.path, .stderr),
            (["INVOCATION_ID": "0123456789abcdef0123456789abcdef"], absent, .stderr),
            (["JOURNAL_STREAM": "8:12345"], regularFile, .stderr),
        ]
        for (environment, socket, expected) in cases {
            XCTAssertEqual(
                LogTarget.auto.resolve(environment: environment, journalSocketPath: socket),
                expected,
                "\(environment) with \(socket)"
            )
        }
    }

    func testExplicitTargetsAreKept() {
        let absent = self.directory.appending("absent.sock")
        XCTAssertEqual(LogTarget.journal.resolve(environment: [:], journalSocketPath: absent), .journal)
        XCTAssertEqual(LogTarget.stderr.resolve(environment: ["INVOCATION_ID": "x"]), .stderr)
    }

    func testCommandLineSpellings() {
        XCTAssertEqual(LogTarget.allCases.map(\.rawValue), ["auto", "journal", "stderr"])
        XCTAssertEqual(LogTarget(rawValue: "journal"), .journal)
        XCTAssertNil(LogTarget(rawValue: "syslog"))
    }

    func testFactoriesCarryTheLevelAndTheChosenHandler() {
        let journal = LogTarget.journal.logHandlerFactory(logLevel: .notice, environment: [:])("accord.server")
        let journalHandler = journal as? JournalLogHandler
        XCTAssertNotNil(journalHandler)
        XCTAssertEqual(journalHandler?.label, "accord.server")
        XCTAssertEqual(journalHandler?.syslogIdentifier, "accordd")
        XCTAssertEqual(journal.logLevel, .notice)

        let standardError = LogTarget.stderr.logHandlerFactory(logLevel: .trace, environment: [:])("accord.log")
        XCTAssertTrue(standardError is StreamLogHandler)
        XCTAssertEqual(standardError.logLevel, .trace)

        let outsideSystemd = LogTarget.auto.logHandlerFactory(logLevel: .info, environment: [:])("accord")
        XCTAssertTrue(outsideSystemd is StreamLogHandler)
    }
}
