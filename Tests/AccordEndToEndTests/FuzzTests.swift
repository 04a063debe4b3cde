import AccordAPI
import AccordServer
import Foundation
import XCTest

/// Hostile input against every route of a seeded ledger (every route of the roles table, `RouteRoles.routes`):
/// malformed, truncated, oversized, wrongly typed, deeply nested, duplicate-key and unknown-field JSON, and broken
/// HTTP. Every answer is a 4xx JSON error (a query may also answer 200), or a closed connection for what is not
/// HTTP; never a 5xx; the daemon keeps serving; and the data folder is byte for byte what it was.
/// ACCORD_FUZZ_ITERATIONS (default 2,000) and ACCORD_FUZZ_SEED (printed) rerun a failure exactly.
final class FuzzTests: XCTestCase {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["ACCORD_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2_000
    }

    func testHostileRequestsAreRefusedAndChangeNothing() async throws {
        let seed =
            ProcessInfo.processInfo.environment["ACCORD_FUZZ_SEED"].flatMap(UInt64.init)
            ?? UInt64.random(in: 1...1_000_000)
        print("fuzz: seed \(seed) (ACCORD_FUZZ_SEED=\(seed) reruns this), \(Self.iterations) requests")
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        // The daemon signs a checkpoint once the log grew; signing it now keeps its scheduled one from landing in
        // the data folder during the run.
        _ = try ledger.accord(["checkpoint", "--sign"])
        let before = try Self.snapshot(ledger.dataDirectory)
        var random = SeededGenerator(seed: seed)
        var counts: [String: Int] = [:]
        var targeted: [String: Int] = [:]
        for iteration in 0..<Self.iterations {
            let request = HostileRequest.make(iteration: iteration, using: &random)
            if let route = request.route { targeted[route, default: 0] += 1 }
            let connection = try RawConnection(ledger.socketPath)
            connection.send(request.bytes)
            let answer = connection.readAnswer(seconds: 15, toHEAD: request.bytes.starts(with: Array("HEAD ".utf8)))
            let label =
                "iteration \(iteration) (seed \(seed)), \(request.kind): \(String(decoding: request.bytes.prefix(300), as: UTF8.self).debugDescription)"
            guard let status = answer.status else {
                XCTAssertTrue(request.mayBeClosed, "no answer to \(label)")
                counts["closed", default: 0] += 1
                continue
            }
            counts["\(status)", default: 0] += 1
            XCTAssertLessThan(status, 500, "\(label): \(answer.body)")
            if !request.isQuery { XCTAssertTrue((400..<500).contains(status), "\(label): \(status) \(answer.body)") }
            let isHEAD = request.bytes.starts(with: Array("HEAD ".utf8))
            if !(request.isQuery && status == 200) && !isHEAD {
                let error = try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(answer.body.utf8))
                XCTAssertNotNil(error, "\(label): the answer is not a JSON error: \(answer.body)")
            }
            if status >= 500 || (status < 400 && !request.isQuery) { break }
        }
        let status = try ledger.accord(["status", "--json"])
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, 8)
        XCTAssertTrue(ledger.daemon.process.isRunning, ledger.daemon.errors)
        XCTAssertEqual(try Self.snapshot(ledger.dataDirectory), before, "the data folder changed")
        let declared = Set(RouteRoles.routes.map(\.description))
        XCTAssertEqual(Set(targeted.keys).subtracting(declared), [], "only declared routes are aimed at")
        if Self.iterations >= declared.count {
            XCTAssertEqual(declared.subtracting(targeted.keys), [], "every declared route was aimed at")
        }
        print(
            "fuzz: \(targeted.count) of \(declared.count) declared routes, each aimed at \(targeted.values.min() ?? 0) to \(targeted.values.max() ?? 0) times"
        )
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("fuzz: \(Self.iterations) hostile requests (seed \(seed)); answers \(summary); data folder unchanged")
    }

    /// Every file under the folder with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = "\(folder)/\(name)"
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return files
    }
}

/// SplitMix64: the same seed gives the same requests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
