import AccordAPI
import AccordDomain
import ArgumentParser
import Foundation

struct CorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract:
            "Record a correction of an earlier event: the corrected facts replace the original's in every read model.",
        discussion: """
            The original stays in the log; the correction is a new event that points at it. The corrected event has the \
            same type and id as the original, as JSON: {"type": "AgreementSigned", "payload": {...}}, or a line of \
            `accord log --json` with its facts edited.
            Example: accord correct --position 3 --reason "wrong signing date" --event @corrected.json
            """
    )

    @Option(help: "Position of the event to correct (see `accord log`).")
    var position: UInt64
    @Option(help: "Why the correction is needed.")
    var reason: String
    @Option(help: "The corrected event as JSON, @FILE to read it from a file, or - for standard input.")
    var event: String
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try CorrectCommand.read(event)
        let corrected: Event
        if let logged = try? JSONCoding.decoder.decode(LoggedEvent.self, from: text) {
            // A line of `accord log --json`, edited: its event is the correction.
            corrected = logged.event
        } else {
            do {
                corrected = try JSONCoding.decoder.decode(Event.self, from: text)
            } catch {
                // The decoder's own text names Swift types; the API's wording names the field.
                let problem = (error as? DecodingError).map { Rejection(decoding: $0).message } ?? "it is not JSON"
                throw CommandFailure(
                    code: .invalidEvent,
                    message:
                        "--event must be an event as JSON ({\"type\": \"AgreementSigned\", \"payload\": {...}}) or an edited line of `accord log --json`: \(problem)"
                )
            }
        }
        try await write.send(
            "event.correct",
            CorrectEvent(position: position, corrected: corrected, reason: reason),
            global: global
        )
    }

    static let maximumEventBytes = 64 * 1024

    static func read(_ argument: String) throws -> Data {
        let data: Data
        if argument == "-" {
            data = FileHandle.standardInput.readData(ofLength: maximumEventBytes + 1)
        } else if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CommandFailure(code: .unreadableFile, message: "cannot read \(path); check the path")
            }
            defer { try? handle.close() }
            data = handle.readData(ofLength: maximumEventBytes + 1)
        } else {
            data = Data(argument.utf8)
        }
        guard data.count <= maximumEventBytes else {
            throw CommandFailure(code: .inputTooLarge, message: "the event is larger than \(maximumEventBytes) bytes")
        }
        return data
    }
}
