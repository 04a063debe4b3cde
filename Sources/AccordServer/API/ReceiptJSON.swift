import AccordAPI
import AccordEngine
import AccordLog

/// The receipt of a command just recorded, written byte for byte as `JSONCoding.encoder` writes a `CommandReceipt`
/// (sorted keys, slashes unescaped, the same string escapes), without its cost: each event's payload is the JSON
/// the log record holds, which `Event.encodedPayload()` made from that very event moments before. The receipt was
/// the append path's largest cost. `ReceiptEncodingTests` compares both encodings.
enum ReceiptJSON {
    /// Nil when an event needs more than a fresh record's fields (a frame, an import's provenance) or its payload is
    /// not JSON: `JSONCoding.encoder` writes that receipt.
    static func encode(command: String, events: [StoredEvent], head: ChainHead) -> [UInt8]? {
        guard events.allSatisfy({ $0.record.payloadEncoding == .json && $0.record.extensions.isEmpty }) else {
            return nil
        }
        var json: [UInt8] = []
        json.reserveCapacity(256 + events.reduce(0) { $0 + $1.record.payload.count + 480 })
        json.append(contentsOf: #"{"command":"#.utf8)
        string(command, into: &json)
        json.append(contentsOf: #","events":["#.utf8)
        for (index, event) in events.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            self.event(event, into: &json)
        }
        json.append(contentsOf: #"],"head":{"hash":"#.utf8)
        string(head.hash, into: &json)
        json.append(contentsOf: #","position":"#.utf8)
        json.append(contentsOf: String(head.position).utf8)
        json.append(contentsOf: #"},"replayed":false}"#.utf8)
        return json
    }

    /// A `LoggedEvent` without frame and provenance, keys in sorted order.
    private static func event(_ stored: StoredEvent, into json: inout [UInt8]) {
        let recorded = stored.recorded
        json.append(contentsOf: #"{"author":{"name":"#.utf8)
        string(recorded.author.name, into: &json)
        json.append(contentsOf: #","userID":"#.utf8)
        json.append(contentsOf: String(recorded.author.userID).utf8)
        json.append(contentsOf: #"},"event":{"payload":"#.utf8)
        json.append(contentsOf: stored.record.payload)
        json.append(contentsOf: #","type":"#.utf8)
        string(recorded.event.typeName, into: &json)
        json.append(contentsOf: #"},"hash":"#.utf8)
        string(stored.hash, into: &json)
        json.append(contentsOf: #","position":"#.utf8)
        json.append(contentsOf: String(recorded.position).utf8)
        json.append(contentsOf: #","previousHash":"#.utf8)
        string(stored.previousHash, into: &json)
        json.append(contentsOf: #","recordedAt":"#.utf8)
        string(RecordedTime.format(recorded.recordedAt), into: &json)
        if let requestID = stored.requestID {
            json.append(contentsOf: #","requestID":"#.utf8)
            string(requestID, into: &json)
        }
        json.append(contentsOf: #","stream":"#.utf8)
        string(stored.streamID, into: &json)
        json.append(UInt8(ascii: "}"))
    }

    /// A JSON string as `JSONEncoder` escapes it: quote, backslash, and control characters (the short escapes where
    /// JSON has them, else `\u00xx` in lowercase); everything else as its UTF-8 bytes.
    static func string(_ text: String, into json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): json.append(contentsOf: #"\\"#.utf8)
            case 0x08: json.append(contentsOf: #"\b"#.utf8)
            case 0x09: json.append(contentsOf: #"\t"#.utf8)
            case 0x0A: json.append(contentsOf: #"\n"#.utf8)
            case 0x0C: json.append(contentsOf: #"\f"#.utf8)
            case 0x0D: json.append(contentsOf: #"\r"#.utf8)
            case 0x00..<0x20:
                json.append(contentsOf: #"\u00"#.utf8)
                json.append(hexDigits[Int(byte >> 4)])
                json.append(hexDigits[Int(byte & 0x0F)])
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
