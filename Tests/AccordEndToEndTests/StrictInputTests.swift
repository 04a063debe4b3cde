import AccordClient
import Foundation
import XCTest

/// Input the JSON decoders would take or misreport is refused with the field named; personal data is text like
/// any other; the CLI shows control characters from the daemon visibly on a terminal.
final class StrictInputTests: XCTestCase {
    func testBodiesAreRefusedNamingTheFieldAndTheRule() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let transport = UnixSocketTransport(socketPath: ledger.socketPath)
        let person = #""personID":"p-9","homeInstitution":"cnrs","unit":"u""#
        let cases: [(String, String, Int, String, String)] = [
            ("/v1/retractions", #"{"position":1,"reason":"a","reason":"b"}"#, 400, "duplicate_key", "reason"),
            ("/v1/retractions", #"{"position":-1,"reason":"a"}"#, 400, "invalid_number", "position"),
            ("/v1/retractions", #"{"position":1.5,"reason":"a"}"#, 400, "invalid_number", "position"),
            ("/v1/retractions", #"{"position":18446744073709551616,"reason":"a"}"#, 400, "invalid_number", "position"),
            ("/v1/retractions", #"{"position":1,"reason":"\ud800"}"#, 400, "invalid_string", "reason"),
            ("/v1/retractions", #"{"position":1,"reason":"\udc00x"}"#, 400, "invalid_string", "reason"),
            (
                "/v1/agreements/cnrs-jrc-mou-2026/extend", #"{"validUntil":"2030-01-01","validUntil":"2031-01-01"}"#,
                400,
                "duplicate_key", "validUntil"
            ),
            ("/v1/people", "{\(person),\"name\":\"A\\u0007B\"}", 422, "invalid_text", "name"),
            ("/v1/people", "{\(person),\"name\":\"A\\u001b[2J\"}", 422, "invalid_text", "name"),
            ("/v1/people", "{\(person),\"name\":\"A\\u0000\"}", 422, "invalid_text", "name"),
            ("/v1/people", "{\(person),\"name\":\"A \\u202eB\"}", 422, "bidirectional_control", "name"),
            ("/v1/people", "{\(person),\"name\":\"A\\nB\"}", 422, "invalid_text", "name"),
            ("/v1/people", "{\(person),\"name\":\"A B\",\"email\":\"a@b\"}", 422, "invalid_email", "email"),
            ("/v1/people", "{\(person),\"name\":\"A B\",\"email\":\"a b@c.org\"}", 422, "invalid_email", "email"),
            ("/v1/people", "{\(person),\"name\":\"A B\",\"email\":\"a\\u001b@c.org\"}", 422, "invalid_text", "email"),
            ("/v1/people", "{\(person),\"name\":\"A B\",\"email\":\"a..b@c.org\"}", 422, "invalid_email", "email"),
        ]
        for (path, body, status, code, field) in cases {
            let answer = try await transport.send(HTTPExchange(method: "POST", path: path, body: Array(body.utf8)))
            let error = try JSONDecoder().decode([String: [String: String]].self, from: Data(answer.body))["error"]
            XCTAssertEqual(answer.status, status, "\(body): \(error ?? [:])")
            XCTAssertEqual(error?["code"], code, body)
            XCTAssertEqual(error?["field"], field, body)
        }
        let accepted = try await transport.send(
            HTTPExchange(
                method: "POST",
                path: "/v1/people",
                body: Array("{\(person),\"name\":\"Zoë Ørsted\",\"email\":\"zoë.ørsted+lab@exämple.org\"}".utf8)
            )
        )
        XCTAssertEqual(accepted.status, 201, String(decoding: accepted.body, as: UTF8.self))
    }

    func testTheCLIWritesControlCharactersFromTheDaemonVisiblyOnATerminal() async throws {
        let script = "/usr/bin/script"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: script), "needs script(1) for a terminal")
        let ledger = try LedgerFixture()
        try await ledger.start()
        // The daemon's answer repeats the id it was given, escape sequence included.
        let hostile = "x\u{1B}[2Jy"
        let command = "\(BuiltProducts.client) --socket \(ledger.socketPath) site show '\(hostile)'"
        let onTerminal = try CLIRunner(socketPath: ledger.socketPath, wrapper: [script, "-qec", command, "/dev/null"])
            .runWithoutSocket()
        XCTAssertTrue(onTerminal.standardOutput.contains("x\\u{1B}[2Jy"), onTerminal.standardOutput)
        XCTAssertFalse(onTerminal.standardOutput.contains("x\u{1B}[2J"), "no raw escape reaches the terminal")
    }
}
