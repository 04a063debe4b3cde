/// Secondments started in a year from one institution to another.
public struct MobilityFlow: Codable, Sendable, Equatable {
    public var year: Int
    public var homeInstitution: String
    public var hostInstitution: String
    public var secondmentsStarted: Int
}
