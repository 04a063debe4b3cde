import AccordProof
import Crypto
import Foundation
import XCTest

/// signed-note against the published vectors of Go's golang.org/x/mod/sumdb/note (note_test.go) and of
/// c2sp.org/signed-note, plus the refusals a verifier owes.
final class SignedNoteTests: XCTestCase {
    static let text =
        "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterPrivateKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let peterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let peterSignature =
        "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    static let enochSignature =
        "\u{2014} EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
    static let exampleVerifierKey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
    static let exampleNote =
        "This is an example message.\n\n\u{2014} example.com/foo "
        + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"

    /// Go's private key string is `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)`.
    static func peterSigner() throws -> NoteSigner {
        let material = Data(base64Encoded: String(peterPrivateKey.split(separator: "+", maxSplits: 4)[4]))!
        XCTAssertEqual(material.first, 0x01)
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: material.dropFirst())
        return try NoteSigner(name: "PeterNeumann", privateKey: key)
    }

    func testSigningReproducesGoKeyIDVerifierKeyAndSignature() throws {
        let signer = try Self.peterSigner()
        XCTAssertEqual(signer.keyID, 0xc74f_20a3)
        XCTAssertEqual(signer.verifierKey, Self.peterVerifierKey)
        // Ed25519 is deterministic: the same key and text give Go's signature byte for byte.
        let signature = try signer.sign(text: Self.text)
        XCTAssertEqual(signature.line, Self.peterSignature)
        XCTAssertEqual(
            SignedNote(text: Self.text, signatures: [signature]).serialized,
            Self.text + "\n" + Self.peterSignature
        )
    }

    func testVerifiesGoNotesWithOneAndTwoSigners() throws {
        let peter = try NoteVerifier(verifierKey: Self.peterVerifierKey)
        let enoch = try NoteVerifier(verifierKey: Self.enochVerifierKey)
        XCTAssertEqual(peter.keyID, 0xc74f_20a3)
        XCTAssertEqual(enoch.keyID, 0xaf0c_fe78)
        XCTAssertEqual(enoch.verifierKey, Self.enochVerifierKey)
        let both = try SignedNote(parsing: Self.text + "\n" + Self.peterSignature + Self.enochSignature)
        XCTAssertEqual(both.text, Self.text)
        XCTAssertEqual(try both.verified(by: [peter, enoch]).map(\.name), ["PeterNeumann", "EnochRoot"])
        XCTAssertEqual(try both.verified(by: [enoch]).map(\.name), ["EnochRoot"])
        XCTAssertEqual(both.serialized, Self.text + "\n" + Self.peterSignature + Self.enochSignature)

        let example = try SignedNote(parsing: Self.exampleNote)
        XCTAssertEqual(try example.verified(by: [try NoteVerifier(verifierKey: Self.exampleVerifierKey)]).count, 1)
        XCTAssertEqual(example.serialized, Self.exampleNote)
    }

    func testChangedTextOrSignatureIsForgedAndUnknownKeysAreNotEnough() throws {
        let peter = try NoteVerifier(verifierKey: Self.peterVerifierKey)
        let changed = try SignedNote(
            parsing: Self.text.replacingOccurrences(of: "answer", with: "Answer") + "\n"
                + Self.peterSignature
        )
        XCTAssertThrowsError(try changed.verified(by: [peter])) { error in
            XCTAssertEqual((error as? ProofError)?.code, .badSignature)
            XCTAssertEqual((error as? ProofError)?.line, 4)
        }
        let onlyEnoch = try SignedNote(parsing: Self.text + "\n" + Self.enochSignature)
        XCTAssertThrowsError(try onlyEnoch.verified(by: [peter])) { error in
            XCTAssertEqual((error as? ProofError)?.code, .unverified)
        }
        // A forged line for a known key refuses the note even when another known key's line verifies.
        var forged = try SignedNote(parsing: Self.text + "\n" + Self.peterSignature + Self.enochSignature)
        forged.signatures[1].signature[0] ^= 1
        XCTAssertThrowsError(try forged.verified(by: [peter, try NoteVerifier(verifierKey: Self.enochVerifierKey)]))
    }

    func testMalformedNotesAndKeysAreRefusedNamingThePart() {
        let refusedNotes = [
            Self.text + Self.peterSignature,  // no empty line
            Self.text + "\n" + Self.peterSignature.dropLast(),  // no final newline
            Self.text + "\n",  // no signature
            "\n" + "\n" + Self.peterSignature,  // empty text
            "a\n\nb\n\n" + Self.peterSignature.replacingOccurrences(of: "\u{2014}", with: "-"),
            "tab\there\n\n" + Self.peterSignature,
            Self.text + "\n\u{2014} PeterNeumann !!!\n",
            Self.text + "\n\u{2014} Peter Neumann x08go/ZJ\n",
        ]
        for note in refusedNotes {
            XCTAssertThrowsError(try SignedNote(parsing: note), note) { error in
                XCTAssertEqual((error as? ProofError)?.code, .malformed, note)
            }
        }
        let tooMany = Self.text + "\n" + String(repeating: Self.peterSignature, count: 101)
        XCTAssertThrowsError(try SignedNote(parsing: tooMany)) { error in
            XCTAssertEqual((error as? ProofError)?.code, .tooLarge)
        }
        let refusedKeys = [
            "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // wrong key id
            "PeterNeumann+c74f20a3+AhpcMQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // wrong type
            "PeterNeumann+c74f20a3",
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq",
            "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        ]
        for key in refusedKeys {
            XCTAssertThrowsError(try NoteVerifier(verifierKey: key), key) { error in
                XCTAssertEqual((error as? ProofError)?.code, .malformed, key)
            }
        }
        // A '+' inside the base64 part is the key's, not a separator (transparency-dev/formats' vector).
        XCTAssertEqual(
            try NoteVerifier(verifierKey: "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").name,
            "TEST"
        )
        XCTAssertThrowsError(try Self.peterSigner().sign(text: "no newline"))
        XCTAssertThrowsError(try Self.peterSigner().sign(text: "empty\n\nline\n"))
    }
}
