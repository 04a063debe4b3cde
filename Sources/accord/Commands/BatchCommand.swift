import AccordAPI
import AccordClient
import ArgumentParser
import Foundation

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Record several commands at once: all of them or none, as one contiguous range of positions.",
        discussion: """
            FILE holds JSON Lines: one command per line, {"command": "institution.register", "body": {...}}, with \
            "expectedVersion": N to guard its stream; the body is what the command's own route takes (docs/api.md). \
            Empty lines are skipped. The commands are decided in order, each seeing the earlier ones; if one is \
            refused, nothing is recorded and the error names its line. With --request-id, a retry of the same batch \
            records nothing new. A batch holds at most 1000 commands and must fit in the daemon's request body limit.
            Example: accord batch --request-id import-2026-12 commands.jsonl
            """
    )

    @Argument(help: ArgumentHelp("The JSON Lines file, or - for standard input.", valueName: "file"))
    var file: String
    @Option(
        name: .customLong("request-id"),
        help: ArgumentHelp(
            "An id of your choosing that makes a retry safe: the same batch sent again returns the first result and records nothing new. Without it, accord gives the batch a new UUID, so that a batch lost with a closed connection is sent once more safely.",
            valueName: "id"
        )
    )
    var requestID: String?
    @OptionGroup var global: GlobalOptions

    /// Bytes read from FILE at most: more than a daemon accepts in one request anyway.
    static let maximumFileBytes = 16 * 1_048_576

    func validate() throws {
        try WriteOptions.validate(requestID: requestID)
    }

    func run() async throws {
        let lines = try BatchCommand.commandLines(of: try read())
        let body = Array(#"{"commands":["#.utf8) + Array(lines.joined(separator: ",").utf8) + Array("]}".utf8)
        let client = global.client
        let bytes: [UInt8]
        do {
            bytes = try await client.send(
                path: BatchRoute.path,
                json: body,
                requestID: requestID ?? WriteOptions.generatedRequestID()
            )
        } catch {
            throw BatchCommand.namingTheLine(error)
        }
        let receipt = try client.decode(CommandReceipt.self, from: bytes)
        if global.json {
            try Console.printJSON(receipt)
            return
        }
        // A replay of a generated id is this batch's own, sent again after its connection closed.
        let verb = receipt.replayed && requestID != nil ? "already recorded" : "recorded"
        if let first = receipt.events.first, let last = receipt.events.last {
            print(
                "\(verb) \(receipt.events.count) events from \(lines.count) commands at positions \(first.position)…\(last.position) (head \(receipt.head.hash.prefix(16))…)"
            )
        }
    }

    private func read() throws -> Data {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readData(ofLength: BatchCommand.maximumFileBytes + 1)
        } else {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw CommandFailure(code: .unreadableFile, message: "cannot read \(file); check the path")
            }
            defer { try? handle.close() }
            data = handle.readData(ofLength: BatchCommand.maximumFileBytes + 1)
        }
        guard data.count <= BatchCommand.maximumFileBytes else {
            throw CommandFailure(code: .inputTooLarge, message: "\(file) is larger than \(BatchCommand.maximumFileBytes) bytes; split it")
        }
        return data
    }

    /// The non-empty lines, each checked to be a JSON object so that a typo is named by its line number here.
    static func commandLines(of data: Data) throws -> [String] {
        var lines: [String] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n",
            omittingEmptySubsequences: false
        ).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any] else {
                throw CommandFailure(
                    code: .invalidBatch,
                    message: #"line \#(number + 1) is not a JSON object; each line is {"command": ..., "body": {...}}"#
                )
            }
            lines.append(text)
        }
        guard !lines.isEmpty else { throw CommandFailure(code: .invalidBatch, message: "the file holds no command") }
        return lines
    }

    /// The daemon names a refused entry `commands[i]`; the user knows the file by lines of commands.
    static func namingTheLine(_ error: ClientError) -> ClientError {
        var error = error
        if let range = error.message.range(of: #"^commands\[(\d+)\]"#, options: .regularExpression),
            let index = Int(error.message[range].dropFirst("commands[".count).dropLast())
        {
            error.message = "command \(index + 1) of the file" + error.message[range.upperBound...]
        }
        return error
    }
}
