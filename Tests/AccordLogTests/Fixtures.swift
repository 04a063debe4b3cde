@testable import AccordLog
import Foundation
import SystemPackage

/// Drafts, hand-built log files and raw file access for the tests.
enum Fixtures {
    /// 2026-01-06T10:00:00Z, the day the CNRS–JRC agreement was signed.
    static let signingDayMicroseconds: Int64 = 1_767_693_600_000_000

    static func draft(_ index: Int, payloadBytes: Int? = nil) -> RecordDraft {
        let payload =
            payloadBytes.map { [UInt8](repeating: UInt8(ascii: "x"), count: $0) }
            ?? Array("{\"index\":\(index)}".utf8)
        return RecordDraft(
            recordedAtMicroseconds: signingDayMicroseconds + Int64(index),
            authorUserID: 1_000,
            authorName: "alice",
            eventType: "TestEvent",
            streamID: "stream-\(index % 3)",
            requestID: index % 2 == 0 ? "request-\(index)" : nil,
            requestDigest: index % 4 == 0 ? Array(repeating: UInt8(index % 256), count: 32) : nil,
            payload: payload
        )
    }

    /// Frames chained from genesis, optionally with explicit positions (to build gaps).
    static func frames(_ drafts: [RecordDraft], positions: [UInt64]? = nil) -> [[UInt8]] {
        var previousHash = LogFormat.genesisHash
        var frames: [[UInt8]] = []
        for (index, draft) in drafts.enumerated() {
            let position = positions?[index] ?? UInt64(index + 1)
            let (bytes, record) = RecordFrame.encode(draft, position: position, previousHash: previousHash)
            frames.append(bytes)
            previousHash = record.hash
        }
        return frames
    }

    static func writeLog(_ frames: [[UInt8]], to path: FilePath) throws {
        try Data(FileHeader.encode() + frames.flatMap { $0 }).write(to: URL(fileURLWithPath: path.string))
    }

    static func bytes(of path: FilePath) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path.string)))
    }

    static func write(_ bytes: [UInt8], to path: FilePath) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path.string))
    }

    /// Start offsets of the frames of a valid log file.
    static func frameOffsets(_ file: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var offset = LogFormat.headerBytes
        while offset < file.count {
            offsets.append(offset)
            guard case .success(let length) = RecordFrame.envelope(file[offset...].prefix(8), offset: UInt64(offset))
            else { break }
            offset += length
        }
        return offsets
    }

    /// Replaces a frame's CRC-32C with the right one for its current bytes, as a tamperer would.
    static func resealChecksum(_ file: inout [UInt8], frameAt offset: Int, length: Int) {
        let checksum = CRC32C.checksum(file[offset..<offset + length - 4])
        withUnsafeBytes(of: checksum.littleEndian) {
            file.replaceSubrange(offset + length - 4..<offset + length, with: $0)
        }
    }

    static func openWriter(
        _ path: FilePath,
        configure: (inout LogWriterOptions) -> Void = { _ in }
    ) throws -> (LogWriter, LogOpenReport) {
        var options = LogWriterOptions()
        configure(&options)
        return try LogWriter.open(path: path, options: options)
    }

    /// Opens the log with a writer, closes it, and returns what the open reported.
    static func openAndClose(_ path: FilePath, options: LogWriterOptions = LogWriterOptions()) throws -> LogOpenReport {
        let (writer, report) = try LogWriter.open(path: path, options: options)
        try writer.close()
        return report
    }

    /// Waits for `condition` with a deadline instead of sleeping a fixed time.
    static func poll(timeoutSeconds: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(1_000)
        }
        return condition()
    }
}
