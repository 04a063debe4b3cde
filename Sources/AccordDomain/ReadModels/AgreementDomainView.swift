/// A domain open under an agreement, and from when.
public struct AgreementDomainView: Codable, Sendable, Equatable {
    public var domain: String
    /// The signing day for the signing domains, else the day it was added.
    public var openedOn: BusinessDate
}
