/// Which secondments to list; every field left out matches all.
public struct SecondmentFilter: Codable, Sendable, Equatable {
    /// The day statuses are judged on. Alone, it keeps the secondments under way that day: `active` (start ≤ day ≤
    /// actual end, or planned end while not ended) or `overdue` (past the planned end with no end recorded, so the
    /// person may still be there): who is seconded that day. With `status`, it keeps those with that status on that
    /// day instead (`planned`, `ended`…).
    public var on: BusinessDate?
    /// The day statuses are judged on when `on` is not given, without keeping only those under way that day: the
    /// whole list, each with its status on that day (as `accord secondment list` shows it on today).
    public var statusOn: BusinessDate?
    /// Host site.
    public var site: String?
    public var agreement: String?
    public var person: String?
    /// Home or host institution.
    public var institution: String?
    public var mode: SecondmentMode?
    public var domain: String?
    /// The status as the views show it: judged on `on` when given (`planned`, `active`, `overdue`, `ended`), else
    /// from the log alone (`open`, `ended`); a status of the other kind matches nothing.
    public var status: SecondmentStatus?

    public init(
        on: BusinessDate? = nil,
        site: String? = nil,
        agreement: String? = nil,
        person: String? = nil,
        institution: String? = nil,
        mode: SecondmentMode? = nil,
        domain: String? = nil,
        status: SecondmentStatus? = nil,
        statusOn: BusinessDate? = nil
    ) {
        self.on = on
        self.statusOn = statusOn
        self.site = site
        self.agreement = agreement
        self.person = person
        self.institution = institution
        self.mode = mode
        self.domain = domain
        self.status = status
    }

    /// The day the statuses are judged on.
    var day: BusinessDate? { on ?? statusOn }

    func matches(_ record: SecondmentRecord) -> Bool {
        let started = record.started
        let standing =
            status.map { $0 == record.status(on: day) }
            ?? on.map { [.active, .overdue].contains(record.status(on: $0)) } ?? true
        return standing
            && (site.map { $0 == started.hostSite } ?? true)
            && (agreement.map { $0 == started.agreement } ?? true)
            && (person.map { $0 == started.person } ?? true)
            && (institution.map { $0 == started.homeInstitution || $0 == started.hostInstitution } ?? true)
            && (mode.map { $0 == started.mode } ?? true)
            && (domain.map { $0 == started.domain } ?? true)
    }
}
