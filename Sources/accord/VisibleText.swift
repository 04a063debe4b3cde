/// Text from the ledger made safe to print on a terminal: control characters (which could move the cursor, change
/// colours or break a table's line) and bidirectional overrides (which could reorder what is shown) are written as
/// visible escapes, `\n`, `\t`, `\u{1B}`, so what the terminal shows is what the ledger holds. The daemon refuses
/// them in new input; this guards what older or hostile data may hold. The one place the CLI escapes output.
enum VisibleText {
    /// - Parameter keepingLineBreaks: true for a message of the CLI's own, whose line breaks and tabs are layout.
    static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        if keepingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
