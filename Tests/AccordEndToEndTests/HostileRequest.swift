import AccordAPI
import AccordServer
import Foundation

/// One hostile request, as raw bytes, and what may be answered to it. Bodies are built so that none can be valid
/// (each carries a fault), so nothing may be appended. The routes are those of the roles table (`RouteRoles.routes`),
/// so a new route is fuzzed as soon as it is given a role.
struct HostileRequest {
    var kind: String
    var bytes: [UInt8]
    /// The declared route aimed at (`POST /v1/agreements/{id}/extend`), nil for broken HTTP.
    var route: String?
    /// A query of an existing route may be answered 200; everything else must be refused.
    var isQuery = false
    /// What is not HTTP may be answered with a closed connection.
    var mayBeClosed = false

    /// Routes that take a body (every POST) and routes that are read (every GET).
    static let bodyRoutes = RouteRoles.routes.filter { $0.method == "POST" }
    static let readRoutes = RouteRoles.routes.filter { $0.method == "GET" }
    static let positions = ["0", "1", "8", "99999", "-1", "abc", "18446744073709551616"]
    static let knownIDs = ["cnrs", "jrc", "ispra", "petten", "cnrs-jrc-mou-2026", "p-0001", "s-2026-001", "g-2026-001"]
    static let fieldNames = [
        "institutionID", "name", "country", "kind", "siteID", "institution", "facilities", "agreementID", "title",
        "parties", "signedOn", "domains", "validUntil", "personID", "homeInstitution", "unit", "email", "position",
        "reason", "corrected", "payload", "type", "secondmentID", "person", "agreement", "plannedEnd", "grantID",
    ]

    /// The first requests aim at each declared route in turn, so that every one is fuzzed in any run that is at
    /// least as long; the rest are drawn at random.
    static func make(iteration: Int, using random: inout SeededGenerator) -> HostileRequest {
        if iteration < RouteRoles.routes.count {
            let route = RouteRoles.routes[iteration]
            return route.method == "POST" ? body(route, using: &random) : query(route, using: &random)
        }
        switch Int.random(in: 0..<10, using: &random) {
        case 0...5: return body(bodyRoutes.randomElement(using: &random)!, using: &random)
        case 6, 7: return query(readRoutes.randomElement(using: &random)!, using: &random)
        default: return brokenHTTP(using: &random)
        }
    }

    static func http(_ method: String, _ path: String, headers: [String] = [], body: [UInt8] = []) -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: accordd\r\nConnection: close\r\n"
        head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
        for header in headers { head += "\(header)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    /// The template with its free segment filled: a known id, a position, or something that is neither.
    static func fill(_ template: String, using random: inout SeededGenerator) -> String {
        template
            .replacingOccurrences(of: "{id}", with: (knownIDs + ["1", "8"]).randomElement(using: &random)!)
            .replacingOccurrences(of: "{position}", with: positions.randomElement(using: &random)!)
    }

    static func body(_ route: DeclaredRoute, using random: inout SeededGenerator) -> HostileRequest {
        let path = fill(route.pathTemplate, using: &random)
        let valid = object(depth: 0, using: &random)
        let fault: String
        var body: [UInt8]
        switch Int.random(in: 0..<9, using: &random) {
        case 0:
            fault = "unknown field"
            body = Array("{\"zzNotAField\":1,\(valid.dropFirst())".utf8)
        case 1:
            fault = "truncated"
            let whole = Array(valid.utf8)
            body = Array(whole.prefix(Int.random(in: 0..<whole.count, using: &random)))
        case 2:
            fault = "duplicate key"
            let key = fieldNames.randomElement(using: &random)!
            body = Array("{\"\(key)\":\"a\",\"\(key)\":\"b\",\(valid.dropFirst())".utf8)
        case 3:
            fault = "deeply nested"
            let depth = Int.random(in: 17...400, using: &random)
            body = Array(
                "{\"\(fieldNames.randomElement(using: &random)!)\":\(String(repeating: "[", count: depth))1\(String(repeating: "]", count: depth)),\"zzNotAField\":1}"
                    .utf8
            )
        case 4:
            fault = "bad escape"
            let escapes = ["\\ud800", "\\udfff", "\\ud800\\u0041", "\\x41", "\\u12", "\\uZZZZ"]
            body = Array("{\"zzNotAField\":1,\"name\":\"a\(escapes.randomElement(using: &random)!)b\"}".utf8)
        case 5:
            fault = "number out of range"
            let numbers = ["-1", "1.5", "18446744073709551616", "1e400", "-0.0", "99999999999999999999999"]
            body = Array("{\"zzNotAField\":1,\"position\":\(numbers.randomElement(using: &random)!)}".utf8)
        case 6:
            fault = "not an object"
            body = Array(
                ["[]", "null", "42", "\"text\"", "true", "[{\"a\":1}]", ""].randomElement(using: &random)!.utf8
            )
        case 7:
            fault = "invalid UTF-8"
            body = Array("{\"zzNotAField\":\"".utf8) + [0xC3, 0x28, 0xFF, 0xFE] + Array("\"}".utf8)
        default:
            fault = "oversized"
            body = Array("{\"zzNotAField\":\"\(String(repeating: "x", count: 70_000))\"}".utf8)
        }
        guard let commandName = route.commandName else {
            // A route that takes no body accepts an empty one: send one that is not empty.
            if body.isEmpty { body = Array("[]".utf8) }
            return HostileRequest(kind: "\(route), \(fault)", bytes: http("POST", path, body: body), route: "\(route)")
        }
        // One time in as many as there are command routes, the faulty body goes to POST /v1/batch as its command's.
        if Int.random(in: 0...CommandRoute.all.count, using: &random) == 0 {
            let entry = "{\"commands\":[{\"command\":\"\(commandName)\",\"body\":"
            let batch = Array(entry.utf8) + body + Array("}]}".utf8)
            return HostileRequest(
                kind: "batch of \(commandName), \(fault)",
                bytes: http("POST", BatchRoute.path, body: batch),
                route: "POST \(BatchRoute.path)"
            )
        }
        return HostileRequest(kind: "\(route), \(fault)", bytes: http("POST", path, body: body), route: "\(route)")
    }

    /// A random JSON object of the command fields with values of random types, at most three levels deep.
    static func object(depth: Int, using random: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...6, using: &random)
        let members = (0..<count).map { _ in
            "\"\(fieldNames.randomElement(using: &random)!)\":\(value(depth: depth + 1, using: &random))"
        }
        return "{\(members.joined(separator: ","))}"
    }

