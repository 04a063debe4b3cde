import AccordAPI
import AccordDomain

/// The words people read for each enumerated value, in one place so every table and show says the same thing.
/// Input keeps the API's values (`--status inForce`); only output is translated.
protocol HumanWords {
    var words: String { get }
}

extension AgreementKind: HumanWords {
    var words: String {
        switch self {
        case .mou: "memorandum of understanding"
        case .framework: "framework agreement"
        case .implementingArrangement: "implementing arrangement"
        }
    }
}

extension AgreementStatus: HumanWords {
    var words: String {
        switch self {
        case .notYetInForce: "not yet in force"
        case .inForce: "in force"
        case .expired: "expired"
        case .terminated: "terminated"
        }
    }
}

extension AccessGrantStatus: HumanWords {
    var words: String {
        switch self {
        case .notYetValid: "not yet valid"
        case .valid: "valid"
        case .expired: "expired"
        case .revoked: "revoked"
        case .granted: "granted"
        }
    }
}

extension Axis: HumanWords {
    var words: String { rawValue }
}

extension GranteeKind: HumanWords {
    var words: String { rawValue }
}

extension InstitutionKind: HumanWords {
    var words: String {
        switch self {
        case .researchOrganisation: "research organisation"
        case .university: "university"
        case .commissionService: "Commission service"
        case .governmentAgency: "government agency"
        case .internationalOrganisation: "international organisation"
        case .company: "company"
        case .other: "other"
        }
    }
}

extension ProjectKind: HumanWords {
    var words: String {
        switch self {
        case .europeanProject: "European project"
        case .modellingWork: "modelling work"
        case .expertise: "expertise"
        }
    }
}

extension SecondmentMode: HumanWords {
    var words: String {
        switch self {
        case .expertiseMission: "expertise mission"
        case .detachment: "detachment"
        case .specialistPost: "specialist post"
        }
    }
}

extension SecondmentStatus: HumanWords {
    var words: String {
        switch self {
        case .planned: "planned"
        case .active: "active"
        case .overdue: "overdue"
        case .ended: "ended"
        case .open: "open"
        }
    }
}
