import Foundation

/// A person's name and contact details. Kept out of the hash-chained log so that erasing them leaves every hash
/// verifiable; the log holds only a salted SHA-256 commitment to them (see PersonalDataStore).
public struct PersonalData: Codable, Sendable, Equatable {
    public var name: String
    public var email: String?

    public init(name: String, email: String? = nil) {
        self.name = name
        self.email = email
    }

    static let maximumNameLength = 200
    static let maximumEmailLength = 254

    func validated() throws(EngineError) -> PersonalData {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= PersonalData.maximumNameLength else {
            throw EngineError(
                kind: .invalidRequest(field: "name"),
                code: "invalid_name",
                message: "name must have 1 to \(PersonalData.maximumNameLength) characters"
            )
        }
        if let email {
            guard email.count <= PersonalData.maximumEmailLength, email.contains("@"),
                !email.contains(where: \.isWhitespace)
            else {
                throw EngineError(
                    kind: .invalidRequest(field: "email"),
                    code: "invalid_email",
                    message:
                        "email \"\(email.prefix(64))\" is not an address of at most \(PersonalData.maximumEmailLength) characters with an @"
                )
            }
        }
        return PersonalData(name: trimmed, email: email)
    }
}
