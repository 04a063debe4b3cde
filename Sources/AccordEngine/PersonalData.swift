import AccordDomain
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

    /// The domain's rules for personal data (`PersonalDataCheck`); the name is kept without surrounding spaces.
    func validated() throws(EngineError) -> PersonalData {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        do {
            try PersonalDataCheck.check(name: trimmed, email: email)
        } catch {
            throw EngineError(
                kind: .invalidRequest(field: error.field ?? "name"),
                code: error.code,
                message: error.message
            )
        }
        return PersonalData(name: trimmed, email: email)
    }
}
