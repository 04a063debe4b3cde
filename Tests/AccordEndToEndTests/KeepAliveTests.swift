import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `AccordClient` keeps its connection between requests: with room for one connection, a series of commands and
/// queries all pass through it, and a second connection opened meanwhile does not take its place. It reuses one only
/// as long as the daemon's `Keep-Alive` answer allows, and a command lost with a reused connection is sent again only
/// when its request id makes that safe.
final class KeepAliveTests: XCTestCase {
    func testOneClientUsesOneConnectionForManyRequests() async throws {
        let folder = try TemporaryFolder()
        let daemon = try DaemonProcess.configured(#"{"maximumConnections": 1}"#, in: folder)
        try await daemon.start()
        let client = AccordClient(socketPath: daemon.socketPath)
        // The start's last status request may still hold the one slot for a moment.
        let first = try await Deadline.poll(seconds: 10) {
            (try? await client.get("/v1/status", as: StatusReport.self)) != nil
        }
        XCTAssertTrue(first)
        for index in 0..<20 {
            let body = RegisterInstitution(
                institutionID: "i-\(index)",
                name: "Institution \(index)",
                country: "FR",
                kind: .other
            )
            _ = try await client.send(path: "/v1/institutions", body: body)
        }
        let status = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(status.head.position, 20)
        XCTAssertEqual(status.connections, 1, "every request went through the one kept connection")
        // The one slot stays with the kept connection: a client that connected anew for each request would now
        // find it taken by this silent connection and be refused.
        let silent = try ConnectionLimitTests.connect(daemon.socketPath)
        defer { close(silent) }
        let again = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(again.head.position, 20)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// A daemon whose idle timeout is shorter than the client's former fixed 20 s: it announces it, and a client idle
    /// longer than that still has its next commands recorded, each exactly once.
    func testClientIdleLongerThanTheDaemonsIdleTimeoutStillSucceeds() async throws {
        let folder = try TemporaryFolder()
        let daemon = try DaemonProcess.configured(#"{"idleTimeoutMilliseconds": 1500}"#, in: folder)
        try await daemon.start()
        let announcing = UnixSocketTransport(socketPath: daemon.socketPath, keepAlive: true)
        let answer = try await announcing.send(HTTPExchange(method: "GET", path: "/v1/status"))
        XCTAssertEqual(answer.header(HeaderNames.keepAlive), "timeout=1", "the idle timeout in whole seconds")
        let client = AccordClient(socketPath: daemon.socketPath)
        let register = { (index: Int, requestID: String?) async throws -> Void in
            let body = RegisterInstitution(
                institutionID: "i-\(index)",
                name: "Institution \(index)",
                country: "FR",
                kind: .other
            )
            _ = try await client.send(path: "/v1/institutions", body: body, requestID: requestID)
        }
        try await register(0, nil)
        // Each status request on its own connection: once it is the only one, the daemon closed the idle ones.
        let probe = UnixSocketTransport(socketPath: daemon.socketPath)
        let closed = try await Deadline.poll(seconds: 10) {
            let answer = try await probe.send(HTTPExchange(method: "GET", path: "/v1/status"))
            return try JSONCoding.decoder.decode(StatusReport.self, from: Data(answer.body)).connections == 1
        }
        XCTAssertTrue(closed, "the daemon closes connections idle past its 1.5 s")
        try await register(1, nil)
        try await register(2, "after-idle")
        let status = try await probe.send(HTTPExchange(method: "GET", path: "/v1/status"))
        let report = try JSONCoding.decoder.decode(StatusReport.self, from: Data(status.body))
        XCTAssertEqual(report.head.position, 3, "every command recorded exactly once")
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// A command with a request id lost with its reused connection is sent once more on a new one.
    func testCommandWithRequestIDLostWithAReusedConnectionIsSentAgain() async throws {
        let command = HTTPExchange(
            method: "POST",
            path: "/v1/institutions",
            headers: [(HeaderNames.idempotencyKey, "lost-once")],
            body: Array("{}".utf8)
        )
        let (outcome, requests) = try await sendOnAReusedConnection(command)
        XCTAssertEqual(try outcome.get().status, 200)
        XCTAssertEqual(
            requests,
            [["GET /v1/status HTTP/1.1", "POST /v1/institutions HTTP/1.1"], ["POST /v1/institutions HTTP/1.1"]],
            "lost on the reused connection, then answered on a new one"
        )
    }

    /// A command without a request id lost with its reused connection is not repeated: the error says it may have
    /// been recorded and how to find out.
    func testCommandWithoutRequestIDLostWithAReusedConnectionIsNotRepeated() async throws {
        let command = HTTPExchange(method: "POST", path: "/v1/institutions", body: Array("{}".utf8))
        let (outcome, requests) = try await sendOnAReusedConnection(command)
        guard case .failure(let error) = outcome else { return XCTFail("a command lost with its connection succeeded") }
        XCTAssertEqual(error.code, "command_outcome_unknown")
        XCTAssertTrue(error.message.contains("may or may not have been recorded"), error.message)
        XCTAssertTrue(error.message.contains("--request-id"), error.message)
        XCTAssertEqual(requests, [["GET /v1/status HTTP/1.1", "POST /v1/institutions HTTP/1.1"]])
    }

    /// A piece of an import lost with its reused connection is not repeated either: the error says to run the same
    /// import again, which resumes after the last line the ledger holds.
    func testAnImportPieceLostWithAReusedConnectionSaysToRunTheImportAgain() async throws {
        let piece = HTTPExchange(method: "POST", path: ImportRequest.path, body: Array("{}".utf8))
        let (outcome, requests) = try await sendOnAReusedConnection(piece)
        guard case .failure(let error) = outcome else { return XCTFail("a piece lost with its connection succeeded") }
        XCTAssertEqual(error.code, "command_outcome_unknown")
        XCTAssertTrue(error.message.contains("may or may not have been imported"), error.message)
        XCTAssertTrue(error.message.contains("run the same `accord import FILE` again"), error.message)
        XCTAssertFalse(error.message.contains("--request-id"), error.message)
        XCTAssertEqual(requests, [["GET /v1/status HTTP/1.1", "POST \(ImportRequest.path) HTTP/1.1"]])
    }

    /// What became of `command` sent on the kept connection a `DroppingServer` answered a read on (and drops at the
    /// next request), and the request lines the server read, by connection.
    private func sendOnAReusedConnection(
        _ command: HTTPExchange
    ) async throws -> (Result<HTTPAnswer, ClientError>, [[String]]) {
        let folder = try TemporaryFolder()
        let server = try DroppingServer(socketPath: folder.file("dropping.sock"))
        defer { server.stop() }
        let transport = UnixSocketTransport(socketPath: server.socketPath, timeoutSeconds: 10, keepAlive: true)
        _ = try await transport.send(HTTPExchange(method: "GET", path: "/v1/status"))
        let outcome: Result<HTTPAnswer, ClientError>
        do {
            outcome = .success(try await transport.send(command))
        } catch {
            outcome = .failure(error)
        }
        return (outcome, server.requests)
    }
}
