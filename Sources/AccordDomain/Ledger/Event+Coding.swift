/// The API form of an event: `{"type": "AgreementSigned", "payload": {...}}`.
extension Event: Codable {
    enum CodingKeys: String, CodingKey {
        case type
        case payload
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let typeName = try container.decode(String.self, forKey: .type)
        do {
            self = try Event.decode(typeName: typeName, using: NestedPayloadSource(container: container, key: .payload))
        } catch let error as EventDecodingError {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        try container.encode(payload, forKey: .payload)
    }

    static func decode(typeName: String, using source: some PayloadSource) throws -> Event {
        switch typeName {
        case InstitutionRegistered.typeName: .institutionRegistered(try source.decode(InstitutionRegistered.self))
        case SiteRegistered.typeName: .siteRegistered(try source.decode(SiteRegistered.self))
        case AgreementSigned.typeName: .agreementSigned(try source.decode(AgreementSigned.self))
        case AgreementExtended.typeName: .agreementExtended(try source.decode(AgreementExtended.self))
        case AgreementDomainAdded.typeName: .agreementDomainAdded(try source.decode(AgreementDomainAdded.self))
        case AgreementTerminated.typeName: .agreementTerminated(try source.decode(AgreementTerminated.self))
        case PersonRegistered.typeName: .personRegistered(try source.decode(PersonRegistered.self))
        case SecondmentStarted.typeName: .secondmentStarted(try source.decode(SecondmentStarted.self))
        case SecondmentExtended.typeName: .secondmentExtended(try source.decode(SecondmentExtended.self))
        case SecondmentEnded.typeName: .secondmentEnded(try source.decode(SecondmentEnded.self))
        case InfrastructureAccessGranted.typeName:
            .infrastructureAccessGranted(try source.decode(InfrastructureAccessGranted.self))
        case InfrastructureAccessRevoked.typeName:
            .infrastructureAccessRevoked(try source.decode(InfrastructureAccessRevoked.self))
        case MeetingHeld.typeName: .meetingHeld(try source.decode(MeetingHeld.self))
        case ProjectJoined.typeName: .projectJoined(try source.decode(ProjectJoined.self))
        case ProjectEnded.typeName: .projectEnded(try source.decode(ProjectEnded.self))
        case ExpertiseDelivered.typeName: .expertiseDelivered(try source.decode(ExpertiseDelivered.self))
        case PersonalDataErased.typeName: .personalDataErased(try source.decode(PersonalDataErased.self))
        case EventCorrected.typeName: .eventCorrected(try source.decode(EventCorrected.self))
        case EventRetracted.typeName: .eventRetracted(try source.decode(EventRetracted.self))
        default: throw EventDecodingError(unknownTypeName: typeName)
        }
    }
}
