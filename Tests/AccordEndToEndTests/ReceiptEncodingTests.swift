import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

@testable import AccordServer

/// The daemon writes a fresh command's receipt by hand (`ReceiptJSON`); its bytes must be exactly what
/// `JSONCoding.encoder` writes for the same receipt, which is what the API promised before.
final class ReceiptEncodingTests: XCTestCase {
    func testReceiptsAreByteForByteWhatJSONEncoderWrites() async throws {
        let folder = try TemporaryFolder()
        let daemon = try DaemonProcess.configured("{}", in: folder)
        try await daemon.start()
        let client = AccordClient(socketPath: daemon.socketPath)
        // Every character a text field may hold that JSON escapes or that a writer could get wrong.
        let name = "Quote \" backslash \\ slash / tab \t line\nbreak é ü 中文 😀 \u{2028}"
        var receipts: [[UInt8]] = []
        receipts.append(
            try await client.send(
                path: "/v1/institutions",
                body: RegisterInstitution(institutionID: "i-1", name: name, country: "FR", kind: .university)
            )
        )
        receipts.append(
            try await client.send(
                path: "/v1/sites",
                body: RegisterSite(
                    siteID: "s-1",
                    institution: "i-1",
                    name: name,
                    country: "DE",
                    facilities: ["lab-1", "cryo.2"]
                ),
                requestID: "site/1\"quoted\\"
            )
        )
        let batch = """
            {"commands": [
              {"command": "institution.register", "body": {"institutionID": "i-2", "name": "Two", "country": "IT", "kind": "other"}},
              {"command": "site.register", "body": {"siteID": "s-2", "institution": "i-2", "name": "Site\\ttwo", "country": "IT", "facilities": []}}
            ]}
            """
        receipts.append(try await client.send(path: BatchRoute.path, json: Array(batch.utf8), requestID: "batch-1"))
        for receipt in receipts {
            let decoded = try JSONCoding.decoder.decode(CommandReceipt.self, from: Data(receipt))
            XCTAssertFalse(decoded.replayed)
            XCTAssertFalse(decoded.events.isEmpty)
            let expected = Array(try JSONCoding.encoder.encode(decoded))
            XCTAssertEqual(String(decoding: receipt, as: UTF8.self), String(decoding: expected, as: UTF8.self))
        }
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// Author names come from the account database and command names from the route table, not through the field
    /// checks: every byte is escaped as `JSONEncoder` escapes it.
    func testStringsAreEscapedLikeJSONEncoder() throws {
        var text = ""
        for scalar in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += "é\u{2028}\u{2029}😀"
        var written: [UInt8] = []
        ReceiptJSON.string(text, into: &written)
        let expected = Array(try JSONCoding.encoder.encode([text]))
        XCTAssertEqual(
            String(decoding: [UInt8(ascii: "[")] + written + [UInt8(ascii: "]")], as: UTF8.self),
            String(decoding: expected, as: UTF8.self)
        )
    }
}
