struct SecondmentRecord: Sendable, Codable, Equatable {
    var started: SecondmentStarted
    var position: UInt64
    var plannedEnd: BusinessDate
    /// Each planned end the secondment was extended to, in order.
    var extensions: [BusinessDate] = []
    var ending: SecondmentEnded?

    init(started: SecondmentStarted, position: UInt64) {
        self.started = started
        self.position = position
        self.plannedEnd = started.plannedEnd
    }

    /// The last day at the host as the record stands: the actual end, or else the planned end.
    var lastDay: BusinessDate {
        ending?.endedOn ?? plannedEnd
    }

    /// The standing on `date`, or from the log alone when no day is given; see `SecondmentStatus`.
    func status(on date: BusinessDate?) -> SecondmentStatus {
        guard let date else {
            return ending == nil ? .open : .ended
        }
        if date < started.startedOn {
            return .planned
        }
        if date <= lastDay {
            return .active
        }
        return ending == nil ? .overdue : .ended
    }

    func overlaps(from start: BusinessDate, to end: BusinessDate) -> Bool {
        started.startedOn <= end && start <= lastDay
    }
}
