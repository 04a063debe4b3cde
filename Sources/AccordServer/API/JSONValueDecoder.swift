import Synchronization

/// Decodes a `Decodable` from a parsed body and remembers which fields it asked for, so that the fields nobody
/// asked for (`UnknownFields`) come from the same decoding, without a second parse or an encoding of the result.
/// Its errors are `DecodingError`s with the coding path, like `JSONDecoder`'s, so `APIFailure(decoding:)` names
/// the field.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let askedFields: AskedFields
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The dotted paths of the fields asked for (`corrected.payload.name`, `parties[1]` for array elements).
    final class AskedFields: Sendable {
        private let paths = Mutex<Set<String>>([])

        func insert(_ path: String) {
            _ = paths.withLock { $0.insert(path) }
        }

        func contains(_ path: String) -> Bool {
            paths.withLock { $0.contains(path) }
        }
    }

    init(_ value: JSONValue, codingPath: [any CodingKey] = [], askedFields: AskedFields = AskedFields()) {
        self.value = value
        self.codingPath = codingPath
        self.askedFields = askedFields
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(fields: fields, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([Any].self) }
        return UnkeyedContainer(elements: elements, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(decoder: self) }

    /// The field path of `codingPath` as `UnknownFields` writes it.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    func nested(_ value: JSONValue, key: any CodingKey) -> JSONValueDecoder {
        JSONValueDecoder(value, codingPath: codingPath + [key], askedFields: askedFields)
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        guard case .null = value else {
            return DecodingError.typeMismatch(
                type,
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "Expected to decode \(type) but found \(value.kind) instead."
                )
            )
        }
        return DecodingError.valueNotFound(
            type,
            DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "Expected \(type) value but found null instead."
            )
        )
    }

    func decodeScalar<Value: Decodable>(_ type: Value.Type) throws -> Value {
        switch (value, type) {
        case (.string(let text), is String.Type): return text as! Value
        case (.bool(let flag), is Bool.Type): return flag as! Value
        case (.number(let text), let numeric as any LosslessStringConvertible.Type)
        where type is any BinaryInteger.Type || type is any BinaryFloatingPoint.Type:
            guard let number = numeric.init(text) as? Value else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: codingPath,
                        debugDescription: "Parsed JSON number <\(text)> does not fit in \(type)."
                    )
                )
            }
            return number
        case (_, is String.Type), (_, is Bool.Type), (_, is any BinaryInteger.Type),
            (_, is any BinaryFloatingPoint.Type):
            throw mismatch(type)
        default:
            return try Value(from: self)
        }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [String: JSONValue]
        let decoder: JSONValueDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

        private func asked(_ key: Key) -> JSONValue? {
            decoder.askedFields.insert(JSONValueDecoder.path(codingPath + [key]))
            return fields[key.stringValue]
        }

        func contains(_ key: Key) -> Bool { asked(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let value = asked(key) else { return true }
            return value == .null
        }

        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
            try value(type, forKey: key)
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, forKey: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, forKey: key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, forKey: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type, forKey: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, forKey: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type, forKey: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type, forKey: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type, forKey: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, forKey: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type, forKey: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type, forKey: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type, forKey: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type, forKey: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type, forKey: key) }

        private func value<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
            guard let value = asked(key) else {
                throw DecodingError.keyNotFound(
                    key,
                    DecodingError.Context(
                        codingPath: codingPath,
                        debugDescription: "No value associated with key \(key.stringValue)."
                    )
                )
            }
            return try decoder.nested(value, key: key).decodeScalar(type)
        }

        func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
            guard let value = asked(key), value != .null else { return nil }
            return try decoder.nested(value, key: key).decodeScalar(type)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try decoder.nested(asked(key) ?? .null, key: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder.nested(asked(key) ?? .null, key: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }

        func superDecoder(forKey key: Key) throws -> any Decoder { decoder.nested(asked(key) ?? .null, key: key) }
    }

    private struct IndexKey: CodingKey {
        let intValue: Int?
        let stringValue: String

        init(index: Int) {
            intValue = index
            stringValue = "Index \(index)"
        }

        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.init(index: intValue) }
    }

    private struct UnkeyedContainer: UnkeyedDecodingContainer {
        let elements: [JSONValue]
        let decoder: JSONValueDecoder
        var currentIndex = 0
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        private mutating func next(_ type: Any.Type) throws -> JSONValueDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    type,
                    DecodingError.Context(codingPath: codingPath, debugDescription: "Unkeyed container is at end.")
                )
            }
            defer { currentIndex += 1 }
            return decoder.nested(elements[currentIndex], key: IndexKey(index: currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, elements[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            try next(type).decodeScalar(type)
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decodeScalar(type) }
        mutating func decode(_ type: String.Type) throws -> String { try next(type).decodeScalar(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decodeScalar(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decodeScalar(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decodeScalar(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decodeScalar(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decodeScalar(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decodeScalar(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decodeScalar(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decodeScalar(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decodeScalar(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decodeScalar(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decodeScalar(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decodeScalar(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try next(type).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next([Any].self).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
    }

    private struct SingleValue: SingleValueDecodingContainer {
        let decoder: JSONValueDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.value == .null }

        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decoder.decodeScalar(type) }

        func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeScalar(type) }
        func decode(_ type: String.Type) throws -> String { try decoder.decodeScalar(type) }
        func decode(_ type: Double.Type) throws -> Double { try decoder.decodeScalar(type) }
        func decode(_ type: Float.Type) throws -> Float { try decoder.decodeScalar(type) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.decodeScalar(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeScalar(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeScalar(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeScalar(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeScalar(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeScalar(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeScalar(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeScalar(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeScalar(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeScalar(type) }
    }
}
