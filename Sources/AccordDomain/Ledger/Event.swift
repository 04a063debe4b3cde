import Foundation

/// Every fact the ledger can record. Each case carries the payload struct of the same name, boxed (`indirect`): the
/// history holds every event, and inline each would take the largest payload's size (about 200 bytes) whatever its
/// own, so an institution's registration 248 bytes in the history instead of about 130 with its box.
public indirect enum Event: Sendable, Equatable {
    case institutionRegistered(InstitutionRegistered)
    case siteRegistered(SiteRegistered)
    case agreementSigned(AgreementSigned)
    case agreementExtended(AgreementExtended)
    case agreementDomainAdded(AgreementDomainAdded)
    case agreementTerminated(AgreementTerminated)
    case personRegistered(PersonRegistered)
    case secondmentStarted(SecondmentStarted)
    case secondmentExtended(SecondmentExtended)
    case secondmentEnded(SecondmentEnded)
    case infrastructureAccessGranted(InfrastructureAccessGranted)
    case infrastructureAccessRevoked(InfrastructureAccessRevoked)
    case meetingHeld(MeetingHeld)
    case projectJoined(ProjectJoined)
    case projectEnded(ProjectEnded)
    case expertiseDelivered(ExpertiseDelivered)
    case personalDataErased(PersonalDataErased)
    case eventCorrected(EventCorrected)
    case eventRetracted(EventRetracted)

    /// Every type name, in declaration order.
    public static let typeNames: [String] = [
        InstitutionRegistered.typeName, SiteRegistered.typeName, AgreementSigned.typeName,
        AgreementExtended.typeName, AgreementDomainAdded.typeName, AgreementTerminated.typeName,
        PersonRegistered.typeName, SecondmentStarted.typeName, SecondmentExtended.typeName,
        SecondmentEnded.typeName, InfrastructureAccessGranted.typeName, InfrastructureAccessRevoked.typeName,
        MeetingHeld.typeName, ProjectJoined.typeName, ProjectEnded.typeName, ExpertiseDelivered.typeName,
        PersonalDataErased.typeName,
        EventCorrected.typeName, EventRetracted.typeName,
    ]

    var payload: any EventPayload {
        switch self {
        case .institutionRegistered(let payload): payload
        case .siteRegistered(let payload): payload
        case .agreementSigned(let payload): payload
        case .agreementExtended(let payload): payload
        case .agreementDomainAdded(let payload): payload
        case .agreementTerminated(let payload): payload
        case .personRegistered(let payload): payload
        case .secondmentStarted(let payload): payload
        case .secondmentExtended(let payload): payload
        case .secondmentEnded(let payload): payload
        case .infrastructureAccessGranted(let payload): payload
        case .infrastructureAccessRevoked(let payload): payload
        case .meetingHeld(let payload): payload
        case .projectJoined(let payload): payload
        case .projectEnded(let payload): payload
        case .expertiseDelivered(let payload): payload
        case .personalDataErased(let payload): payload
        case .eventCorrected(let payload): payload
        case .eventRetracted(let payload): payload
        }
    }

    /// The payload type's name as written in the log and the API (`"AgreementSigned"`).
    public var typeName: String {
        type(of: payload).typeName
    }

    /// The stream the event belongs to (`"agreement/cnrs-jrc-mou-2026"`); see `StreamName`.
    public var streamID: String {
        payload.streamID
    }

    /// The entity the event is about; equal to `streamID` except for meetings and expertise, which share their
    /// agreement's stream (`"meeting/m1"`).
    public var entityID: String {
        payload.entityID
    }

    /// For a correction or retraction, an event that changes the effective history before it: the position it
    /// amends and the facts that replace that event's (nil for a retraction); nil for any other event.
    var amendment: (position: UInt64, replacement: Event?)? {
        switch self {
        case .eventCorrected(let correction): (correction.position, correction.corrected)
        case .eventRetracted(let retraction): (retraction.position, nil)
        default: nil
        }
    }

    func checkFields() throws(Rejection) {
        try payload.checkFields()
    }

    /// The payload struct alone as JSON with sorted keys and dates as `YYYY-MM-DD`: what the log stores.
    public func encodedPayload() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(payload)
    }

    /// The inverse of `encodedPayload()`. Throws `EventDecodingError` for an unknown type name and
    /// `DecodingError` for a payload that does not match its type.
    public static func decode(typeName: String, payload: Data) throws -> Event {
        try decode(typeName: typeName, using: JSONPayloadSource(data: payload))
    }
}
