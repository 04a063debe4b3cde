import AccordAPI
import AccordDomain
import AccordEngine
import Foundation
import NIOHTTP1

extension AccordResponder {
    /// The read models, each answered from the durable state, or from the state as it stood at `asOfPosition` or
    /// `asOfRecorded` (what the ledger knew then); `on` is a business date (YYYY-MM-DD), what was in force that day.
    /// The answer's `Accord-Position` header says which position it reflects.
    func readModel(resource: String, id: String?, parameters: QueryParameters, request: HTTPRequest) throws
        -> HTTPResponse
    {
        let past = try pastState(parameters)
        var response = try readModel(
            resource: resource,
            id: id,
            parameters: parameters,
            state: past.state,
            request: request
        )
        response.headers.add(name: HeaderNames.position, value: String(past.position))
        if let recordedAt = past.recordedAt {
            response.headers.add(name: HeaderNames.positionRecorded, value: RecordedTime.format(recordedAt))
        }
        return response
    }

    private func pastState(_ parameters: QueryParameters) throws -> PastState {
        let position = try parameters.unsigned(AccordResponder.asOfNames.position)
        let recorded = try parameters.recordedTime(AccordResponder.asOfNames.recordedAt)
        let asOf: AsOf?
        switch (position, recorded) {
        case (let position?, nil): asOf = .position(position)
        case (nil, let recorded?): asOf = .recordedAt(recorded)
        case (nil, nil): asOf = nil
        case (.some, .some):
            throw APIFailure(
                status: .badRequest,
                code: "as_of_twice",
                message: "give asOfPosition or asOfRecorded, not both: each names one past state of the ledger",
                field: AccordResponder.asOfNames.recordedAt
            )
        }
        do {
            return try engine.read(asOf: asOf, parameters: AccordResponder.asOfNames)
        } catch {
            throw APIFailure(error)
        }
    }

    static let asOfNames = AsOfParameterNames(position: "asOfPosition", recordedAt: "asOfRecorded")

    private func readModel(
        resource: String,
        id: String?,
        parameters: QueryParameters,
        state: LedgerState,
        request: HTTPRequest
    ) throws -> HTTPResponse {
        switch (resource, id) {
        case ("institutions", nil):
            return try AccordResponder.json(state.institutions())
        case ("institutions", let id?):
            let found = state.institution(id: id)
            return try AccordResponder.json(try AccordResponder.found(found, kind: "institution", id: id))
        case ("sites", nil):
            let institution = parameters["institution"]
            return try AccordResponder.json(state.sites(institution: institution))
        case ("sites", let id?):
            return try AccordResponder.json(
                try AccordResponder.found(state.site(id: id), kind: "site", id: id)
            )
        case ("agreements", nil):
            let on = try parameters.date("on")
            let status = try parameters.choice("status", as: AgreementStatus.self)
            let (party, domain) = (parameters["party"], parameters["domain"])
            return try AccordResponder.json(
                state.agreements(on: on, party: party, domain: domain, status: status)
            )
        case ("agreements", let id?):
            let on = try parameters.date("on")
            return try AccordResponder.json(
                try AccordResponder.found(state.agreement(id: id, on: on), kind: "agreement", id: id)
            )
        case ("people", nil):
            let people = state.people()
            return try AccordResponder.json(
                people.map {
                    let (data, status) = personalData($0.personalDataReference)
                    return PersonListing(person: $0, personalData: data, personalDataStatus: status)
                }
            )
        case ("people", let id?):
            let history = try AccordResponder.found(state.personHistory(id: id), kind: "person", id: id)
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
                status: try parameters.choice("status", as: SecondmentStatus.self),
                statusOn: try parameters.date("statusOn")
            )
            return try AccordResponder.json(state.secondments(filter: filter))
        case ("secondments", let id?):
            let on = try parameters.date("on")
            return try AccordResponder.json(
                try AccordResponder.found(state.secondment(id: id, on: on), kind: "secondment", id: id)
            )
        case ("access-grants", nil):
            let filter = AccessGrantFilter(
                on: try parameters.date("on"),
                site: parameters["site"],
                facility: parameters["facility"],
                agreement: parameters["agreement"],
                grantee: parameters["grantee"],
                expiringWithinDays: try parameters.integer("expiringWithinDays", in: 0...3_650),
                statusOn: try parameters.date("statusOn")
            )
            return try AccordResponder.json(state.accessGrants(filter: filter))
        case ("access-grants", let id?):
            let on = try parameters.date("on")
            return try AccordResponder.json(
                try AccordResponder.found(state.accessGrant(id: id, on: on), kind: "access grant", id: id)
            )
        case ("meetings", nil):
            let agreement = parameters["agreement"]
            return try AccordResponder.json(state.meetings(agreement: agreement))
        case ("projects", nil):
            let agreement = parameters["agreement"]
            return try AccordResponder.json(state.projects(agreement: agreement))
        case ("expertise", nil):
            let agreement = parameters["agreement"]
            return try AccordResponder.json(state.expertise(agreement: agreement))
        case ("figures", nil):
            let year = try parameters.integer("year", in: 1_900...2_199)
            return try AccordResponder.json(state.figures(year: year))
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
