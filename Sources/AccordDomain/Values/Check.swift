/// Field checks shared by every event: formats and limits. Rules that need the ledger's state live with each decider.
enum Check {
    /// Ids are given by people and appear in URLs and stream names:
    /// 1–64 of [a-z0-9._-], starting with a letter or digit.
    static func identifier(_ value: String, field: String) throws(Rejection) {
        try noBidirectionalControls(value, field: field)
        guard value.count <= InputLimits.maximumIdentifierLength else {
            throw Rejection.tooLong(field: field, limit: InputLimits.maximumIdentifierLength, unit: "characters")
        }
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                || scalar == "-"
        }
        let startsWell = value.unicodeScalars.first.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard allowed, startsWell == true else {
            throw Rejection.invalidIdentifier(value, field: field)
        }
    }

    static func identifiers(_ values: [String], field: String) throws(Rejection) {
        try list(values, field: field)
        for value in values {
            try identifier(value, field: field)
        }
        try distinct(values, field: field)
    }

    /// Free text (names, titles, reasons, summaries): at most 2000 characters, something visible (spaces and
    /// invisible characters such as U+200B or U+FEFF alone count as blank), no bidirectional overrides, and no
    /// control characters other than line breaks and tabs, which would corrupt tables and logs.
    static func text(_ value: String, field: String) throws(Rejection) {
        guard value.count <= InputLimits.maximumTextLength else {
            throw Rejection.tooLong(field: field, limit: InputLimits.maximumTextLength, unit: "characters")
        }
        try noBidirectionalControls(value, field: field)
        let visible = value.unicodeScalars.contains { scalar in
            let properties = scalar.properties
            return !properties.isWhitespace && !properties.isDefaultIgnorableCodePoint
                && properties.generalCategory != .format
        }
        guard visible else {
            throw Rejection.emptyField(field)
        }
        let clean = value.unicodeScalars.allSatisfy { scalar in
            scalar == "\n" || scalar == "\t" || !(scalar.properties.generalCategory == .control)
        }
        guard clean else {
            throw Rejection.controlCharacters(field: field)
        }
    }

    static func texts(_ values: [String], field: String) throws(Rejection) {
        try list(values, field: field)
        for value in values {
            try text(value, field: field)
        }
    }

    static func list(_ values: [String], field: String) throws(Rejection) {
        guard values.count <= InputLimits.maximumListCount else {
            throw Rejection.tooManyItems(field: field, limit: InputLimits.maximumListCount)
        }
    }

    static func nonEmpty(_ values: [String], field: String) throws(Rejection) {
        guard !values.isEmpty else {
            throw Rejection.emptyField(field)
        }
    }

    static func distinct(_ values: [String], field: String) throws(Rejection) {
        var seen = Set<String>()
        for value in values where !seen.insert(value).inserted {
            throw Rejection.duplicateItem(value, field: field)
        }
    }

    /// ISO 3166-1 alpha-2 codes, plus "EU" for bodies of the European Union.
    static func country(_ value: String, field: String) throws(Rejection) {
        try noBidirectionalControls(value, field: field)
        guard CountryCodes.accepted.contains(value) else {
            throw Rejection.invalidCountry(value, field: field)
        }
    }

    /// Overrides and isolates (U+202A–U+202E, U+2066–U+2069) make text display in another order than it is
    /// stored, so an id or a reason could read differently in a terminal than in the log.
    static func noBidirectionalControls(_ value: String, field: String) throws(Rejection) {
        let found = value.unicodeScalars.contains { scalar in
            (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        if found {
            throw Rejection.bidirectionalControls(field: field)
        }
    }

    static func order(start: BusinessDate, end: BusinessDate, startField: String, endField: String) throws(Rejection) {
        guard start <= end else {
            throw Rejection.endBeforeStart(start: start, end: end, startField: startField, endField: endField)
        }
    }
}
