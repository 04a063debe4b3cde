import Foundation

/// Recorded times in the API: ISO 8601 in UTC with the microseconds the log keeps ("2026-01-06T09:30:00.123456Z").
/// Reading also accepts times without a fraction.
public enum RecordedTime {
    public static func format(_ date: Date) -> String {
        // Nearest, not down: a time the log stored in microseconds comes back as a double a hair below it.
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(.iso8601)
        let fraction = microseconds - seconds * 1_000_000
        return String(whole.dropLast()) + "." + String(format: "%06d", fraction) + "Z"
    }

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
