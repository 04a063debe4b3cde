import Foundation
import XCTest

/// Runs `python3` as a child process and collects what it says, for the cross-checks and for docs/verify.py.
enum Python {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], standardInput: String = "") throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(standardInput.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes to their end before waiting, so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        // The test process lives for the whole run: each descriptor it forgets counts against its limit.
        for handle in [output.fileHandleForReading, errors.fileHandleForReading, input.fileHandleForReading] {
            try? handle.close()
        }
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Skips nothing: the `cryptography` package is a declared test dependency (scripts/ensure-dependencies.sh).
    static func requireCryptography() throws {
        let outcome = try run(["-c", "import cryptography"])
        XCTAssertEqual(
            outcome.status,
            0,
            "Python's cryptography package is missing; run scripts/ensure-dependencies.sh: \(outcome.errors)"
        )
    }
}
