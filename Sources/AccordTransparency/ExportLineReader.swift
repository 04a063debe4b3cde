import Foundation

/// The lines of an `accord export` file, one at a time, within the import's limits; rewinds for a second pass.
public final class ExportLineReader {
    /// A line holds one event: its frame (at most 1,118,356 bytes, about 1.5 MB in base64) beside the same event as
    /// JSON, which escaping may make larger than its payload.
    public static let maximumLineBytes = 8 * 1_024 * 1_024
    public static let maximumLines: UInt64 = 100_000_000
    private static let chunkBytes = 1_024 * 1_024

    private let handle: FileHandle
    public let path: String
    /// Total size of the file, for the progress bar.
    public let totalBytes: UInt64
    private var buffer = Data()
    private var atEnd = false
    public private(set) var lineNumber: UInt64 = 0
    public private(set) var bytesRead: UInt64 = 0

    public init(path: String) throws(ImportError) {
        self.path = path
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            totalBytes = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
        } catch {
            throw ImportError(
                code: ImportError.unreadable,
                message: "\(path) cannot be read (\(error.localizedDescription)); check the path and its permissions",
                cause: error
            )
        }
    }

    /// Back to the first line.
    public func rewind() throws(ImportError) {
        do { try handle.seek(toOffset: 0) } catch { throw unreadable(error) }
        buffer = Data()
        atEnd = false
        lineNumber = 0
        bytesRead = 0
    }

    /// The next line without its `\n`, or nil at the end of the file (a last line without `\n` counts).
    public func next() throws(ImportError) -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = buffer[(newline + 1)...]
                return try counted(Data(line))
            }
            guard buffer.count <= ExportLineReader.maximumLineBytes else { throw tooLong() }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return try counted(buffer)
            }
            let chunk: Data?
            do { chunk = try handle.read(upToCount: ExportLineReader.chunkBytes) } catch { throw unreadable(error) }
            if let chunk, !chunk.isEmpty { buffer.append(chunk) } else { atEnd = true }
        }
    }

    private func counted(_ line: Data) throws(ImportError) -> Data {
        guard line.count <= ExportLineReader.maximumLineBytes else { throw tooLong() }
        lineNumber += 1
        bytesRead += UInt64(line.count) + 1
        guard lineNumber <= ExportLineReader.maximumLines else {
            throw ImportError(
                code: ImportError.tooManyLines,
                message:
                    "the file has more than \(ExportLineReader.maximumLines) lines, the most one import takes; it is not an export this accordd can load",
                line: lineNumber
            )
        }
        return line
    }

    private func tooLong() -> ImportError {
        ImportError(
            code: ImportError.lineTooLong,
            message:
                "the line is longer than \(ExportLineReader.maximumLineBytes) bytes, more than any exported event takes; the file is not an accord export",
            line: lineNumber + 1
        )
    }

    private func unreadable(_ error: any Error) -> ImportError {
        ImportError(
            code: ImportError.unreadable,
            message: "reading \(path) failed (\(error.localizedDescription))",
            cause: error
        )
    }
}
