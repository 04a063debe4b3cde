/// A person's name and contact details as stored apart from the log; absent once erased.
public struct PersonalDataView: Codable, Sendable, Equatable {
    public var name: String
    public var email: String?

    public init(name: String, email: String?) {
        self.name = name
        self.email = email
    }
}
