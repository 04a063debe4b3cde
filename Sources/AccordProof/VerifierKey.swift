import Crypto
import Foundation

/// A named Ed25519 public key as signed-note writes it, `name+hexkeyid+base64(type ‖ key)`, where the key id is
/// the first 4 bytes (big-endian) of SHA-256(name ‖ 0x0A ‖ type ‖ key). The type byte says what the key signs:
/// 0x01 notes (c2sp.org/signed-note), 0x04 timestamped cosignatures (c2sp.org/tlog-cosignature).
struct VerifierKey: Sendable, Equatable {
    static let noteType: UInt8 = 0x01
    static let cosignatureType: UInt8 = 0x04

    let name: String
    let type: UInt8
    let publicKey: Curve25519.Signing.PublicKey
    let keyID: UInt32

    init(name: String, type: UInt8, publicKey: Curve25519.Signing.PublicKey) throws {
        try Self.checkName(name)
        self.name = name
        self.type = type
        self.publicKey = publicKey
        keyID = Self.keyID(name: name, type: type, publicKey: Array(publicKey.rawRepresentation))
    }

    /// Parses `name+hexkeyid+base64`, refusing another type than `expectedType` and a key id that is not the one
    /// the name and key give.
    init(parsing text: String, expectedType: UInt8) throws {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw Self.malformed(text, "it is not name+keyid+key (three parts separated by '+')")
        }
        let name = String(parts[0])
        guard parts[1].utf8.count == 8, let keyID = UInt32(parts[1], radix: 16) else {
            throw Self.malformed(text, "the key id '\(parts[1])' is not 8 hexadecimal digits")
        }
        guard let material = Data(base64Encoded: String(parts[2])), material.count == 33 else {
            throw Self.malformed(text, "the key is not the base64 of a type byte and a 32-byte Ed25519 key")
        }
        guard material[material.startIndex] == expectedType else {
            throw Self.malformed(
                text,
                "its type byte is 0x\(String(material[material.startIndex], radix: 16)), not 0x0\(expectedType) "
                    + (expectedType == Self.noteType ? "(a log's note key)" : "(a witness's cosignature key)")
            )
        }
        guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: material.dropFirst()) else {
            throw Self.malformed(text, "its 32 bytes are not an Ed25519 public key")
        }
        try self.init(name: name, type: expectedType, publicKey: publicKey)
        guard self.keyID == keyID else {
            throw Self.malformed(
                text,
                "its key id \(parts[1]) is not \(Self.hex(self.keyID)), the one its name and key give"
            )
        }
    }

    static func == (left: VerifierKey, right: VerifierKey) -> Bool {
        left.name == right.name && left.type == right.type
            && left.publicKey.rawRepresentation == right.publicKey.rawRepresentation
    }

    var text: String {
        "\(name)+\(Self.hex(keyID))+\(Data([type] + publicKey.rawRepresentation).base64EncodedString())"
    }

    /// Whether a signature line claims to be made by this key.
    func names(_ signature: NoteSignature) -> Bool {
        signature.keyID == keyID && signature.name.utf8.elementsEqual(name.utf8)
    }

    static func keyID(name: String, type: UInt8, publicKey: [UInt8]) -> UInt32 {
        let digest = Array(SHA256.hash(data: Array(name.utf8) + [0x0A, type] + publicKey))
        return digest[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func hex(_ keyID: UInt32) -> String {
        let digits = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// signed-note: a key name is non-empty UTF-8 with no Unicode spaces and no '+'.
    static func checkName(_ name: String) throws {
        guard !name.isEmpty, !name.contains("+"),
            !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw ProofError(
                code: .malformed,
                message: "the key name '\(name)' is not allowed: a name is non-empty and has no spaces, control "
                    + "characters or '+'"
            )
        }
    }

    private static func malformed(_ text: String, _ reason: String) -> ProofError {
        ProofError(code: .malformed, message: "the verifier key '\(text)' is not usable: \(reason)")
    }
}
