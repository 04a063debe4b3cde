import Foundation
import XCTest

/// What people read at the terminal: tables, help texts, errors and exit codes, against golden files.
final class TerminalOutputTests: XCTestCase {
    /// A ledger with what makes tables hard: a long name, a CJK name, a line break in a value, an overdue secondment.
    private func awkwardLedger() async throws -> LedgerFixture {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        try ledger.accord([
            "institution", "register", "--id", "utokyo", "--name", "東京大学", "--country", "JP", "--kind", "university",
        ])
        try ledger.accord([
            "institution", "register", "--id", "long", "--name", Self.longName,
            "--country", "DE", "--kind", "governmentAgency",
        ])
        // A combining accent takes no column, an emoji two.
        try ledger.accord([
            "institution", "register", "--id", "accents", "--name", "Cafe\u{301} 🔬 lab", "--country", "FR",
            "--kind", "company",
        ])
        try ledger.accord([
            "institution", "register", "--id", "split", "--name", "First line\nsecond\tline", "--country", "AT",
            "--kind", "other",
        ])
        return ledger
    }

    func testTablesFitTheTerminalAndSpeakInWords() async throws {
        let ledger = try await awkwardLedger()
        var transcript = GoldenTranscript(name: "tables")
        let narrow = CLIRunner(socketPath: ledger.socketPath, environment: ["COLUMNS": "60"])
        let narrowList = try narrow.run(["institution", "list"])
        XCTAssertEqual(narrowList.exitCode, 0, narrowList.standardError)
        XCTAssertTrue(
            narrowList.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 60 },
            "fits 60 columns: \(narrowList.standardOutput)"
        )
        transcript.add(["institution", "list", "(COLUMNS=60)"], narrowList)
        let terminal = CLIRunner(socketPath: ledger.socketPath, environment: ["COLUMNS": "100"])
        for arguments in [
            ["institution", "list"],
            ["agreement", "list", "--on", "2026-05-01"],
            ["agreement", "list", "--on", "2026-02-01"],
            ["agreement", "show", "cnrs-jrc-mou-2026", "--on", "2026-10-01"],
            ["secondment", "list", "--on", "2026-10-01"],
            ["secondment", "list", "--on", "2026-10-01", "--status", "overdue"],
            ["secondment", "show", "s-2026-001", "--on", "2026-10-01"],
            ["access", "list", "--on", "2026-05-01"],
        ] {
            let result = try terminal.run(arguments)
            XCTAssertEqual(result.exitCode, 0, result.standardError)
            for line in result.standardOutput.split(separator: "\n") {
                XCTAssertFalse(line.hasSuffix(" "), "no trailing spaces: \(line)")
            }
            transcript.add(arguments, result)
        }
        try transcript.verify()

