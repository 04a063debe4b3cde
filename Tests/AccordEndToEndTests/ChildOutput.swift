import Foundation

/// Runs a prepared process to its end, its output and errors in one pipe, and closes the pipe once read: the test
/// process lives for the whole run, and every descriptor it forgets counts against its limit (often 1,024).
enum ChildOutput {
    static func run(_ process: Process) throws -> (status: Int32, output: String) {
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let reading = output.fileHandleForReading
        defer { try? reading.close() }
        let data = reading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
