import Foundation
import XCTest

/// The set-up of the erasure fault tests: a ledger holding one person's personal-data file, and accordd under strace
/// with a fault injected into the unlink of that one file only.
enum ErasureFault {
    /// The partnership recorded, the daemon stopped; the file holding the name, relative to the data folder and whole.
    static func seeded() async throws -> (ledger: LedgerFixture, relative: String, file: String) {
        try SyncFailureTests.requireStrace()
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let seeded = try await ledger.daemon.stop()
        XCTAssertEqual(seeded, 0, ledger.daemon.errors)
        let holding = try filesHolding("Camille", in: ledger.dataDirectory)
        XCTAssertEqual(holding.count, 1, "one personal-data file holds the name: \(holding)")
        let relative = try XCTUnwrap(holding.first)
        return (ledger, relative, "\(ledger.dataDirectory)/\(relative)")
    }

    /// accordd on the ledger's places, each unlink of `file` getting `injection` (strace's `inject=` value).
    static func daemon(_ ledger: LedgerFixture, file: String, injection: String) throws -> DaemonProcess {
        try DaemonProcess(
            socketPath: ledger.socketPath,
            dataDirectory: ledger.dataDirectory,
            launcher: [
                SyncFailureTests.strace, "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null", "-P", file,
                "-e", "trace=unlink,unlinkat", "-e", "inject=unlink,unlinkat:\(injection)",
            ]
        )
    }
}
