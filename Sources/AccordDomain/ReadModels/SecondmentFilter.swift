/// Which secondments to list; every field left out matches all.
public struct SecondmentFilter: Codable, Sendable, Equatable {
    /// Only secondments that cover this day (start ≤ day ≤ actual end, or planned end while not ended): who is,
    /// was or will be seconded that day.
    public var on: BusinessDate?
    /// Host site.
    public var site: String?
    public var agreement: String?
    public var person: String?
    /// Home or host institution.
    public var institution: String?
    public var mode: SecondmentMode?
    public var domain: String?
    public var status: SecondmentStatus?

    public init(
        on: BusinessDate? = nil,
        site: String? = nil,
        agreement: String? = nil,
        person: String? = nil,
        institution: String? = nil,
        mode: SecondmentMode? = nil,
        domain: String? = nil,
        status: SecondmentStatus? = nil
    ) {
        self.on = on
        self.site = site
        self.agreement = agreement
        self.person = person
        self.institution = institution
        self.mode = mode
        self.domain = domain
        self.status = status
    }

    func matches(_ record: SecondmentRecord) -> Bool {
        let started = record.started
        return (on.map { record.covers($0) } ?? true)
            && (site.map { $0 == started.hostSite } ?? true)
            && (agreement.map { $0 == started.agreement } ?? true)
            && (person.map { $0 == started.person } ?? true)
            && (institution.map { $0 == started.homeInstitution || $0 == started.hostInstitution } ?? true)
            && (mode.map { $0 == started.mode } ?? true)
            && (domain.map { $0 == started.domain } ?? true)
            && (status.map { $0 == (record.ending == nil ? .open : .ended) } ?? true)
    }
}
