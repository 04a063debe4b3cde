import AccordLog
import Crypto
import Foundation
import SystemPackage
import XCTest

/// The example log of docs/log-format.md: record 1 is the worked example of section 12; record n (2 to 7) repeats
/// its draft with recorded at + (n − 1) s, request id `req-n` and payload `{"title":"CNRS-JRC","n":n}`.
enum ExampleLog {
    static func draft(_ number: Int) -> RecordDraft {
        RecordDraft(
            recordedAtMicroseconds: 1_767_693_600_000_000 + Int64(number - 1) * 1_000_000,
            authorUserID: 1_000,
            authorName: "alice",
            eventType: "AgreementSigned",
            streamID: "agreement/cnrs-jrc",
            requestID: "req-\(number)",
            requestDigest: Array(SHA256.hash(data: Array("example request".utf8))),
            payloadEncoding: .json,
            payload: Array((number == 1 ? #"{"title":"CNRS-JRC"}"# : #"{"title":"CNRS-JRC","n":\#(number)}"#).utf8)
        )
    }

    /// Writes `drafts` with Accord's own writer (fdatasync and all) to a new log at `path`; returns the records.
    @discardableResult
    static func write(_ drafts: [RecordDraft], to path: String) throws -> [Record] {
        let (writer, _) = try LogWriter.open(path: FilePath(path))
        defer { try? writer.close() }
        return try writer.enqueue(drafts).waitBlocking()
    }

    static var drafts: [RecordDraft] { (1...7).map(draft) }
}
