import Foundation
import XCTest

@testable import AccordDomain

final class BusinessDateTests: XCTestCase {
    func testParsesIsoDays() throws {
        let date = try BusinessDate("2026-01-06")
        XCTAssertEqual([date.year, date.month, date.day], [2026, 1, 6])
        XCTAssertEqual(date.description, "2026-01-06")
    }

    func testRefusesDaysThatDoNotExist() {
        for text in [
            "2026-02-29", "2026-02-30", "2025-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "1900-02-29",
            "0000-01-01",
        ] {
            XCTAssertThrowsError(try BusinessDate(text), text) { error in
                XCTAssertEqual((error as? Rejection)?.code, "invalid_date", text)
            }
        }
        XCTAssertNoThrow(try BusinessDate("2028-02-29"))
        XCTAssertNoThrow(try BusinessDate("2000-02-29"))
    }

    func testArithmeticMayLeaveTheInputYearsWithoutFailing() {
        XCTAssertEqual(day("1900-01-01").adding(days: -1).description, "1899-12-31")
        XCTAssertEqual(day("2199-12-31").adding(days: 1).description, "2200-01-01")
    }

    func testRefusesOtherSpellings() {
        for text in [
            "2026-1-6", "20260106", "2026/01/06", "2026-01-06T00:00:00Z", " 2026-01-06", "+026-01-06", "２０２６-01-06", "",
        ] {
            XCTAssertThrowsError(try BusinessDate(text), text) { error in
                XCTAssertEqual((error as? Rejection)?.message.contains("YYYY-MM-DD"), true, text)
            }
        }
    }

    func testOrdersAndCountsDays() {
        XCTAssertLessThan(day("2026-01-06"), day("2026-01-07"))
        XCTAssertLessThan(day("2025-12-31"), day("2026-01-01"))
        XCTAssertEqual(day("2026-01-06").days(until: day("2026-12-31")), 359)
        XCTAssertEqual(day("2028-02-28").adding(days: 1), day("2028-02-29"))
        XCTAssertEqual(day("2026-02-28").adding(days: 1), day("2026-03-01"))
        XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
        XCTAssertEqual(day("2026-03-01").adding(days: -1), day("2026-02-28"))
        XCTAssertEqual(day("1970-01-01").dayNumber, 0)
        XCTAssertEqual(day("2026-01-06").adding(days: 36_500).adding(days: -36_500), day("2026-01-06"))
    }

    func testArithmeticAgreesWithTheCalendarOverCenturies() {
        var date = day("1900-01-01")
        var mismatches: [String] = []
        var count = 0
        while date < day("2101-01-05") {
            let next = date.adding(days: 1)
            if next != day(next.description) || date.days(until: next) != 1 || next.description <= date.description {
                mismatches.append(next.description)
            }
            date = next
            count += 1
        }
        XCTAssertEqual(mismatches, [])
        XCTAssertEqual(count, day("1900-01-01").days(until: day("2101-01-05")))
        XCTAssertEqual(count, 73_418)
    }

    func testEncodesAsTheIsoString() throws {
        let data = try JSONEncoder().encode(["on": day("2026-01-06")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"on":"2026-01-06"}"#)
        XCTAssertEqual(try JSONDecoder().decode([String: BusinessDate].self, from: data), ["on": day("2026-01-06")])
    }

    func testDecodingAnImpossibleDayNamesTheField() {
        let body = Data(#"{"agreementID":"a","validUntil":"2026-02-30"}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(ExtendAgreement.self, from: body)) { error in
            guard let decodingError = error as? DecodingError else {
                return XCTFail("\(error)")
            }
            let rejection = Rejection(decoding: decodingError)
            XCTAssertEqual(rejection.field, "validUntil")
            XCTAssertTrue(rejection.message.contains("2026-02-30"), rejection.message)
        }
    }
}
