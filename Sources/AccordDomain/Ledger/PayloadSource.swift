import Foundation

/// Where a payload is decoded from: raw JSON from the log, or a nested value in an API document. One switch over
/// type names (`Event.decode(typeName:using:)`) serves both.
protocol PayloadSource {
    func decode<Payload: Decodable>(_ type: Payload.Type) throws -> Payload
}

struct JSONPayloadSource: PayloadSource {
    var data: Data

    func decode<Payload: Decodable>(_ type: Payload.Type) throws -> Payload {
        try JSONDecoder().decode(type, from: data)
    }
}

struct NestedPayloadSource<Key: CodingKey>: PayloadSource {
    var container: KeyedDecodingContainer<Key>
    var key: Key

    func decode<Payload: Decodable>(_ type: Payload.Type) throws -> Payload {
        try container.decode(type, forKey: key)
    }
}

struct DecoderPayloadSource: PayloadSource {
    var decoder: any Decoder

    func decode<Payload: Decodable>(_ type: Payload.Type) throws -> Payload {
        try Payload(from: decoder)
    }
}
