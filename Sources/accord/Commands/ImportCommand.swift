import AccordAPI
import AccordClient
import AccordLog
import AccordTransparency
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load an `accord export` file into the running daemon's empty ledger, verified line by line.",
        discussion: """
            First every line is checked here and nothing is sent: its record's bytes (`frame`), checksum and hash, \
            position n on line n, its link to the line before, that its other fields say what its bytes hold, and \
            that its event passes the rules a command's event passes, against the state the lines before it make \
            (a second registration of an id, a secondment of an unknown person, a correction of a position that \
            does not exist: `import_rule_broken`, naming the rule's own code). A bad line refuses the whole file, \
            naming the line and the rule (exit 1); the ledger is untouched. Then the records go to POST /v1/import \
            in pieces that fit the daemon's maximumBodyBytes; the daemon verifies each piece again, rules included, \
            and appends it whole, each record with its original position, recorded time, author and payload, and \
            its original hash kept as provenance (docs/log-format.md 4.4.1). From the first \
            piece until the last the daemon refuses every command, across restarts too. Should the import stop \
            (the daemon stopped, the disk filled), run the same command again: it resumes after the last line the \
            ledger holds; once the whole file is in, running it again changes nothing and says so. The ledger must \
            be empty, or hold the start of this same file. It needs the role admin. A progress bar shows on a \
            terminal; `accordd --import FILE` does the same offline.
            """
    )

    @Argument(help: ArgumentHelp("The file `accord export --output FILE` wrote.", valueName: "file"))
    var file: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let showProgress = isatty(STDERR_FILENO) == 1
        let reader: ExportLineReader
        let checked: (lines: UInt64, lastHash: [UInt8])
        do {
            reader = try ExportLineReader(path: file)
            checked = try ExportFileCheck.verify(reader, showProgress: showProgress)
        } catch {
            throw refusal(error)
        }
        let client = global.client
        let lastHash = Hex.encode(checked.lastHash)
        var report = try await send([], lines: checked.lines, lastHash: lastHash, client: client)
        if report.complete {
            say(report, "\(file) is imported already: the ledger holds its \(checked.lines) events; nothing to do")
            return
        }
        let firstLine = report.importedThrough + 1
        do {
            try reader.rewind()
            var previousHash = LogFormat.genesisHash
            var piece: [String] = []
            var pieceBytes = 0
            while let line = try reader.next() {
                let record = try ExportedLine.verify(line, number: reader.lineNumber, previousHash: previousHash).record
                previousHash = record.hash
                guard reader.lineNumber >= firstLine else { continue }
                let frame = Data(record.frame).base64EncodedString()
                let budget = report.maximumBodyBytes - ImportCommand.envelopeBytes
                guard frame.utf8.count + 3 <= budget else {
                    throw ImportError(
                        code: ImportError.recordTooLarge,
                        message:
                            "its record needs \(frame.utf8.count + ImportCommand.envelopeBytes) bytes in a request, more than the daemon's maximumBodyBytes (\(report.maximumBodyBytes)) lets one carry: raise maximumBodyBytes in the daemon's configuration, run `accord reload`, and run this import again (it resumes at this line)",
                        line: reader.lineNumber
                    )
                }
                if pieceBytes + frame.utf8.count + 3 > budget || piece.count == ImportRequest.maximumFrames {
                    report = try await send(piece, lines: checked.lines, lastHash: lastHash, client: client)
                    piece.removeAll(keepingCapacity: true)
                    pieceBytes = 0
                    if showProgress {
                        ProgressBar.draw("importing", done: report.importedThrough, of: checked.lines, unit: "lines")
                    }
                }
                piece.append(frame)
                pieceBytes += frame.utf8.count + 3
            }
            report = try await send(piece, lines: checked.lines, lastHash: lastHash, client: client)
        } catch let error as ClientError {
            if showProgress { ProgressBar.end() }
            // A file the daemon refuses (not the ledger's, or breaking a rule) is not resumed by running it again.
            let fileRefused = if case .refused(let status) = error.kind { [409, 422].contains(status) } else { false }
            if !global.json, !fileRefused {
                Console.standardError(
                    "accord: the ledger held lines 1 to \(report.importedThrough) of \(file) at the last answer; once the cause is fixed, run `accord import \(file)` again: it resumes after the last line the ledger holds"
                )
            }
            throw error
        } catch {
            throw refusal(error)
        }
        if showProgress {
            ProgressBar.draw("importing", done: report.importedThrough, of: checked.lines, unit: "lines")
            ProgressBar.end()
        }
        guard report.complete else {
            throw refusal(
                ImportError(
                    code: ImportError.fileChanged,
                    message:
                        "the daemon holds lines 1 to \(report.importedThrough) of \(checked.lines): the file changed while it was sent; run this import again"
                )
            )
        }
        let resumed = firstLine > 1 ? ", resuming after line \(firstLine - 1)" : ""
        say(
            report,
            "imported \(checked.lines - firstLine + 1) events (lines \(firstLine) to \(checked.lines)) from \(file)\(resumed); the ledger's head is \(report.head.position) \(report.head.hash)"
        )
    }

    /// `{"lines":…,"lastHash":"…","frames":[…]}` around the frames, with room to spare.
    private static let envelopeBytes = 256

    private func send(_ frames: [String], lines: UInt64, lastHash: String, client: AccordClient)
        async throws(ClientError) -> ImportReport
    {
        let bytes = try await client.send(
            path: ImportRequest.path,
            body: ImportRequest(lines: lines, lastHash: lastHash, frames: frames)
        )
        return try client.decode(ImportReport.self, from: bytes)
    }

    private func say(_ report: ImportReport, _ text: String) {
        if global.json {
            try? Console.printJSON(report)
        } else {
            print(text)
        }
    }

    /// A fault of the file is reported naming it and its line, with exit 1 (the file breaks a rule); the daemon's
    /// refusals keep their own exit codes.
    private func refusal(_ error: any Error) -> any Error {
        guard let error = error as? ImportError else { return error }
        let location = error.line.map { "\(file): line \($0): " } ?? "\(file): "
        let message = location + error.message
        Console.standardError(
            global.json
                ? Console.errorJSON(APIError(code: error.code, message: message, line: error.line))
                : Console.errorLine(message + " [\(error.code)]")
        )
        return ExitCode(ExitStatus.refused)
    }
}
