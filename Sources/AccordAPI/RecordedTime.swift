import AccordDomain
import Foundation

/// Recorded times in the API: ISO 8601 in UTC with the microseconds the log keeps ("2026-01-06T09:30:00.123456Z").
/// Reading also accepts times without a fraction.
public enum RecordedTime {
    public static func format(_ date: Date) -> String {
        // Nearest, not down: a time the log stored in microseconds comes back as a double a hair below it.
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
        let fraction = microseconds - seconds * 1_000_000
        // Every answer carries recorded times, so the common years are written by arithmetic, not a formatter.
        guard (0..<lastCommonSecond).contains(seconds) else {
            let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(.iso8601)
            return String(whole.dropLast()) + "." + String(format: "%06d", fraction) + "Z"
        }
        let day = BusinessDate(utcDayOf: Date(timeIntervalSince1970: Double(seconds)))
        let second = seconds % 86_400
        var text: [UInt8] = []
        text.reserveCapacity(27)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(Int64(day.year), 4)
        text.append(UInt8(ascii: "-"))
        digits(Int64(day.month), 2)
        text.append(UInt8(ascii: "-"))
        digits(Int64(day.day), 2)
        text.append(UInt8(ascii: "T"))
        digits(second / 3_600, 2)
        text.append(UInt8(ascii: ":"))
        digits(second / 60 % 60, 2)
        text.append(UInt8(ascii: ":"))
        digits(second % 60, 2)
        text.append(UInt8(ascii: "."))
        digits(fraction, 6)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// 10000-01-01T00:00:00Z: the first second whose year needs five digits.
    static let lastCommonSecond: Int64 = 253_402_300_800

    public static func parse(_ text: String) -> Date? {
        guard text.hasSuffix("Z") else { return try? Date.ISO8601FormatStyle().parse(text) }
        let body = text.dropLast()
        guard let dot = body.lastIndex(of: ".") else { return try? Date.ISO8601FormatStyle().parse(text) }
        let digits = body[body.index(after: dot)...]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), let fraction = Int(digits),
            let whole = try? Date.ISO8601FormatStyle().parse(String(body[..<dot]) + "Z")
        else { return nil }
        let scale = pow(10.0, Double(digits.count))
        return Date(timeIntervalSince1970: whole.timeIntervalSince1970 + Double(fraction) / scale)
    }
}
