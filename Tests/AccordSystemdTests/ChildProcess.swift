import Foundation

/// A real child process whose standard output and error go to a file, waited for with a deadline.
final class ChildProcess {
    let process = Process()
    private let outputPath: String
    private let exited = DispatchSemaphore(value: 0)

    init(executable: String, arguments: [String], environment: [String: String]? = nil, outputPath: String) throws {
        self.outputPath = outputPath
        guard FileManager.default.createFile(atPath: outputPath, contents: nil),
            let output = FileHandle(forWritingAtPath: outputPath)
        else {
            throw TestFailure("cannot create \(outputPath)")
        }
        self.process.executableURL = URL(fileURLWithPath: executable)
        self.process.arguments = arguments
        if let environment {
            self.process.environment = environment
        }
        self.process.standardInput = FileHandle.nullDevice
        self.process.standardOutput = output
        self.process.standardError = output
        let exited = self.exited
        self.process.terminationHandler = { _ in exited.signal() }
        try self.process.run()
        try output.close()
    }

    /// Waits for the exit; kills the child and fails when the deadline passes first.
    func waitForExit(timeoutSeconds: Double) throws -> Int32 {
        if self.exited.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            kill(self.process.processIdentifier, SIGKILL)
            _ = self.exited.wait(timeout: .now() + 5)
            throw TestFailure(
                "\(self.process.executableURL?.path ?? "child") still running after \(timeoutSeconds) s; "
                    + "output:\n\(self.output)"
            )
        }
        return self.process.terminationStatus
    }

    var output: String {
        (try? String(contentsOfFile: self.outputPath, encoding: .utf8)) ?? ""
    }

    /// This test binary, for tests that re-run one of their own methods in a child process.
    static var testExecutablePath: String {
        get throws {
            try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        }
    }
}

/// Polls for a condition until a deadline; the interval only bounds CPU use, the deadline bounds the wait.
func waitUntil(timeoutSeconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while !condition() {
        if Date() > deadline {
            return false
        }
        usleep(10_000)
    }
    return true
}
