import Foundation
import Logging
import XCTest

@testable import AccordSystemd

final class JournalLogHandlerTests: XCTestCase {
    func testMetadataKeysBecomeValidJournalFieldNames() {
        let expectations = [
            "accord.position": "ACCORD_POSITION",
            "ACCORD_POSITION": "ACCORD_POSITION",
            "event_type": "ACCORD_EVENT_TYPE",
            "peer-uid": "ACCORD_PEER_UID",
            "_PID": "ACCORD__PID",
            "9lives": "ACCORD_9LIVES",
            "MESSAGE": "ACCORD_MESSAGE",
            "établissement": "ACCORD__TABLISSEMENT",
            "": "ACCORD_",
        ]
        for (key, expected) in expectations {
            XCTAssertEqual(JournalLogHandler.journalFieldName(forMetadataKey: key), expected, key)
        }
    }

    func testFieldNamesAreCappedAtTheJournalLimit() {
        let name = JournalLogHandler.journalFieldName(forMetadataKey: String(repeating: "x", count: 100))
        XCTAssertEqual(name.count, 64)
        XCTAssertTrue(name.hasPrefix("ACCORD_XXX"))
    }

    func testEveryFieldNameIsAcceptedByJournald() {
        for key in ["a.b", "__", "0", "ünïcødé key", "accord_", "ACCORD", String(repeating: "é", count: 80)] {
            let name = JournalLogHandler.journalFieldName(forMetadataKey: key)
            XCTAssertTrue(Self.isValidJournalFieldName(name), "\(key) -> \(name)")
        }
    }

    /// journald's own rule (journal_field_valid): 1-64 characters of A-Z, 0-9, _, not starting with _ or a digit.
    private static func isValidJournalFieldName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, (1...64).contains(name.unicodeScalars.count) else {
            return false
        }
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
        return first != "_" && !("0"..."9").contains(first) && name.unicodeScalars.allSatisfy(allowed.contains)
    }

    func testSwiftLogLevelsMapToSyslogPriorities() {
        let expected: [Logger.Level: Int32] = [
            .trace: 7, .debug: 7, .info: 6, .notice: 5, .warning: 4, .error: 3, .critical: 2,
        ]
        for level in Logger.Level.allCases {
            XCTAssertEqual(JournalLogHandler.priority(for: level), expected[level], "\(level)")
        }
    }

    func testEntryCarriesMessageLocationLabelAndMetadata() {
        var handler = JournalLogHandler(
            label: "accord.server",
            metadataProvider: Logger.MetadataProvider { ["request": "from-provider", "peer.uid": "1000"] }
        )
        handler[metadataKey: "request"] = "from-handler"
        handler[metadataKey: "component"] = "log"
        let event = LogEvent(
            level: .notice,
            message: "appended\nsecond line",
            metadata: ["accord.position": "42", "event_type": "AgreementSigned", "request": "from-call"],
            source: "AccordServer",
            file: "AccordServer/Appender.swift",
            function: "append(_:)",
            line: 17
        )
        XCTAssertEqual(
            handler.fields(for: event),
            [
                "MESSAGE=appended\nsecond line",
                "PRIORITY=5",
                "SYSLOG_IDENTIFIER=accordd",
                "CODE_FILE=AccordServer/Appender.swift",
                "CODE_LINE=17",
                "CODE_FUNC=append(_:)",
                "SWIFT_LOG_LABEL=accord.server",
                "SWIFT_LOG_SOURCE=AccordServer",
                "ACCORD_POSITION=42",
                "ACCORD_COMPONENT=log",
                "ACCORD_EVENT_TYPE=AgreementSigned",
                "ACCORD_PEER_UID=1000",
                "ACCORD_REQUEST=from-call",
            ]
        )
    }

    func testErrorIsSentAsItsOwnField() {
        struct DiskFull: Error, CustomStringConvertible {
            var description: String { "no space left on /var/lib/accord" }
        }
        let event = LogEvent(
            level: .error,
            message: "append failed",
            error: DiskFull(),
            metadata: nil,
            source: nil,
            file: "f.swift",
            function: "g()",
            line: 1
        )
        let fields = JournalLogHandler(label: "accord").fields(for: event)
        XCTAssertTrue(fields.contains("SWIFT_LOG_ERROR=no space left on /var/lib/accord"), "\(fields)")
    }

    func testEntryRoundTripsThroughTheRealJournal() throws {
        guard LogTarget.auto.resolve(environment: ["INVOCATION_ID": "test"]) == .journal else {
            throw XCTSkip("no journald here: \(LogTarget.journalSocketPath) is missing (not running under systemd)")
        }
        let journalctl = "/usr/bin/journalctl"
        guard FileManager.default.isExecutableFile(atPath: journalctl) else {
            throw XCTSkip("\(journalctl) is missing")
        }
        let token = UUID().uuidString
        let logger = Logger(label: "accord.tests") { label in
            JournalLogHandler(label: label, logLevel: .debug, syslogIdentifier: "accord-systemd-tests")
        }
        logger.warning("journal round trip", metadata: ["test.token": "\(token)", "accord.position": "7"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var output = ""
        let found = waitUntil(timeoutSeconds: 20) {
            guard
                let child = try? ChildProcess(
                    executable: journalctl,
                    arguments: ["--output=export", "--no-pager", "ACCORD_TEST_TOKEN=\(token)"],
                    outputPath: directory.appending("journal")
                ),
                (try? child.waitForExit(timeoutSeconds: 20)) == 0
            else {
                return false
            }
            output = child.output
            return output.contains("ACCORD_TEST_TOKEN=\(token)")
        }
        XCTAssertTrue(found, "entry never reached the journal; last output:\n\(output)")
        for field in [
            "MESSAGE=journal round trip", "PRIORITY=4", "SYSLOG_IDENTIFIER=accord-systemd-tests",
            "ACCORD_POSITION=7", "SWIFT_LOG_LABEL=accord.tests", "CODE_FUNC=\(#function)",
        ] {
            XCTAssertTrue(output.contains("\n\(field)\n"), "\(field) missing from:\n\(output)")
        }
    }
}
