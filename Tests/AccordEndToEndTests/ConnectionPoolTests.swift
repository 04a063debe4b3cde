import XCTest

@testable import AccordClient

/// How long a kept connection may be reused after an answer, from the daemon's `Keep-Alive` header.
final class ConnectionPoolTests: XCTestCase {
    func testTheReuseWindowEndsBeforeTheAnnouncedIdleTimeout() {
        XCTAssertEqual(ConnectionPool.reuseWindow(keepAlive: "timeout=60"), .seconds(59))
        XCTAssertEqual(ConnectionPool.reuseWindow(keepAlive: "timeout=5, max=100"), .seconds(4))
        XCTAssertEqual(ConnectionPool.reuseWindow(keepAlive: "timeout=1"), .milliseconds(500), "half of a short one")
        XCTAssertNil(ConnectionPool.reuseWindow(keepAlive: "timeout=0"), "nothing left: no reuse")
        XCTAssertEqual(ConnectionPool.reuseWindow(keepAlive: nil), .seconds(20), "a daemon that says nothing")
        XCTAssertEqual(ConnectionPool.reuseWindow(keepAlive: "timeout=soon"), .seconds(20), "nor anything readable")
    }
}
