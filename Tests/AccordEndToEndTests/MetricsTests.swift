import AccordClient
import Foundation
import XCTest

/// `GET /v1/metrics` of the real daemon, after appends and refusals: Prometheus text whose counts match what was done.
final class MetricsTests: XCTestCase {
    func testMetricsCountTheAppendsRefusalsAndRequestsThatHappened() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        for id in ["cnrs", "jrc", "inria"] {
            try ledger.accord(["institution", "register", "--id", id, "--name", id, "--country", "FR", "--kind", "university"])
        }
        for _ in 0..<2 {
            let duplicate = try ledger.cli.run([
                "institution", "register", "--id", "cnrs", "--name", "again", "--country", "FR", "--kind", "university",
            ])
            XCTAssertEqual(duplicate.exitCode, 1, duplicate.standardError)
        }
        let transport = UnixSocketTransport(socketPath: ledger.socketPath)
        let unknown = try await transport.send(HTTPExchange(method: "GET", path: "/v1/no-such-route"))
        XCTAssertEqual(unknown.status, 404)
        let refusedMethod = try await transport.send(HTTPExchange(method: "POST", path: "/v1/metrics"))
        XCTAssertEqual(refusedMethod.status, 405)
        // Refused by the server itself, on its announced length, before any responder sees it: counted all the same.
        let tooLarge = try await transport.send(
            HTTPExchange(method: "POST", path: "/v1/institutions", body: Array(repeating: UInt8(ascii: " "), count: 70_000))
        )
        XCTAssertEqual(tooLarge.status, 413)

        let answer = try await transport.send(HTTPExchange(method: "GET", path: "/v1/metrics"))
        XCTAssertEqual(answer.status, 200)
        let text = String(decoding: answer.body, as: UTF8.self)
        let samples = try PrometheusText.parse(text)

        XCTAssertEqual(samples["accord_appended_events_total"], 3, text)
        XCTAssertEqual(samples["accord_head_position"], 3, text)
        XCTAssertEqual(samples[#"accord_refusals_total{code="duplicate_id"}"#], 2, text)
        XCTAssertEqual(samples[#"accord_refusals_total{code="unknown_route"}"#], 1, text)
        XCTAssertEqual(samples[#"accord_refusals_total{code="method_not_allowed"}"#], 1, text)
        XCTAssertEqual(samples[#"accord_refusals_total{code="body_too_large"}"#], 1, text)
        // Five command requests and the refused POST /v1/metrics; the scrape itself is timed once it is answered.
        XCTAssertEqual(samples[#"accord_request_duration_seconds_count{method="POST"}"#], 6, text)
        XCTAssertGreaterThanOrEqual(samples[#"accord_request_duration_seconds_count{method="GET"}"#] ?? 0, 2, text)
        // One CLI call at a time: each event its own write round, one fdatasync each.
        XCTAssertEqual(samples["accord_fsync_duration_seconds_count"], 3, text)
        XCTAssertEqual(samples["accord_group_commit_records_count"], 3, text)
        XCTAssertEqual(samples["accord_group_commit_records_sum"], 3, text)
        XCTAssertEqual(samples[#"accord_group_commit_records_bucket{le="1.0"}"#], 3, text)
        XCTAssertGreaterThan(samples["accord_fsync_duration_seconds_sum"] ?? 0, 0, text)
        XCTAssertEqual(samples[#"accord_fsync_duration_seconds_bucket{le="+Inf"}"#], 3, text)
        let logSize = try FileManager.default.attributesOfItem(atPath: "\(ledger.dataDirectory)/ledger.log")[.size]
        XCTAssertEqual(samples["accord_log_bytes"], (logSize as? NSNumber)?.doubleValue, text)
        XCTAssertGreaterThanOrEqual(samples["accord_connections"] ?? 0, 1, "the scrape's own connection\n\(text)")
        XCTAssertGreaterThan(samples["accord_replay_duration_seconds"] ?? 0, 0, text)
        XCTAssertGreaterThan(samples["accord_uptime_seconds"] ?? 0, 0, text)

        let withQuery = try await transport.send(HTTPExchange(method: "GET", path: "/v1/metrics?x=1"))
        XCTAssertEqual(withQuery.status, 400)
    }
}

/// The Prometheus text exposition format, strictly: every sample's metric has a `# TYPE` line before it, every value
/// is a number, histograms have their `_bucket`, `_sum` and `_count`.
enum PrometheusText {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// Samples by `name{labels}` as written.
    static func parse(_ text: String) throws -> [String: Double] {
        var types: [String: String] = [:]
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3])
                else { throw Malformed(description: "bad TYPE line: \(line)") }
                types[String(parts[2])] = String(parts[3])
                continue
            }
            if line.hasPrefix("#") { continue }
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                throw Malformed(description: "not a sample: \(line)")
            }
            let key = String(line[..<space])
            let name = String(key.prefix { $0 != "{" })
            let family = ["_bucket", "_sum", "_count"].reduce(name) { family, suffix in
                types[family] == nil && family.hasSuffix(suffix) ? String(family.dropLast(suffix.count)) : family
            }
            guard let type = types[family] else { throw Malformed(description: "no TYPE before \(line)") }
            if family != name, type != "histogram" && type != "summary" {
                throw Malformed(description: "\(name) of a \(type)")
            }
            samples[key] = value
        }
        return samples
    }
}
