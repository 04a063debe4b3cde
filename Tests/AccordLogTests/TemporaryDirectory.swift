import Foundation
import SystemPackage
import XCTest

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: FilePath

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accordlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = FilePath(url.path)
    }

    func file(_ name: String) -> FilePath {
        path.appending(name)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path.string)
    }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path.string).sorted()
    }
}
