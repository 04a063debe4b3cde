import AccordProof
import Crypto
import Foundation
import XCTest

/// Ed25519 notes and cosignatures made by swift-crypto are checked by a second implementation (Python's
/// `cryptography`, OpenSSL underneath), and notes made there are checked here.
final class CrossImplementationTests: XCTestCase {
    static let checkpoint = Checkpoint(
        origin: "accord.example.org/ledger",
        size: 7,
        root: MerkleTree.root(leafHashes: LeafNodes.numbered(7))
    )

    /// Verifies, with `cryptography`, a note signature and a cosignature given as arguments; recomputes both key ids.
    static let pythonVerifier = #"""
        import base64, hashlib, struct, sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        note, log_key, witness_key = sys.stdin.read(), sys.argv[1], sys.argv[2]
        def key(vkey, kind):
            name, key_id, material = vkey.split("+", 2)
            raw = base64.b64decode(material)
            assert raw[0] == kind, "type"
            assert hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() == key_id, "key id"
            return name, bytes.fromhex(key_id), Ed25519PublicKey.from_public_bytes(raw[1:])
        text, signatures = note[:note.rindex("\n\n") + 1], note[note.rindex("\n\n") + 2:].splitlines()
        seen = set()
        for line in signatures:
            _, name, blob = line.split(" ")
            blob = base64.b64decode(blob)
            for vkey, kind in ((log_key, 1), (witness_key, 4)):
                key_name, key_id, public = key(vkey, kind)
                if name != key_name or blob[:4] != key_id:
                    continue
                if kind == 1:
                    public.verify(blob[4:], text.encode())
                else:
                    (timestamp,) = struct.unpack(">Q", blob[4:12])
                    public.verify(blob[12:], f"cosignature/v1\ntime {timestamp}\n".encode() + text.encode())
                seen.add(kind)
        assert seen == {1, 4}, seen
        print("verified")
        """#

    func testSwiftNoteAndCosignatureVerifyWithPythonCryptography() throws {
        try Python.requireCryptography()
        let log = try NoteSigner(name: Self.checkpoint.origin, privateKey: .init())
        let witness = try CosignatureSigner(name: "witness.cnrs.example", privateKey: .init())
        let note = try Self.checkpoint.signed(by: log)
            .adding(try witness.cosign(checkpoint: Self.checkpoint, timestampSeconds: 1_767_693_600))
        let accepted = try Python.run(
            ["-c", Self.pythonVerifier, log.verifierKey, witness.verifierKey],
            standardInput: note.serialized
        )
        XCTAssertEqual(accepted.status, 0, accepted.errors)
        XCTAssertEqual(accepted.output, "verified\n")

        let forged = note.serialized.replacingOccurrences(of: "\n7\n", with: "\n8\n")
        let refused = try Python.run(
            ["-c", Self.pythonVerifier, log.verifierKey, witness.verifierKey],
            standardInput: forged
        )
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("InvalidSignature"), refused.errors)
    }

    /// Makes a key with `cryptography`, signs a checkpoint note and a cosignature, and prints the note, the log's
    /// verifier key and the witness's, each written by hand from the specifications.
    static let pythonSigner = #"""
        import base64, hashlib, struct, sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
        body = sys.stdin.read()
        def vkey(name, kind, private):
            raw = bytes([kind]) + private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            key_id = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
            return f"{name}+{key_id.hex()}+{base64.b64encode(raw).decode()}", key_id
        log, witness = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
        origin = body.split("\n")[0]
        log_key, log_id = vkey(origin, 1, log)
        witness_key, witness_id = vkey("witness.jrc.example", 4, witness)
        timestamp = 1767693600
        cosigned = f"cosignature/v1\ntime {timestamp}\n".encode() + body.encode()
        lines = [
            f"\u2014 {origin} " + base64.b64encode(log_id + log.sign(body.encode())).decode(),
            "\u2014 witness.jrc.example " + base64.b64encode(
                witness_id + struct.pack(">Q", timestamp) + witness.sign(cosigned)).decode(),
        ]
        print(log_key)
        print(witness_key)
        sys.stdout.write(body + "\n" + "\n".join(lines) + "\n")
        """#

    func testPythonCryptographyNoteAndCosignatureVerifyHere() throws {
        try Python.requireCryptography()
        let made = try Python.run(["-c", Self.pythonSigner], standardInput: Self.checkpoint.body)
        XCTAssertEqual(made.status, 0, made.errors)
        let lines = made.output.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3)
        let log = try NoteVerifier(verifierKey: String(lines[0]))
        let witness = try CosignatureVerifier(verifierKey: String(lines[1]))
        let note = try SignedNote(parsing: String(lines[2]))
        let checkpoint = try Checkpoint.verified(note: note, by: log, origin: Self.checkpoint.origin)
        XCTAssertEqual(checkpoint, Self.checkpoint)
        XCTAssertEqual(try witness.verify(note.signatures[1], of: checkpoint), 1_767_693_600)
        XCTAssertEqual(note.serialized, String(lines[2]))
    }
}
