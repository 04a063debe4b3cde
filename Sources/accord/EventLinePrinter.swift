import AccordAPI
import Foundation
import Synchronization

/// Prints events of the log one line each as they arrive, so a long listing or a followed log shows at once: a
/// JSON object per line, or columns of fixed width under one header.
final class EventLinePrinter: Sendable {
    let json: Bool
    private let headerPrinted = Mutex(false)

    init(json: Bool) {
        self.json = json
    }

    static let titles = ["POSITION", "RECORDED", "HASH", "TYPE", "AUTHOR", "STREAM"]
    static let widths = [8, 20, 12, 28, 20, 0]

    func print(_ event: LoggedEvent) {
        if json {
            let line = (try? JSONCoding.encoder.encode(event)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            Swift.print(line)
        } else {
            let first = headerPrinted.withLock { printed in
                defer { printed = true }
                return !printed
            }
            if first { Swift.print(EventLinePrinter.line(EventLinePrinter.titles)) }
            Swift.print(
                EventLinePrinter.line([
                    String(event.position), event.recordedAt.formatted(.iso8601), String(event.hash.prefix(12)),
                    event.event.typeName, "\(event.author.name) (\(event.author.userID))", event.stream,
                ])
            )
        }
        // Flushed at once: a follower reads the output line by line, often through a pipe.
        fflush(nil)
    }

    private static func line(_ values: [String]) -> String {
        zip(values, widths).map { value, width in
            let cleaned = value.replacing(/[\n\r\t]/, with: " ")
            return width == 0
                ? cleaned : cleaned.padding(toLength: max(width, cleaned.count), withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }
}