        let wide = try ledger.accord(["institution", "list", "--wide"])
        XCTAssertTrue(
            wide.standardOutput.contains(Self.longName),
            "--wide shows the whole name"
        )
    }

    func testOverdueSecondmentsAreVisibleWithoutADay() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        // Years before any clock this runs on: overdue today, whatever today is.
        try ledger.accord([
            "agreement", "sign", "--id", "old-mou", "--title", "An old agreement", "--party", "cnrs", "--party", "jrc",
            "--signed-on", "2020-01-06", "--domain", "nuclear",
        ])
        try ledger.accord([
            "person", "register", "--id", "p-0002", "--home-institution", "cnrs", "--unit", "CNRS", "--name", "Ana",
        ])
        try ledger.accord([
            "secondment", "start", "--id", "s-2020-001", "--person", "p-0002", "--agreement", "old-mou",
            "--host-institution", "jrc", "--host-site", "ispra", "--mode", "detachment", "--domain", "nuclear",
            "--start", "2020-02-01", "--planned-end", "2020-03-31",
        ])
        let overdue = try ledger.accord([
            "secondment", "list", "--status", "overdue", "--agreement", "old-mou", "--json",
        ])
        let ids = (overdue.json as? [[String: Any]])?.compactMap { $0["secondmentID"] as? String }
        XCTAssertEqual(ids, ["s-2020-001"], overdue.standardOutput)
        let show = try ledger.accord(["secondment", "show", "s-2020-001"])
        XCTAssertTrue(show.standardOutput.contains("status                overdue on "), show.standardOutput)
        let today = try ledger.accord(["secondment", "list", "--on", Self.today()])
        XCTAssertTrue(
            today.standardOutput.contains("s-2020-001"),
            "an overdue secondment is under way: \(today.standardOutput)"
        )
    }

    func testErrorsSpeakTheUsersWordsWithExitCodes() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        var transcript = GoldenTranscript(name: "errors")
        let missing = ledger.folder.file("missing.sock")
        let cases: [(CLIRunner, [String])] = [
            (ledger.cli, ["agrement", "list"]),
            (ledger.cli, ["secondment", "lst"]),
            (ledger.cli, ["secondment", "zzzz"]),
            (ledger.cli, ["agreement", "list", "--json", "--bogus"]),
            (ledger.cli, ["agrement", "--json"]),
            (
                ledger.cli,
                ["correct", "--position", "1", "--reason", "x", "--event", "@/nonexistent/file.json", "--json"]
            ),
            (ledger.cli, ["correct", "--position", "1", "--reason", "x", "--event", #"{"type": "AgreementSigned"}"#]),
            (
                ledger.cli,
                [
                    "secondment", "start", "--id", "s-2026-009", "--person", "p-0001", "--agreement",
                    "cnrs-jrc-mou-2026", "--host-institution", "jrc", "--host-site", "ispra", "--mode", "detachment",
                    "--domain", "nuclear", "--start", "2026-05-01", "--planned-end", "2026-04-01",
                ]
            ),
            (CLIRunner(socketPath: missing), ["status"]),
            (CLIRunner(socketPath: missing), ["status", "--json"]),
            (CLIRunner(socketPath: missing), ["version"]),
            // The proof commands: verify keeps its own usage exit (64), in JSON too; did-you-mean knows them.
            (ledger.cli, ["verfy", "--log", "x"]),
            (ledger.cli, ["witness", "cosing"]),
            (ledger.cli, ["verify", "--log", "/nonexistent/ledger.log", "--json"]),
            (ledger.cli, ["verify", "--json", "--bogus"]),
            (ledger.cli, ["prove", "999", "--json"]),
        ]
        for (runner, arguments) in cases {
            let result = try runner.run(arguments)
            XCTAssertNotEqual(result.exitCode, 0, result.standardError)
            XCTAssertFalse(result.standardError.contains("))"), "no library text: \(result.standardError)")
            if arguments.contains("--json") {
                XCTAssertNotNil(
                    try? JSONSerialization.jsonObject(with: Data(result.standardError.utf8)),
                    "--json errors are JSON: \(result.standardError)"
                )
            }
            transcript.add(arguments, result, replacing: [missing: "<missing socket>", ledger.socketPath: "<socket>"])
        }
        try transcript.verify()
    }

    func testHelpTexts() throws {
        var transcript = GoldenTranscript(name: "help")
        let runner = CLIRunner(socketPath: "/nonexistent.sock", environment: ["COLUMNS": "100"])
        for arguments in [["--help"], ["secondment", "list", "--help"], ["version", "--help"]] {
            let result = try runner.run(arguments)
            XCTAssertEqual(result.exitCode, 0, result.standardError)
            transcript.add(arguments, result)
        }
        try transcript.verify()
    }

    func testVersionNamesClientAndDaemon() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let version = try ledger.accord(["version", "--json"])
        let fields = version.json as? [String: Any]
        XCTAssertNotNil(fields?["client"] as? String, version.standardOutput)
        XCTAssertEqual(fields?["client"] as? String, fields?["daemon"] as? String, "built together, same version")
    }

    /// Nearly the 2,000-character limit of a name.
    private static let longName = String(repeating: "Very Long Name ", count: 133) + "end"

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }
}
