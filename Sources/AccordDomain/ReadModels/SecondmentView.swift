/// A secondment as it stands: where, under what, when, and whether it ended.
public struct SecondmentView: Codable, Sendable, Equatable {
    public var secondmentID: String
    public var person: String
    public var agreement: String
    public var homeInstitution: String
    public var hostInstitution: String
    public var hostSite: String
    public var mode: SecondmentMode
    public var domain: String
    public var startedOn: BusinessDate
    /// The current planned end, extensions included.
    public var plannedEnd: BusinessDate
    /// Each planned end it was extended to, in order.
    public var extensions: [BusinessDate]
    public var endedOn: BusinessDate?
    public var outcome: String?
    /// The day `status` is judged on; absent when the query gave no day.
    public var statusOn: BusinessDate?
    /// The standing on `statusOn` (`planned`, `active`, `overdue`, `ended`); without a day, `ended` once an end is
    /// recorded, else `open`.
    public var status: SecondmentStatus
    /// The actual end, or else the planned end.
    public var lastDay: BusinessDate
    /// Where its start stands in the log.
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}

extension SecondmentView {
    init(_ record: SecondmentRecord, on date: BusinessDate?) {
        let started = record.started
        self.init(
            secondmentID: started.secondmentID,
            person: started.person,
            agreement: started.agreement,
            homeInstitution: started.homeInstitution,
            hostInstitution: started.hostInstitution,
            hostSite: started.hostSite,
            mode: started.mode,
            domain: started.domain,
            startedOn: started.startedOn,
            plannedEnd: record.plannedEnd,
            extensions: record.extensions,
            endedOn: record.ending?.endedOn,
            outcome: record.ending?.outcome,
            statusOn: date,
            status: record.status(on: date),
            lastDay: record.lastDay,
            position: record.position
        )
    }
}
