import AccordLog
import Crypto

/// The record shown byte for byte in docs/log-format.md; `FormatTests` keeps the two in agreement.
enum WorkedExample {
    static let draft = RecordDraft(
        recordedAtMicroseconds: 1_767_693_600_000_000,
        authorUserID: 1_000,
        authorName: "alice",
        eventType: "AgreementSigned",
        streamID: "agreement/cnrs-jrc",
        requestID: "req-1",
        requestDigest: Array(SHA256.hash(data: Array("example request".utf8))),
        payloadEncoding: .json,
        payload: Array(#"{"title":"CNRS-JRC"}"#.utf8)
    )

    static let frameHex = [
        "41435244d3000000010000000000000042b3afb76b794afa7aa9d1c57fb137b30b4b5c84df4154c75e74b79f59c57684",
        "0088193db5470600e8030000010300000500616c6963650f0041677265656d656e745369676e6564120061677265656d",
        "656e742f636e72732d6a726305007265712d31f98aac4f00bb49f73feb4e4cd1e09626e467b9c7a27050d6478d1c5350",
        "300246140000007b227469746c65223a22434e52532d4a5243227d00000000f96ba77aefc4b72c826ba8f51445e74e53",
        "c7f63e9ea716699c752b66b8e38f07272df20b",
    ].joined()
    static let hashHex = "f96ba77aefc4b72c826ba8f51445e74e53c7f63e9ea716699c752b66b8e38f07"
}
