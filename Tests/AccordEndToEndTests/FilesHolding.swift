import Foundation
import XCTest

/// Every file under `folder` whose bytes hold `text`, as `grep -r` would find them.
func filesHolding(_ text: String, in folder: String) throws -> [String] {
    let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder))
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
        let path = "\(folder)/\(relative)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let bytes = FileManager.default.contents(atPath: path)
        else { continue }
        if bytes.range(of: Data(text.utf8)) != nil { found.append(relative) }
    }
    return found
}
