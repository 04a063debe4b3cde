import Foundation

/// A fresh directory under /tmp (short, because socket paths are limited to 107 bytes), removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        self.path = "/tmp/accord-systemd-tests-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: false)
    }

    func appending(_ name: String) -> String {
        self.path + "/" + name
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}
