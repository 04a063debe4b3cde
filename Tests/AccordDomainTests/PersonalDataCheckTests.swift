import XCTest

@testable import AccordDomain

/// Personal data is checked like every other text, and an e-mail address for its syntax; each refusal names the field.
final class PersonalDataCheckTests: XCTestCase {
    private func refusal(name: String, email: String? = nil) -> Rejection? {
        do {
            try PersonalDataCheck.check(name: name, email: email)
            return nil
        } catch {
            return error
        }
    }

    func testNamesFollowTheTextRulesOnOneLine() {
        for (name, code) in [
            ("A\u{0}", "invalid_text"), ("A\u{7}", "invalid_text"), ("A\u{1B}[2J", "invalid_text"),
            ("A\nB", "invalid_text"), ("A\tB", "invalid_text"), ("A \u{202E}B", "bidirectional_control"),
            ("\u{200B}", "empty_field"), (String(repeating: "a", count: 201), "field_too_long"),
        ] {
            XCTAssertEqual(refusal(name: name)?.code, code, name.debugDescription)
            XCTAssertEqual(refusal(name: name)?.field, "name", name.debugDescription)
        }
        XCTAssertNil(refusal(name: "Camille Martin-Ørsted"))
    }

    func testAddressesNeedTheSyntaxOfAnAddress() {
        for email in [
            "a", "a@b", "@example.org", "a@", "a@@example.org", "a b@example.org", ".a@example.org", "a.@example.org",
            "a..b@example.org", "a@-example.org", "a@example..org", "a(b)@example.org",
            String(repeating: "a", count: 65) + "@example.org",
        ] {
            XCTAssertEqual(refusal(name: "A", email: email)?.code, "invalid_email", email)
            XCTAssertEqual(refusal(name: "A", email: email)?.field, "email", email)
        }
        XCTAssertEqual(refusal(name: "A", email: "a\u{1B}@example.org")?.code, "invalid_text")
        for email in ["camille.martin@cnrs.fr", "x+lab@ec.europa.eu", "zoë@exämple.org", "o'neil@example.org"] {
            XCTAssertNil(refusal(name: "A", email: email), email)
        }
    }
}
