import AccordTransparency
import Foundation
import XCTest

/// The verify.py that `accord export --evidence` writes is docs/verify.py byte for byte.
final class VerifierScriptTests: XCTestCase {
    func testTheEmbeddedVerifierIsDocsVerifyPy() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/verify.py"), encoding: .utf8)
        XCTAssertTrue(
            VerifierScript.text == docs,
            "Sources/AccordTransparency/VerifierScript.swift is stale: run scripts/generate-verifier-source.sh"
        )
    }
}
