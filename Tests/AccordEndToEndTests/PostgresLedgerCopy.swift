import XCTest

/// The check of a PostgreSQL ledger from outside: `accordd copy` to a folder (every row re-read and verified, head
/// and Merkle root compared) and `accord verify --log` on the copy, which finds no manipulation (exit 2: the gap
/// `no_checkpoint`, since the copy carries the records only; the checkpoints stay in `accord_checkpoints`).
enum PostgresLedgerCopy {
    static func copyAndVerify(_ url: String, to folder: String, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let copied = try CLIRunner(
            socketPath: "",
            wrapper: [BuiltProducts.daemon, "copy", "--from", url, "--to", folder]
        ).runWithoutSocket()
        XCTAssertEqual(copied.exitCode, 0, copied.standardError, file: file, line: line)
        let verified = try CLIRunner(
            socketPath: "",
            wrapper: [BuiltProducts.client, "verify", "--log", "\(folder)/ledger.log"]
        ).runWithoutSocket()
        XCTAssertEqual(
            verified.exitCode,
            2,
            "a gap (no checkpoint), never a manipulation: \(verified.standardOutput)",
            file: file,
            line: line
        )
        XCTAssertTrue(verified.standardOutput.contains("no_checkpoint"), verified.standardOutput, file: file, line: line)
    }
}
