import Crypto
import Foundation
import XCTest

/// swift-crypto against RFC 8032 section 7.1: the same vectors docs/verify.py's self-test checks.
final class RFC8032Tests: XCTestCase {
    static let vectors: [(seed: String?, publicKey: String, message: String, signature: String)] = [
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f059"
                + "5bbe24655141438e7a100b"
        ),
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eae"
                + "b4302aeeb00d291612bb0c00"
        ),
        (
            nil, "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9"
                + "716ed28dc027beceea1ec40a"
        ),
    ]

    func testSwiftCryptoReproducesAndVerifiesTheVectors() throws {
        let bytes = MerkleTreeTests.bytes(hex:)
        for vector in Self.vectors {
            let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: bytes(vector.publicKey))
            XCTAssertTrue(publicKey.isValidSignature(bytes(vector.signature), for: bytes(vector.message)))
            XCTAssertFalse(publicKey.isValidSignature(bytes(vector.signature), for: bytes(vector.message) + [0]))
            guard let seed = vector.seed else { continue }
            let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: bytes(seed))
            XCTAssertEqual(privateKey.publicKey.rawRepresentation, Data(bytes(vector.publicKey)))
            XCTAssertEqual(Array(try privateKey.signature(for: bytes(vector.message))), bytes(vector.signature))
        }
    }
}
