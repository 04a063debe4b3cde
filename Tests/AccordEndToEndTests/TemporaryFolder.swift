import Foundation

/// A fresh folder under /tmp, removed when the test ends. Short paths keep socket addresses under 108 bytes.
final class TemporaryFolder {
    let path: String

    init() throws {
        let template = "/tmp/accord-e2e-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let created = mkdtemp(&bytes) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: created)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
