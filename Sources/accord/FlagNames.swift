import AccordClient
import RegexBuilder

/// What the user typed for each API field a command sends (`startedOn` is `--start`), so a refusal produced for
/// the CLI speaks of the flag. Each write command declares its own, next to its options; the API, and `field` in
/// `--json` errors, keep the field names.
struct FlagNames: ExpressibleByDictionaryLiteral {
    private let flagByField: [String: String]

    init(dictionaryLiteral elements: (String, String)...) {
        flagByField = Dictionary(uniqueKeysWithValues: elements)
    }

    /// The error with each field name in its message (as a whole word) replaced by the flag.
    func rewrite(_ error: ClientError) -> ClientError {
        var rewritten = error
        for (field, flag) in flagByField {
            rewritten.message = rewritten.message.replacing(
                Regex {
                    Anchor.wordBoundary; field; Anchor.wordBoundary
                },
                with: flag
            )
        }
        return rewritten
    }
}
