import AccordAPI
import AccordDomain
import AccordEngine
import AccordLog
import AccordPostgres
import AccordServer
import AccordTransparency
import Foundation
import NIOCore
import NIOHTTP1

/// `POST /v1/import` (`accord import FILE`): loads an `accord export` file into the empty ledger of the running
/// daemon, a piece at a time. Each piece is verified whole (each frame's checksum and hash, its position, its link
/// to the line before) and appended as one contiguous range, or refused naming its line with nothing of it
/// appended. From the first piece until the last, a marker in the data folder makes the daemon refuse every command,
/// across restarts too, so the ledger holds a prefix of the file and only the rest of that file can follow: running
/// the import again resumes after the last line the ledger holds, and once the whole file is in, it is a no-op.
struct ImportRouteResponder: HTTPResponder {
    let next: any HTTPResponder
    let api: AccordResponder
    let engine: LedgerEngine
    let session: ImportSession
    /// The body limit in force (it changes on reload), which the answer reports to size the next pieces.
    let maximumBodyBytes: @Sendable () -> Int

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if request.path == ImportRequest.path { return await importing(request) }
        return await next.respond(to: request)
    }

    private func importing(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .POST else {
            return api.refusal(
                status: 405,
                code: "method_not_allowed",
                message: "an import is POST \(ImportRequest.path) (accord import FILE)"
            )
        }
        if let refusal = api.refusalUnlessAuthorized(request) { return refusal }
        if let store = engine.store as? PostgresLedgerStore, store.readOnly {
            return api.refusal(
                status: 409,
                code: LogErrorCode.readOnly,
                message:
                    "this accordd is a read-only standby and imports nothing: run `accord import FILE` against the accordd of the primary, on an empty ledger"
            )
        }
        guard request.query.isEmpty else {
            return api.refusal(
                status: 400,
                code: "unknown_parameter",
                message: "POST \(ImportRequest.path) takes no query parameters; the body says what to import"
            )
        }
        let piece: ImportRequest
        do {
            piece = try ImportRouteResponder.decode(Array(request.body.readableBytesView))
        } catch {
            return ImportRouteResponder.refusal(status: .badRequest, error)
        }
        guard session.begin() else {
            return api.refusal(
                status: 409,
                code: ImportError.running,
                message:
                    "another import request is running on this daemon; wait for it to end, then run the import again"
            )
        }
        defer { session.end() }
        do {
            return try HTTPResponse.json(.ok, Array(JSONCoding.encoder.encode(try await take(piece))))
        } catch let error as ImportError {
            return ImportRouteResponder.refusal(status: ImportRouteResponder.status(of: error), error)
        } catch {
            return api.refusal(
                status: 500,
                code: "internal_error",
                message: "cannot encode the import's answer: \(error)"
            )
        }
    }

    /// Verifies the piece against the ledger's head and appends it, or says why not.
    private func take(_ piece: ImportRequest) async throws(ImportError) -> ImportReport {
        let file = ImportMarker.File(lines: piece.lines, lastHash: piece.lastHash)
        let unfinished = session.unfinished
        if let unfinished, unfinished != file {
            throw ImportError(
                code: ImportError.otherUnfinished,
                message:
                    "an import of another export (\(unfinished.lines) lines, last hash \(unfinished.lastHash)) is unfinished; finish it with that file first"
            )
        }
        let provenance: RecordProvenance?
        do { provenance = try await engine.importedHead() } catch {
            throw ImportError(code: error.code, message: error.message)
        }
        let through = provenance?.position ?? 0
        let notThisFile = ImportError(
            code: ImportError.ledgerNotEmpty,
            message:
                "the ledger already holds \(engine.head.position) events, which are not this file's first lines; an import loads only into an empty ledger: start a daemon on a new data folder and import there"
        )
        // No import is under way here, yet the ledger holds imported records only: this file whole; or its first
        // lines, imported through another daemon on the same store whose marker stayed in its own folder (a failover
        // mid-import), which this import goes on with once its next line links to the ledger's head; or another file.
        let resumingWithoutMarker = unfinished == nil && provenance != nil
        if resumingWithoutMarker, let provenance {
            guard provenance.position <= file.lines else { throw notThisFile }
            if provenance.position == file.lines {
                guard Hex.encode(provenance.hash) == file.lastHash else { throw notThisFile }
                return report(file, appended: 0, through: through)
            }
        }
        let records: [Record]
        do throws(ImportError) {
            records = try ImportRouteResponder.records(
                in: piece,
                after: through,
                previousHash: provenance?.hash ?? LogFormat.genesisHash
            )
        } catch where resumingWithoutMarker && error.code == ImportError.chainBroken && error.line == through + 1 {
            throw ImportError(
                code: notThisFile.code,
                message: "\(notThisFile.message) (\(error.message))",
                line: error.line
            )
        }
        guard !records.isEmpty else {
            if unfinished != nil, through == file.lines { try await finish() }
            return report(file, appended: 0, through: through)
        }
        do {
            if unfinished == nil {
                try await session.start(file, expectedNextPosition: through + 1)
            } else {
                try await session.keepMarked(file)
            }
        } catch {
            throw ImportError(code: error.code, message: error.message)
        }
        do {
            try await engine.importRecords(records)
        } catch {
            // A rule broken names its own line; any other refusal is the piece's, from its first line.
            let line = (error.cause as? RecordedEventRefusal)?.position ?? through + 1
            if unfinished == nil, engine.failure == nil, engine.head.position == through {
                // Nothing of the file got in and nothing is pending: the import was never under way.
                try await finish()
                throw ImportError(
                    code: error.code,
                    message:
                        "nothing was imported: \(error.message); commands are taken again",
                    line: line
                )
            }
            if error.code == ImportError.ruleBroken {
                throw ImportError(
                    code: error.code,
                    message:
                        "\(error.message); nothing of this piece was imported, and this file can never be finished: the ledger holds its lines 1 to \(through) and takes no command. Start a daemon on a new data folder and import a file that keeps the rules there",
                    line: line
                )
            }
            throw ImportError(
                code: error.code,
                message:
                    "lines \(through + 1) to \(through + UInt64(records.count)) were not imported: \(error.message); the ledger holds lines 1 to \(engine.head.position): run `accord import FILE` again to resume from line \(engine.head.position + 1)",
                line: through + 1
            )
        }
        let now = through + UInt64(records.count)
        if now == file.lines { try await finish() }
        return report(file, appended: UInt64(records.count), through: now)
    }

    private func finish() async throws(ImportError) {
        do { try await session.finish() } catch { throw ImportError(code: error.code, message: error.message) }
    }

    private func report(_ file: ImportMarker.File, appended: UInt64, through: UInt64) -> ImportReport {
        let head = engine.head
        return ImportReport(
            lines: file.lines,
            appended: appended,
            importedThrough: through,
            complete: through == file.lines,
            head: ChainHeadView(position: head.position, hash: head.hash),
            maximumBodyBytes: maximumBodyBytes()
        )
    }

    /// The piece's records, each checked on its own and against the one before; line n holds position n.
    static func records(in piece: ImportRequest, after through: UInt64, previousHash: [UInt8]) throws(ImportError)
        -> [Record]
    {
        var previousHash = previousHash
        var records: [Record] = []
        for (index, text) in piece.frames.enumerated() {
            let line = through + 1 + UInt64(index)
            guard line <= piece.lines else {
                throw ImportError(
                    code: ImportError.chainBroken,
                    message: "the file has \(piece.lines) lines, but this request goes on past its last line",
                    line: line
                )
            }
            let record = try ExportedLine.record(frame: text, number: line, previousHash: previousHash)
            guard line < piece.lines || record.hashHex == piece.lastHash else {
                throw ImportError(
                    code: ImportError.chainBroken,
                    message:
                        "the last line's hash is \(record.hashHex), not lastHash \(piece.lastHash): the file changed",
                    line: line
                )
            }
            guard (try? Event.decode(typeName: record.eventType, payload: Data(record.payload))) != nil else {
                throw ImportError(
                    code: ImportError.eventUndecodable,
                    message:
                        "its payload is not a \(record.eventType) this accordd can read; is the export from a newer version?",
                    line: line
                )
            }
            previousHash = record.hash
            records.append(record)
        }
        return records
    }

    /// The body as an import request, within the route's rules.
    static func decode(_ body: [UInt8]) throws(ImportError) -> ImportRequest {
        let piece: ImportRequest
        do {
            let keys = (try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]).map { Set($0.keys) }
            guard let keys else {
                throw ImportError(code: ImportError.invalidRequest, message: "the body is not a JSON object")
            }
            if let unknown = keys.subtracting(["lines", "lastHash", "frames"]).sorted().first {
                throw ImportError(
                    code: ImportError.invalidRequest,
                    message: "\(unknown) is not a field of an import request"
                )
            }
            piece = try JSONCoding.decoder.decode(ImportRequest.self, from: Data(body))
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(
                code: ImportError.invalidRequest,
                message:
                    "the body is not an import request {lines, lastHash, frames} (\(error)); `accord import FILE` sends it"
            )
        }
        guard (1...ExportLineReader.maximumLines).contains(piece.lines) else {
            throw ImportError(
                code: piece.lines == 0 ? ImportError.invalidRequest : ImportError.tooManyLines,
                message: "lines is \(piece.lines); a file holds 1 to \(ExportLineReader.maximumLines) lines"
            )
        }
        guard piece.lastHash.count == 64, piece.lastHash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw ImportError(
                code: ImportError.invalidRequest,
                message: "lastHash is the last line's hash, 64 lowercase hex digits"
            )
        }
        guard piece.frames.count <= ImportRequest.maximumFrames else {
            throw ImportError(
                code: ImportError.tooManyFrames,
                message:
                    "the request carries \(piece.frames.count) frames; send at most \(ImportRequest.maximumFrames) a request"
            )
        }
        return piece
    }

    func refusal(status: Int, code: String, message: String) -> HTTPResponse {
        api.refusal(status: status, code: code, message: message)
    }

    private static func status(of error: ImportError) -> HTTPResponseStatus {
        switch error.code {
        case ImportError.ledgerNotEmpty, ImportError.otherUnfinished, ImportError.outOfOrder: .conflict
        case ImportError.recordDamaged, ImportError.chainBroken, ImportError.eventUndecodable, ImportError.ruleBroken:
            .unprocessableEntity
        default: .internalServerError
        }
    }

    private static func refusal(status: HTTPResponseStatus, _ error: ImportError) -> HTTPResponse {
        let line = error.line.map { "line \($0): " } ?? ""
        let body = ErrorEnvelope(error: APIError(code: error.code, message: line + error.message, line: error.line))
        var response = HTTPResponse.json(status, Array((try? JSONCoding.encoder.encode(body)) ?? Data()))
        response.errorCode = error.code
        return response
    }
}
