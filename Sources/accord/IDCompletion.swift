import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Shell completion of ids: the completion script runs `accord ---completion …`, and this asks the daemon for the
/// list of the kind (`GET /v1/secondments`) over a blocking connection with a one-second limit. Any failure (no
/// daemon, no role, a remote --host, which could make ssh prompt) completes nothing and prints nothing.
struct IDCompletion: Sendable {
    /// The read-model route that lists the kind, and the path to the field of each entry that holds its id.
    let route: String
    let field: [String]

    static let institutions = IDCompletion(route: "institutions", field: ["institutionID"])
    static let sites = IDCompletion(route: "sites", field: ["siteID"])
    static let agreements = IDCompletion(route: "agreements", field: ["agreementID"])
    static let people = IDCompletion(route: "people", field: ["person", "personID"])
    static let secondments = IDCompletion(route: "secondments", field: ["secondmentID"])
    static let accessGrants = IDCompletion(route: "access-grants", field: ["grantID"])

    static let timeoutMilliseconds = 1_000
    /// Largest answer read: far more ids than a shell would show.
    static let maximumAnswerBytes = 8 * 1024 * 1024

    var kind: CompletionKind {
        .custom { words, _, prefix in ids(words: words).filter { $0.hasPrefix(prefix) } }
    }

    /// The ids, sorted, from the daemon that the command line being completed names (its --socket, else the default).
    func ids(words: [String]) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let remote = words.contains { $0 == "--host" || $0.hasPrefix("--host=") }
        guard !remote, (environment["ACCORD_HOST"] ?? "").isEmpty else { return [] }
        guard let answer = try? fetch(socketPath: GlobalOptions.socketPath(explicit: IDCompletion.socket(in: words))),
            let entries = try? JSONSerialization.jsonObject(with: answer) as? [[String: Any]]
        else { return [] }
        return entries.compactMap { entry in
            field.dropLast().reduce(entry as [String: Any]?) { $0?[$1] as? [String: Any] }?[field.last!] as? String
        }
        .sorted()
    }

    private static func socket(in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == "--socket", index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix("--socket=") { return String(word.dropFirst("--socket=".count)) }
        }
        return nil
    }

    /// The body of a 200 answer to `GET /v1/<route>`, or nil.
    private func fetch(socketPath: String) throws -> Data? {
        let connection = try UnixSocketConnection(path: socketPath)
        defer { close(connection.descriptor) }
        connection.limitWaits(milliseconds: IDCompletion.timeoutMilliseconds)
        let request = "GET /v1/\(route) HTTP/1.1\r\nHost: accordd\r\nConnection: close\r\n\r\n"
        guard connection.send(Array(request.utf8)) else { return nil }
        let separator = Data("\r\n\r\n".utf8)
        // The daemon keeps the connection open a while after answering: the answer ends at its Content-Length.
        let answer = connection.receive(limit: IDCompletion.maximumAnswerBytes) { bytes in
            guard let end = bytes.range(of: separator) else { return false }
            return IDCompletion.contentLength(String(decoding: bytes[..<end.lowerBound], as: UTF8.self))
                .map { bytes.count - end.upperBound >= $0 } ?? false
        }
        guard let end = answer.range(of: separator),
            let statusLine = String(data: answer[..<end.lowerBound], encoding: .utf8)?.split(separator: "\r\n").first,
            statusLine.split(separator: " ").dropFirst().first == "200"
        else { return nil }
        return answer[end.upperBound...]
    }

    private static func contentLength(_ head: String) -> Int? {
        for line in head.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }
}
