/// A person's name and e-mail address are kept apart from the log so that they can be erased, but they are text
/// like any other: the same rules as every text field (no control or bidirectional characters, something
/// visible), on one line, and an address with the syntax of RFC 5321 (internationalised letters allowed).
public enum PersonalDataCheck {
    public static let maximumNameLength = 200
    public static let maximumEmailLength = 254
    static let maximumLocalPartLength = 64
    static let maximumLabelLength = 63

    public static func check(name: String, email: String?) throws(Rejection) {
        try Check.text(name, field: "name")
        guard name.count <= maximumNameLength else {
            throw Rejection.tooLong(field: "name", limit: maximumNameLength, unit: "characters")
        }
        guard !name.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" }) else {
            throw Rejection.controlCharacters(field: "name")
        }
        if let email { try address(email) }
    }

    static func address(_ email: String) throws(Rejection) {
        try Check.text(email, field: "email")
        guard email.count <= maximumEmailLength else {
            throw Rejection.tooLong(field: "email", limit: maximumEmailLength, unit: "characters")
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw Rejection.invalidEmail(email, reason: "it needs exactly one @") }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty, local.count <= maximumLocalPartLength else {
            throw Rejection.invalidEmail(
                email,
                reason: "the part before @ must have 1 to \(maximumLocalPartLength) characters"
            )
        }
        guard local.unicodeScalars.allSatisfy(isLocalPartScalar), !local.hasPrefix("."), !local.hasSuffix("."),
            !local.contains("..")
        else {
            throw Rejection.invalidEmail(
                email,
                reason:
                    "the part before @ may hold letters, digits and !#$%&'*+/=?^_`{|}~.- (no leading, trailing or double dot)"
            )
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ label in
                !label.isEmpty && label.count <= maximumLabelLength && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy { isLetterOrDigit($0) || $0 == "-" }
            })
        else {
            throw Rejection.invalidEmail(
                email,
                reason: "the part after @ must be a domain name such as example.org (labels of letters, digits and -)"
            )
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || "!#$%&'*+/=?^_`{|}~.-".unicodeScalars.contains(scalar)
    }
}
