import Foundation

/// A calendar day as the client states it happened (signing date, start date), without time or time zone.
///
/// Arithmetic is on day numbers in the proleptic Gregorian calendar, so no clock or locale is ever involved.
public struct BusinessDate: Codable, Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Days since 1970-01-01; the single source of ordering and arithmetic.
    public let dayNumber: Int

    /// Input is limited to years a research partnership can plausibly mention, so that arithmetic near the edges
    /// (the day before a revocation) never leaves the years a date can be written in, and "9999-12-31" is not
    /// mistaken for "no end": such an end is left out instead.
    public static let earliestYear = 1900
    public static let latestYear = 2199

    /// Parses `YYYY-MM-DD` and refuses days that do not exist (2026-02-30) or years outside 1900–2199.
    public init(_ text: String) throws(Rejection) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            throw Rejection.invalidDate(text, reason: "dates are written YYYY-MM-DD, for example 2026-01-06")
        }
        try self.init(year: year, month: month, day: day)
    }

    public init(year: Int, month: Int, day: Int) throws(Rejection) {
        let text = BusinessDate.format(year: year, month: month, day: day)
        guard (BusinessDate.earliestYear...BusinessDate.latestYear).contains(year) else {
            throw Rejection.invalidDate(
                text,
                reason: "the year must be between \(BusinessDate.earliestYear) and \(BusinessDate.latestYear)"
            )
        }
        guard (1...12).contains(month) else {
            throw Rejection.invalidDate(text, reason: "the month must be between 01 and 12")
        }
        let length = BusinessDate.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            throw Rejection.invalidDate(text, reason: "month \(month) of \(year) has \(length) days")
        }
        self.year = year
        self.month = month
        self.day = day
        self.dayNumber = BusinessDate.dayNumber(year: year, month: month, day: day)
    }

    private init(dayNumber: Int) {
        // Inverse of `dayNumber(year:month:day:)` (Howard Hinnant's civil_from_days).
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        self.day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        self.month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.year = yearOfEra + era * 400 + (self.month <= 2 ? 1 : 0)
        self.dayNumber = dayNumber
    }

    /// The UTC calendar day of an instant, for facts that carry no business day of their own.
    public init(utcDayOf instant: Date) {
        self.init(dayNumber: Int((instant.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The day `days` later (or earlier when negative). The result may lie outside the years accepted from input.
    public func adding(days: Int) -> BusinessDate {
        BusinessDate(dayNumber: dayNumber + days)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: BusinessDate) -> Int {
        other.dayNumber - dayNumber
    }

    public var description: String {
        BusinessDate.format(year: year, month: month, day: day)
    }

    public static func < (lhs: BusinessDate, rhs: BusinessDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    public static func == (lhs: BusinessDate, rhs: BusinessDate) -> Bool {
        lhs.dayNumber == rhs.dayNumber
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dayNumber)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func format(year: Int, month: Int, day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
