import XCTest

@testable import AccordSystemd

final class WatchdogConfigurationTests: XCTestCase {
    func testWatchdogForThisProcess() throws {
        let configuration = try withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getpid())"]) {
            try WatchdogConfiguration.fromEnvironment()
        }
        XCTAssertEqual(configuration.intervalMicroseconds, 30_000_000)
        XCTAssertEqual(configuration.pingIntervalMicroseconds, 15_000_000)
        XCTAssertTrue(configuration.isEnabled)
    }

    func testWatchdogWithoutPidAppliesToThisProcess() throws {
        let configuration = try withEnvironment(["WATCHDOG_USEC": "4000", "WATCHDOG_PID": nil]) {
            try WatchdogConfiguration.fromEnvironment()
        }
        XCTAssertEqual(configuration.intervalMicroseconds, 4_000)
        XCTAssertEqual(configuration.pingIntervalMicroseconds, 2_000)
    }

    func testWatchdogMeantForAnotherProcessIsDisabled() throws {
        let configuration = try withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getpid() + 1)"]) {
            try WatchdogConfiguration.fromEnvironment()
        }
        XCTAssertNil(configuration.intervalMicroseconds)
        XCTAssertNil(configuration.pingIntervalMicroseconds)
        XCTAssertFalse(configuration.isEnabled)
    }

    func testNoWatchdogWhenUnset() throws {
        let configuration = try withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            try WatchdogConfiguration.fromEnvironment()
        }
        XCTAssertEqual(configuration, WatchdogConfiguration(intervalMicroseconds: nil))
    }

    func testReadingLeavesTheEnvironmentForTheNextRead() throws {
        try withEnvironment(["WATCHDOG_USEC": "5000000", "WATCHDOG_PID": "\(getpid())"]) {
            _ = try WatchdogConfiguration.fromEnvironment()
            XCTAssertEqual(environmentValue("WATCHDOG_USEC"), "5000000")
            XCTAssertEqual(try WatchdogConfiguration.fromEnvironment().intervalMicroseconds, 5_000_000)
        }
    }

    func testMalformedIntervalIsAnError() throws {
        try withEnvironment(["WATCHDOG_USEC": "thirty seconds", "WATCHDOG_PID": "\(getpid())"]) {
            XCTAssertThrowsError(try WatchdogConfiguration.fromEnvironment()) { error in
                XCTAssertEqual((error as? SystemdError)?.code, "invalid-watchdog-environment")
                XCTAssertEqual((error as? SystemdError)?.errorNumber, EINVAL)
            }
        }
    }
}
