import Foundation

/// Everything a client can ask the ledger to record. Each case carries the request body of the same name.
public enum Command: Sendable, Equatable {
    case registerInstitution(RegisterInstitution)
    case registerSite(RegisterSite)
    case signAgreement(SignAgreement)
    case extendAgreement(ExtendAgreement)
    case addAgreementDomain(AddAgreementDomain)
    case terminateAgreement(TerminateAgreement)
    case registerPerson(RegisterPerson)
    case startSecondment(StartSecondment)
    case extendSecondment(ExtendSecondment)
    case endSecondment(EndSecondment)
    case grantAccess(GrantAccess)
    case revokeAccess(RevokeAccess)
    case recordMeeting(RecordMeeting)
    case joinProject(JoinProject)
    case endProject(EndProject)
    case recordExpertise(RecordExpertise)
    case correctEvent(CorrectEvent)
    case retractEvent(RetractEvent)
    case erasePersonalData(ErasePersonalData)

    /// Every command name, in declaration order.
    public static let commandNames: [String] = [
        RegisterInstitution.commandName, RegisterSite.commandName, SignAgreement.commandName,
        ExtendAgreement.commandName, AddAgreementDomain.commandName, TerminateAgreement.commandName,
        RegisterPerson.commandName, StartSecondment.commandName, ExtendSecondment.commandName,
        EndSecondment.commandName, GrantAccess.commandName, RevokeAccess.commandName, RecordMeeting.commandName,
        JoinProject.commandName, EndProject.commandName, RecordExpertise.commandName, CorrectEvent.commandName,
        RetractEvent.commandName, ErasePersonalData.commandName,
    ]

    var payload: any CommandPayload {
        switch self {
        case .registerInstitution(let payload): payload
        case .registerSite(let payload): payload
        case .signAgreement(let payload): payload
        case .extendAgreement(let payload): payload
        case .addAgreementDomain(let payload): payload
        case .terminateAgreement(let payload): payload
        case .registerPerson(let payload): payload
        case .startSecondment(let payload): payload
        case .extendSecondment(let payload): payload
        case .endSecondment(let payload): payload
        case .grantAccess(let payload): payload
        case .revokeAccess(let payload): payload
        case .recordMeeting(let payload): payload
        case .joinProject(let payload): payload
        case .endProject(let payload): payload
        case .recordExpertise(let payload): payload
        case .correctEvent(let payload): payload
        case .retractEvent(let payload): payload
        case .erasePersonalData(let payload): payload
        }
    }

    /// A correction or retraction, whose decision replays the effective history (`LedgerState.historyCheck(for:)`).
    public var amendsHistory: Bool {
        switch self {
        case .correctEvent, .retractEvent: true
        default: false
        }
    }

    /// The name used by the API and the CLI (`"agreement.sign"`).
    public var commandName: String {
        type(of: payload).commandName
    }

    /// The request body as JSON with sorted keys.
    public func encodedBody() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(payload)
    }

    /// Decodes a request body for the named command. Throws `CommandDecodingError` for an unknown name and
    /// `DecodingError` (whose coding path names the field) for a body that does not fit.
    public static func decode(commandName: String, body: Data) throws -> Command {
        try decode(commandName: commandName, using: JSONPayloadSource(data: body))
    }

    /// Decodes a request body the caller parsed already (the server decodes from its own parse of the body).
    public static func decode(commandName: String, from decoder: any Decoder) throws -> Command {
        try decode(commandName: commandName, using: DecoderPayloadSource(decoder: decoder))
    }

    private static func decode(commandName: String, using source: some PayloadSource) throws -> Command {
        switch commandName {
        case RegisterInstitution.commandName: return .registerInstitution(try source.decode(RegisterInstitution.self))
        case RegisterSite.commandName: return .registerSite(try source.decode(RegisterSite.self))
        case SignAgreement.commandName: return .signAgreement(try source.decode(SignAgreement.self))
        case ExtendAgreement.commandName: return .extendAgreement(try source.decode(ExtendAgreement.self))
        case AddAgreementDomain.commandName: return .addAgreementDomain(try source.decode(AddAgreementDomain.self))
        case TerminateAgreement.commandName: return .terminateAgreement(try source.decode(TerminateAgreement.self))
        case RegisterPerson.commandName: return .registerPerson(try source.decode(RegisterPerson.self))
        case StartSecondment.commandName: return .startSecondment(try source.decode(StartSecondment.self))
        case ExtendSecondment.commandName: return .extendSecondment(try source.decode(ExtendSecondment.self))
        case EndSecondment.commandName: return .endSecondment(try source.decode(EndSecondment.self))
        case GrantAccess.commandName: return .grantAccess(try source.decode(GrantAccess.self))
        case RevokeAccess.commandName: return .revokeAccess(try source.decode(RevokeAccess.self))
        case RecordMeeting.commandName: return .recordMeeting(try source.decode(RecordMeeting.self))
        case JoinProject.commandName: return .joinProject(try source.decode(JoinProject.self))
        case EndProject.commandName: return .endProject(try source.decode(EndProject.self))
        case RecordExpertise.commandName: return .recordExpertise(try source.decode(RecordExpertise.self))
        case CorrectEvent.commandName: return .correctEvent(try source.decode(CorrectEvent.self))
        case RetractEvent.commandName: return .retractEvent(try source.decode(RetractEvent.self))
        case ErasePersonalData.commandName: return .erasePersonalData(try source.decode(ErasePersonalData.self))
        default: throw CommandDecodingError(unknownCommandName: commandName)
        }
    }
}
