import AccordProof
import Crypto
import Foundation
import XCTest

/// Where the checkpoint key comes from: a key file made 0600 at the first start, refused once others may read
/// it, or a systemd credential in $CREDENTIALS_DIRECTORY.
final class SigningKeyTests: XCTestCase {
    func testTheKeyFileIsPrivateAndAReadableOneIsRefused() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let keyPath = "\(ledger.dataDirectory)/checkpoint-signing.key"
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o600)
        let key = try ledger.accord(["key"]).standardOutput
        try await ledger.restart()
        XCTAssertEqual(try ledger.accord(["key"]).standardOutput, key, "the key survives a restart")
        try await ledger.daemon.stop()

        XCTAssertEqual(chmod(keyPath, 0o640), 0)
        let daemon = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try daemon.process.run()
        let exited = try await Deadline.poll(seconds: 30) { !daemon.process.isRunning }
        XCTAssertTrue(exited, "an exposed key stops the start")
        XCTAssertEqual(daemon.process.terminationStatus, 78, daemon.errors)
        XCTAssertTrue(daemon.errors.contains("chmod 600 \(keyPath)"), daemon.errors)
    }

    func testASystemdCredentialIsUsedWhenThereIsOne() async throws {
        let ledger = try LedgerFixture()
        let credentials = ledger.folder.file("credentials")
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: false)
        let seed = Curve25519.Signing.PrivateKey()
        let path = "\(credentials)/accord-checkpoint-key"
        try (seed.rawRepresentation.base64EncodedString() + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o400), 0)
        ledger.daemon = try DaemonProcess(
            socketPath: ledger.socketPath,
            dataDirectory: ledger.dataDirectory,
            environment: ["CREDENTIALS_DIRECTORY": credentials]
        )
        try await ledger.start()
        let key = try ledger.accord(["key"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let origin = String(key.prefix { $0 != "+" })
        XCTAssertEqual(key, try NoteSigner(name: origin, privateKey: seed).verifierKey)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: "\(ledger.dataDirectory)/checkpoint-signing.key"),
            "no key file is made beside a credential"
        )
    }
}
