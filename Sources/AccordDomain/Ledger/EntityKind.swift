/// The kinds of entity ids; ids are unique within a kind. Used to word rejections consistently.
enum EntityKind: String, Sendable {
    case institution
    case site
    case agreement
    case person
    case secondment
    case grant
    case meeting
    case project
    case expertise

    var noun: String {
        switch self {
        case .grant: "access grant"
        default: rawValue
        }
    }

    /// The CLI command that lists the entities of this kind, for "check the id" hints. Meetings, projects and
    /// expertise are listed with their agreement.
    var listingCommand: String {
        switch self {
        case .institution: "accord institution list"
        case .site: "accord site list"
        case .agreement: "accord agreement list"
        case .person: "accord person list"
        case .secondment: "accord secondment list"
        case .grant: "accord access list"
        case .meeting, .project, .expertise: "accord agreement show AGREEMENT"
        }
    }

    /// The CLI command that creates an entity of this kind, for "sign it first with …" hints.
    var creatingCommand: String {
        switch self {
        case .institution: "accord institution register"
        case .site: "accord site register"
        case .agreement: "accord agreement sign"
        case .person: "accord person register"
        case .secondment: "accord secondment start"
        case .grant: "accord access grant"
        case .meeting: "accord meeting record"
        case .project: "accord project join"
        case .expertise: "accord expertise record"
        }
    }
}
