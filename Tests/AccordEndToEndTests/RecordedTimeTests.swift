import AccordAPI
import Foundation
import XCTest

/// `RecordedTime.format` writes the common years by arithmetic; it must agree with Foundation's ISO 8601 format
/// everywhere, leap days and century years included.
final class RecordedTimeTests: XCTestCase {
    func testFormatAgreesWithTheISO8601Formatter() {
        var seconds: [Int64] = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799]
        // 2000-02-29 and 2100-03-01 above; every day of four years around 2000 and 2100, at a second before midnight.
        for start: Int64 in [946_684_800 - 2 * 31_536_000, 4_102_444_800 - 2 * 31_536_000] {
            for day in Int64(0)..<1_461 { seconds.append(start + day * 86_400 + 86_399) }
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 { seconds.append(Int64.random(in: 0..<253_402_300_800, using: &random)) }
        for second in seconds {
            let microseconds = Int64.random(in: 0..<1_000_000, using: &random)
            let date = Date(timeIntervalSince1970: Double(second) + Double(microseconds) / 1_000_000)
            // Far from 1970 a double holds fewer microseconds: the expected text rounds the way the log's times do.
            let total = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
            let whole = Date(timeIntervalSince1970: Double(total / 1_000_000)).formatted(.iso8601)
            let expected = String(whole.dropLast()) + "." + String(format: "%06d", total % 1_000_000) + "Z"
            XCTAssertEqual(RecordedTime.format(date), expected, "at \(second) s and \(microseconds) µs")
        }
    }
}
