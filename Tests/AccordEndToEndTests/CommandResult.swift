import Foundation

/// What one run of the real `accord` printed and how it exited.
struct CommandResult {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String

    var json: Any? {
        try? JSONSerialization.jsonObject(with: Data(standardOutput.utf8))
    }
}