    static func value(depth: Int, using random: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return "\"\(knownIDs.randomElement(using: &random)!)\""
        case 1: return "\"2026-0\(Int.random(in: 1...9, using: &random))-3\(Int.random(in: 0...9, using: &random))\""
        case 2: return String(Int.random(in: -5...20, using: &random))
        case 3: return ["true", "false", "null"].randomElement(using: &random)!
        case 4: return "\"\(String(repeating: "é\u{7}", count: Int.random(in: 0...5, using: &random)))\""
        case 5 where depth < 3: return "[\(value(depth: depth + 1, using: &random))]"
        case 6 where depth < 3: return object(depth: depth, using: &random)
        default: return "\"FR\""
        }
    }

    static func query(_ route: DeclaredRoute, using random: inout SeededGenerator) -> HostileRequest {
        let parameters = [
            "on=2026-02-30", "on=yesterday", "limit=0", "limit=-1", "limit=1001", "from=abc", "year=1", "zz=1",
            "status=maybe", "expiringWithinDays=999999", "type=%00", "on=%E2%80%AE2026-01-01",
            "from=18446744073709551616",
        ]
        let parts = fill(route.pathTemplate, using: &random).split(separator: "?", maxSplits: 1).map(String.init)
        var path = parts[0]
        switch Int.random(in: 0..<4, using: &random) {
        case 0: path += "/\(knownIDs.randomElement(using: &random)!)"
        case 1: path += "/no-such-\(Int.random(in: 0...999, using: &random))/deeper"
        case 2: path += "/%FF%00%2F.."
        default: break
        }
        let method = ["GET", "GET", "HEAD", "PUT", "DELETE", "PATCH"].randomElement(using: &random)!
        guard parts.count == 2 else {
            path += "?\(parameters.randomElement(using: &random)!)"
            return HostileRequest(
                kind: "\(method) \(route)",
                bytes: http(method, path),
                route: "\(route)",
                isQuery: true
            )
        }
        // The follow stream never ends when it is granted: it is always sent a parameter it must refuse.
        let refused = ["from=abc", "zz=1", "follow=maybe", "since=yesterday", "from=18446744073709551616", "until=%00"]
        path += "?\(parts[1])&\(refused.randomElement(using: &random)!)"
        return HostileRequest(kind: "\(method) \(route)", bytes: http(method, path), route: "\(route)")
    }

    static func brokenHTTP(using random: inout SeededGenerator) -> HostileRequest {
        let cases: [(String, [UInt8])] = [
            ("garbage", [0x16, 0x03, 0x01, 0x00, 0xA5] + Array("\r\n\r\n".utf8)),
            ("HTTP/2 preface", Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)),
            ("no version", Array("GET /v1/status\r\n\r\n".utf8)),
            (
                "bad content length",
                Array("POST /v1/institutions HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n{}".utf8)
            ),
            (
                "negative content length",
                Array("POST /v1/institutions HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n{}".utf8)
            ),
            (
                "two content lengths",
                Array(
                    "POST /v1/institutions HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}".utf8
                )
            ),
            (
                "chunked and length",
                Array(
                    "POST /v1/institutions HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                        .utf8
                )
            ),
            (
                "bad chunk",
                Array(
                    "POST /v1/institutions HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n".utf8
                )
            ),
            (
                "header too large",
                Array(
                    "GET /v1/status HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: 20_000))\r\n\r\n".utf8
                )
            ),
            (
                "too many headers",
                Array(
                    ("GET /v1/status HTTP/1.1\r\nHost: a\r\n" + (0..<100).map { "X-\($0): v\r\n" }.joined() + "\r\n")
                        .utf8
                )
            ),
            ("bad header name", Array("GET /v1/status HTTP/1.1\r\nHo st: a\r\n\r\n".utf8)),
            (
                "announced huge body",
                Array("POST /v1/people HTTP/1.1\r\nHost: a\r\nContent-Length: 100000000\r\n\r\n{\"a\"".utf8)
            ),
            ("control in request line", Array("GET /v1/\u{1B}[2J HTTP/1.1\r\nHost: a\r\n\r\n".utf8)),
        ]
        let (kind, bytes) = cases.randomElement(using: &random)!
        return HostileRequest(kind: kind, bytes: bytes, mayBeClosed: true)
    }
}
