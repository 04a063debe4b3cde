import Foundation

/// Finds the freshly built `accordd` and `accord` next to the test bundle, so tests run the real binaries.
enum BuiltProducts {
    static var folder: String {
        if let explicit = ProcessInfo.processInfo.environment["ACCORD_BUILD_DIR"] { return explicit }
        var url = Bundle.main.bundleURL
        if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
        if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("accordd").path) {
            return url.path
        }
        let argumentFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return argumentFolder.path
    }

    static var daemon: String { "\(folder)/accordd" }
    static var client: String { "\(folder)/accord" }
    static var bench: String { "\(folder)/accord-bench" }
}
