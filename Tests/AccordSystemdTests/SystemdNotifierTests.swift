import XCTest

@testable import AccordSystemd

final class SystemdNotifierTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var listener: UnixSocket!

    override func setUpWithError() throws {
        self.directory = try TemporaryDirectory()
        self.listener = try UnixSocket(
            bindingTo: self.directory.appending("notify.sock"),
            type: Int32(SOCK_DGRAM.rawValue)
        )
    }

    override func tearDown() {
        self.listener = nil
        self.directory.remove()
    }

    /// The datagrams `body` sent, in order. A closing marker sent last tells when all have arrived, so that
    /// expecting none needs no timeout.
    private func notifications(_ body: (SystemdNotifier) throws -> Void) throws -> [String] {
        let endMarker = "ACCORD_TEST_END=1"
        try withEnvironment(["NOTIFY_SOCKET": self.listener.path]) {
            let notifier = SystemdNotifier()
            XCTAssertTrue(notifier.isSupervised)
            try body(notifier)
            try notifier.send([endMarker])
        }
        var datagrams: [String] = []
        while let datagram = try self.listener.receiveDatagram(timeoutMilliseconds: 5_000), datagram != endMarker {
            datagrams.append(datagram)
        }
        return datagrams
    }

    func testReadyStatusStoppingAndWatchdogArriveAsSeparateDatagrams() throws {
        let datagrams = try self.notifications { notifier in
            try notifier.status("replaying log: 1200 of 5000 records")
            try notifier.ready()
            try notifier.watchdogPing()
            try notifier.stopping()
        }
        XCTAssertEqual(
            datagrams,
            ["STATUS=replaying log: 1200 of 5000 records", "READY=1", "WATCHDOG=1", "STOPPING=1"]
        )
    }

    func testReloadingCarriesTheMonotonicClock() throws {
        let before = SystemdNotifier.monotonicMicroseconds()
        let datagrams = try self.notifications { try $0.reloading() }
        let after = SystemdNotifier.monotonicMicroseconds()
        XCTAssertEqual(datagrams.count, 1)
        let lines = datagrams.first?.split(separator: "\n").map(String.init) ?? []
        XCTAssertEqual(lines.first, "RELOADING=1")
        XCTAssertEqual(lines.count, 2)
        let stamp = lines.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil }
        XCTAssertNotNil(stamp, "second line \(lines.last ?? "") is not MONOTONIC_USEC=<integer>")
        if let stamp {
            XCTAssertTrue((before...after).contains(stamp), "\(stamp) outside [\(before), \(after)]")
        }
    }

    func testExtendTimeoutAndGroupedAssignments() throws {
        let datagrams = try self.notifications { notifier in
            try notifier.extendTimeout(microseconds: 90_000_000)
            try notifier.send(["STATUS=serving", "READY=1"])
        }
        XCTAssertEqual(datagrams, ["EXTEND_TIMEOUT_USEC=90000000", "STATUS=serving\nREADY=1"])
    }

    func testStatusTextCannotSmuggleAnotherAssignment() throws {
        let datagrams = try self.notifications { notifier in
            try notifier.status("all good\nREADY=1")
            try notifier.status("50 %\nREADY=1", extendingTimeoutByMicroseconds: 60_000_000)
        }
        XCTAssertEqual(
            datagrams,
            ["STATUS=all good READY=1", "STATUS=50 % READY=1\nEXTEND_TIMEOUT_USEC=60000000"]
        )
    }

    func testMalformedAssignmentsAreRejectedBeforeSending() throws {
        let datagrams = try self.notifications { notifier in
            for assignment in ["READY", "=1", "STATUS=a\nREADY=1"] {
                XCTAssertThrowsError(try notifier.send([assignment])) { error in
                    XCTAssertEqual((error as? SystemdError)?.code, "invalid-notify-assignment", "\(assignment)")
                }
            }
        }
        XCTAssertEqual(datagrams, [])
    }

    func testWithoutNotifySocketEveryCallIsANoOp() throws {
        try withEnvironment(["NOTIFY_SOCKET": nil]) {
            let notifier = SystemdNotifier()
            XCTAssertFalse(notifier.isSupervised)
            try notifier.ready()
            try notifier.reloading()
            try notifier.status("nobody listens")
            try notifier.extendTimeout(microseconds: 1)
            try notifier.watchdogPing()
            try notifier.stopping()
        }
        XCTAssertNil(try self.listener.receiveDatagram(timeoutMilliseconds: 0))
    }

    func testUnreachableNotifySocketIsReportedWithItsErrno() throws {
        try withEnvironment(["NOTIFY_SOCKET": self.directory.appending("absent.sock")]) {
            XCTAssertThrowsError(try SystemdNotifier().ready()) { error in
                let systemdError = error as? SystemdError
                XCTAssertEqual(systemdError?.code, "notify-failed")
                XCTAssertEqual(systemdError?.errorNumber, ENOENT)
                XCTAssertTrue(systemdError?.message.contains("READY") ?? false, "\(error)")
            }
        }
    }
}
