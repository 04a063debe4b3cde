import NIOHTTP1

/// Checks a command body before it is decoded, for what Foundation's decoders let through or report without a
/// field: a key given twice (which one counts would depend on the decoder), a number that is negative, fractional
/// or past 2^64 − 1 (the API's numbers are all whole, such as `position`), a `\u` escape that is half a surrogate
/// pair, and nesting deeper than any command has. Each refusal names the field by its path. The value it reads is
/// the body's one parse: the command is decoded from it (`JSONValueDecoder`).
struct StrictJSON {
    static let maximumDepth = 16

    private let bytes: [UInt8]
    private let commandName: String
    private var index = 0

    static func parse(_ body: [UInt8], commandName: String) throws(APIFailure) -> JSONValue {
        var scanner = StrictJSON(bytes: body, commandName: commandName)
        scanner.skipWhitespace()
        let value = try scanner.value(path: "", depth: 0)
        scanner.skipWhitespace()
        guard scanner.index == body.count else { throw scanner.syntax("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], commandName: String) {
        self.bytes = bytes
        self.commandName = commandName
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func value(path: String, depth: Int) throws(APIFailure) -> JSONValue {
        guard depth <= StrictJSON.maximumDepth else {
            throw APIFailure(
                status: .badRequest,
                code: "too_deep",
                message:
                    "\(commandName): the body nests deeper than \(StrictJSON.maximumDepth) levels at \"\(path)\"; no command has such a shape",
                field: path
            )
        }
        switch current {
        case UInt8(ascii: "{"): return try object(path: path, depth: depth)
        case UInt8(ascii: "["): return try array(path: path, depth: depth)
        case UInt8(ascii: "\""): return .string(try string(path: path))
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case .some(let byte) where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return .number(try number(path: path))
        default: throw syntax("a value was expected")
        }
    }

    private mutating func object(path: String, depth: Int) throws(APIFailure) -> JSONValue {
        index += 1
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw syntax("a field name in double quotes was expected") }
            let key = try string(path: path)
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard fields[key] == nil else {
                throw APIFailure(
                    status: .badRequest,
                    code: "duplicate_key",
                    message: "\(commandName): field \"\(keyPath)\" is given twice; give each field once",
                    field: keyPath
                )
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw syntax("':' was expected after \"\(keyPath)\"") }
            index += 1
            skipWhitespace()
            fields[key] = try value(path: keyPath, depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(fields)
            default: throw syntax("',' or '}' was expected after \"\(keyPath)\"")
            }
        }
    }

    private mutating func array(path: String, depth: Int) throws(APIFailure) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(path: "\(path)[\(elements.count)]", depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: throw syntax("',' or ']' was expected in \"\(path)\"")
            }
        }
    }

    /// The string's text; `path` names the field in errors about its escapes.
    private mutating func string(path: String) throws(APIFailure) -> String {
        index += 1
        var text: [UInt8] = []
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let decoded = String(validating: text, as: UTF8.self) else {
                    throw invalidText(path, "is not valid UTF-8")
                }
                return decoded
            case UInt8(ascii: "\\"):
                try escape(into: &text, path: path)
            case 0..<0x20:
                throw invalidText(path, "holds a raw control character; escape it (\\n, \\t, \\u00XX)")
            default:
                text.append(byte)
            }
        }
        throw syntax("a string is not closed")
    }

    private mutating func escape(into text: inout [UInt8], path: String) throws(APIFailure) {
        guard let byte = current else { throw syntax("a string is not closed") }
        index += 1
        if let replacement = StrictJSON.simpleEscapes[byte] {
            text.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            throw invalidText(path, "has an unknown escape \\\(Character(Unicode.Scalar(byte)))")
        }
        var scalarValue = try hexQuad(path: path)
        if (0xD800...0xDBFF).contains(scalarValue) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw invalidText(path, "has half a surrogate pair (\\u\(hex(scalarValue)) without its low half)")
            }
            index += 2
            let low = try hexQuad(path: path)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw invalidText(path, "has half a surrogate pair (\\u\(hex(scalarValue)) followed by \\u\(hex(low)))")
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalarValue) {
            throw invalidText(path, "has half a surrogate pair (a lone \\u\(hex(scalarValue)))")
        }
        text.append(contentsOf: Array(String(Character(Unicode.Scalar(scalarValue)!)).utf8))
    }

    private mutating func hexQuad(path: String) throws(APIFailure) -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw invalidText(path, "has a \\u escape without four hexadecimal digits") }
        index += 4
        return value
    }

    private func hex(_ value: UInt32) -> String {
        String(value, radix: 16, uppercase: true)
    }

    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
        UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    private static let numberBytes: Set<UInt8> = Set("-+.eE0123456789".utf8)

    /// The number's text, once it is known to be a whole number from 0 to 2^64 − 1.
    private mutating func number(path: String) throws(APIFailure) -> String {
        let start = index
        while let byte = current, StrictJSON.numberBytes.contains(byte) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard Double(text) != nil || text.allSatisfy(\.isNumber) else {
            throw syntax("\"\(text.prefix(40))\" is not a number")
        }
        guard UInt64(text) != nil else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_number",
                message:
                    "\(commandName): field \"\(path)\" must be a whole number from 0 to \(UInt64.max), not \(text.prefix(40))",
                field: path
            )
        }
        return text
    }

    private mutating func literal(_ word: String) throws(APIFailure) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw syntax("a value was expected")
        }
        index += expected.count
    }

    private func invalidText(_ path: String, _ problem: String) -> APIFailure {
        APIFailure(
            status: .badRequest,
            code: "invalid_string",
            message: "\(commandName): \(path.isEmpty ? "a field name" : "field \"\(path)\"") \(problem)",
            field: path.isEmpty ? nil : path
        )
    }

    private func syntax(_ problem: String) -> APIFailure {
        APIFailure(
            status: .badRequest,
            code: "invalid_json",
            message: "\(commandName): the body is not valid JSON at byte \(index): \(problem)"
        )
    }
}
