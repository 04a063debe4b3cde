import AccordAPI
import AccordDomain
import AccordLog
import Foundation

/// One line of an `accord export` file checked on its own and against the line before: its frame's checksum and
/// hash, its place in the chain, and that its JSON fields say what its frame holds (docs/log-format.md section 18).
public enum ExportedLine {
    /// The record the line carries and the event it holds, or why it cannot be imported. `previousHash` is the line
    /// before's hash (the genesis hash for line 1); the line's number must be its position.
    public static func verify(_ line: Data, number: UInt64, previousHash: [UInt8]) throws(ImportError)
        -> (record: Record, event: RecordedEvent)
    {
        let event: LoggedEvent
        do {
            event = try JSONCoding.decoder.decode(LoggedEvent.self, from: line)
        } catch {
            throw ImportError(
                code: ImportError.lineInvalid,
                message: "the line is not an exported event (\(error)); the file must be written by `accord export`",
                line: number,
                cause: error
            )
        }
        guard let frameText = event.frame else {
            throw ImportError(
                code: ImportError.frameMissing,
                message:
                    "the line has no `frame` (the record's bytes), so its hash cannot be checked; export again with an accord that writes it (`accord export`)",
                line: number
            )
        }
        try inPlace(event.position, of: "line", number: number)
        let record = try ExportedLine.record(frame: frameText, number: number, previousHash: previousHash)
        try agree(event, with: record, number: number)
        // The fields agree with the frame, so the line's event and author are the record's.
        let recordedAt = Date(timeIntervalSince1970: Double(record.recordedAtMicroseconds) / 1_000_000)
        return (
            record,
            RecordedEvent(position: record.position, recordedAt: recordedAt, author: event.author, event: event.event)
        )
    }

    /// The record a line's `frame` (base64) holds, verified on its own (checksum, hash) and in its place: position
    /// `number`, linked to `previousHash`. Both importers check each frame with it: `accord import` reads it from
    /// the file, and the daemon from the request (`POST /v1/import`).
    public static func record(frame text: String, number: UInt64, previousHash: [UInt8]) throws(ImportError) -> Record {
        guard let frame = Data(base64Encoded: text) else {
            throw ImportError(
                code: ImportError.recordDamaged,
                message: "the line's `frame` is not base64; the line was changed after it was exported",
                line: number
            )
        }
        let record: Record
        do {
            record = try Record(frame: Array(frame))
        } catch {
            throw ImportError(
                code: ImportError.recordDamaged,
                message:
                    "the record's bytes do not verify: \(error.message); the line was changed after it was exported",
                line: number,
                cause: error
            )
        }
        try inPlace(record.position, of: "record", number: number)
        guard record.previousHash == previousHash else {
            throw ImportError(
                code: ImportError.chainBroken,
                message:
                    "the record's previous hash \(record.previousHashHex) is not the hash of the record before (\(Hex.encode(previousHash))): the chain is broken here",
                line: number
            )
        }
        return record
    }

    /// Line `number` must hold position `number`, in its JSON (`what` is "line") and in its frame ("record").
    private static func inPlace(_ position: UInt64, of what: String, number: UInt64) throws(ImportError) {
        guard position == number else {
            throw ImportError(
                code: ImportError.chainBroken,
                message:
                    "the \(what) holds position \(position), but line \(number) must hold position \(number): a line is missing, repeated or moved",
                line: number
            )
        }
    }

    /// The JSON fields are what a reader sees; they must say what the verified frame holds.
    private static func agree(_ event: LoggedEvent, with record: Record, number: UInt64) throws(ImportError) {
        let recordedAt = RecordedTime.format(
            Date(timeIntervalSince1970: Double(record.recordedAtMicroseconds) / 1_000_000)
        )
        let decoded = try? Event.decode(typeName: record.eventType, payload: Data(record.payload))
        let fields: [(name: String, line: String, frame: String)] = [
            ("hash", event.hash, record.hashHex),
            ("previousHash", event.previousHash, record.previousHashHex),
            ("recordedAt", RecordedTime.format(event.recordedAt), recordedAt),
            ("author.name", event.author.name, record.authorName),
            ("author.userID", String(event.author.userID), String(record.authorUserID)),
            ("stream", event.stream, record.streamID),
            ("requestID", event.requestID ?? "(none)", record.requestID ?? "(none)"),
            ("event.type", event.event.typeName, record.eventType),
        ]
        for field in fields where field.line != field.frame {
            throw ImportError(
                code: ImportError.fieldMismatch,
                message:
                    "its \(field.name) is \(field.line) but its record's bytes say \(field.frame): the line was changed after it was exported",
                line: number
            )
        }
        guard decoded == event.event else {
            throw ImportError(
                code: ImportError.fieldMismatch,
                message:
                    "its event payload is not the one its record's bytes hold: the line was changed after it was exported",
                line: number
            )
        }
    }
}
