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
