/// Rejections of malformed input, found without looking at the ledger.
extension Rejection {
    static func invalidDate(_ text: String, reason: String) -> Rejection {
        Rejection(
            code: "invalid_date",
            message: "\"\(text.prefix(40))\" is not a valid date: \(reason)",
            kind: .invalid
        )
    }

    static func tooLong(field: String, limit: Int, unit: String) -> Rejection {
        Rejection(
            code: "field_too_long",
            message: "\(field) is longer than the limit of \(limit) \(unit); shorten it",
            kind: .invalid,
            field: field
        )
    }

    static func invalidIdentifier(_ value: String, field: String) -> Rejection {
        Rejection(
            code: "invalid_id",
            message:
                "\(field) \"\(value)\" is not a valid id: use 1 to \(InputLimits.maximumIdentifierLength) "
                + "characters among a-z, 0-9, '.', '_' and '-', starting with a letter or digit "
                + "(e.g. \"cnrs-jrc-mou-2026\")",
            kind: .invalid,
            field: field,
            id: value
        )
    }

    static func emptyField(_ field: String) -> Rejection {
        Rejection(
            code: "empty_field",
            message: "\(field) must not be empty; give a value",
            kind: .invalid,
            field: field
        )
    }

    static func missingField(_ field: String, reason: String) -> Rejection {
        Rejection(code: "missing_field", message: "\(field) is required: \(reason)", kind: .invalid, field: field)
    }

    static func controlCharacters(field: String) -> Rejection {
        Rejection(
            code: "invalid_text",
            message: "\(field) contains control characters; only printable text, line breaks and tabs are accepted",
            kind: .invalid,
            field: field
        )
    }

    static func bidirectionalControls(field: String) -> Rejection {
        Rejection(
            code: "bidirectional_control",
            message:
                "\(field) contains a bidirectional override or isolate character (U+202A to U+202E, U+2066 to "
                + "U+2069), which makes text display in another order than it is stored; remove it",
            kind: .invalid,
            field: field
        )
    }

    static func tooManyItems(field: String, limit: Int) -> Rejection {
        Rejection(
            code: "too_many_items",
            message: "\(field) has more than the limit of \(limit) items; split the record or shorten the list",
            kind: .invalid,
            field: field
        )
    }

    static func duplicateItem(_ value: String, field: String) -> Rejection {
        Rejection(
            code: "duplicate_item",
            message: "\(field) lists \"\(value)\" more than once; give each item once",
            kind: .invalid,
            field: field,
            id: value
        )
    }

    static func invalidCountry(_ value: String, field: String) -> Rejection {
        Rejection(
            code: "invalid_country",
            message:
                "\(field) \"\(value.prefix(40))\" is not a country code: use an assigned ISO 3166-1 alpha-2 code in "
                + "capital letters (\"FR\", \"IT\") or \"EU\" for bodies of the European Union",
            kind: .invalid,
            field: field
        )
    }

    static func endBeforeStart(start: BusinessDate, end: BusinessDate, startField: String, endField: String)
        -> Rejection
    {
        Rejection(
            code: "end_before_start",
            message: "\(endField) \(end) is before \(startField) \(start); an end must be on or after its start",
            kind: .invalid,
            field: endField
        )
    }
}

extension Rejection {
    static func invalidEmail(_ value: String, reason: String) -> Rejection {
        Rejection(
            code: "invalid_email",
            message: "email \"\(value.prefix(64))\" is not an e-mail address: \(reason)",
            kind: .invalid,
            field: "email"
        )
    }
}
