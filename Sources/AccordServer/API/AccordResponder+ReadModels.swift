import AccordAPI
import AccordDomain
import AccordEngine
import Foundation
import NIOHTTP1

extension AccordResponder {
    /// The read models, each answered from the durable state; `on` is a business date (YYYY-MM-DD).
    func readModel(resource: String, id: String?, parameters: QueryParameters, request: HTTPRequest) throws
        -> HTTPResponse
    {
        switch (resource, id) {
        case ("institutions", nil):
            return try AccordResponder.json(engine.read { $0.institutions() })
        case ("institutions", let id?):
            let found = engine.read { $0.institution(id: id) }
            return try AccordResponder.json(try AccordResponder.found(found, kind: "institution", id: id))
        case ("sites", nil):
            let institution = parameters["institution"]
            return try AccordResponder.json(engine.read { $0.sites(institution: institution) })
        case ("sites", let id?):
            return try AccordResponder.json(
                try AccordResponder.found(engine.read { $0.site(id: id) }, kind: "site", id: id)
            )
        case ("agreements", nil):
            let on = try parameters.date("on")
            let status = try parameters.choice("status", as: AgreementStatus.self)
            let (party, domain) = (parameters["party"], parameters["domain"])
            return try AccordResponder.json(
                engine.read { $0.agreements(on: on, party: party, domain: domain, status: status) }
            )
        case ("agreements", let id?):
            let on = try parameters.date("on")
            return try AccordResponder.json(
                try AccordResponder.found(engine.read { $0.agreement(id: id, on: on) }, kind: "agreement", id: id)
            )
        case ("people", nil):
            let people = engine.read { $0.people() }
            return try AccordResponder.json(
                people.map {
                    let (data, status) = personalData($0.personalDataReference)
                    return PersonListing(person: $0, personalData: data, personalDataStatus: status)
                }
            )
        case ("people", let id?):
            let history = try AccordResponder.found(engine.read { $0.personHistory(id: id) }, kind: "person", id: id)
            let (data, status) = personalData(history.person.personalDataReference)
            return try AccordResponder.json(
                PersonHistoryResponse(history: history, personalData: data, personalDataStatus: status)
            )
        case ("secondments", nil):
            let filter = SecondmentFilter(
                on: try parameters.date("on"),
                site: parameters["site"],
                agreement: parameters["agreement"],
                person: parameters["person"],
                institution: parameters["institution"],
                mode: try parameters.choice("mode", as: SecondmentMode.self),
                domain: parameters["domain"],
                status: try parameters.choice("status", as: SecondmentStatus.self)
            )
            return try AccordResponder.json(engine.read { $0.secondments(filter: filter) })
        case ("secondments", let id?):
            let on = try parameters.date("on")
            return try AccordResponder.json(
                try AccordResponder.found(engine.read { $0.secondment(id: id, on: on) }, kind: "secondment", id: id)
            )
        case ("access-grants", nil):
            let filter = AccessGrantFilter(
                on: try parameters.date("on"),
                site: parameters["site"],
                facility: parameters["facility"],
                agreement: parameters["agreement"],
                grantee: parameters["grantee"],
                expiringWithinDays: try parameters.integer("expiringWithinDays", in: 0...3_650)
            )
            return try AccordResponder.json(engine.read { $0.accessGrants(filter: filter) })
        case ("access-grants", let id?):
            let on = try parameters.date("on")
            return try AccordResponder.json(
                try AccordResponder.found(engine.read { $0.accessGrant(id: id, on: on) }, kind: "access grant", id: id)
            )
        case ("meetings", nil):
            let agreement = parameters["agreement"]
            return try AccordResponder.json(engine.read { $0.meetings(agreement: agreement) })
        case ("projects", nil):
            let agreement = parameters["agreement"]
            return try AccordResponder.json(engine.read { $0.projects(agreement: agreement) })
        case ("expertise", nil):
            let agreement = parameters["agreement"]
            return try AccordResponder.json(engine.read { $0.expertise(agreement: agreement) })
        case ("figures", nil):
            let year = try parameters.integer("year", in: 1_900...2_199)
            return try AccordResponder.json(engine.read { $0.figures(year: year) })
        default:
            throw unknownRoute(request)
        }
    }

    private func personalData(_ reference: String?) -> (PersonalDataView?, PersonalDataStatus) {
        guard let reference else { return (nil, .none) }
        switch engine.personalData(reference: reference) {
        case .present(let data):
            return (PersonalDataView(name: data.name, email: data.email), .present)
        case .erased:
            return (nil, .erased)
        case .damaged(let reason):
            logger.error("personal data damaged", metadata: ["reference": "\(reference)", "reason": "\(reason)"])
            return (nil, .damaged)
        }
    }

    /// The CLI command that lists each kind, named in "not known" answers.
    static let listCommands = [
        "institution": "accord institution list", "site": "accord site list", "agreement": "accord agreement list",
        "person": "accord person list", "secondment": "accord secondment list", "access grant": "accord access list",
    ]

    static func found<Value>(_ value: Value?, kind: String, id: String) throws -> Value {
        guard let value else {
            let lister = listCommands[kind].map { "; `\($0)` shows the known ones" } ?? ""
            throw APIFailure(
                status: .notFound,
                code: "unknown_\(kind.replacingOccurrences(of: " ", with: "_"))",
                message: "\(kind) \"\(id)\" is not known; check the id\(lister)",
                field: "id",
                id: id
            )
        }
        return value
    }
}
