extension Projection {
    /// The read models without their maps' slots, for a version kept for queries (`RecordMap.withoutSlots`).
    var withoutSlots: Projection {
        var projection = self
        func drop<Record>(_ map: WritableKeyPath<Projection, RecordMap<Record>>) {
            projection[keyPath: map] = projection[keyPath: map].withoutSlots
        }
        drop(\.institutions)
        drop(\.sites)
        drop(\.agreements)
        drop(\.people)
        drop(\.secondments)
        drop(\.grants)
        drop(\.meetings)
        drop(\.projects)
        drop(\.expertise)
        return projection
    }

    /// These read models, kept for queries without their slots, with a later version's (`later`), or nil when one
    /// of `later`'s maps numbers its slots otherwise (`RecordMap.borrowingSlots(from:)`).
    func borrowingSlots(from later: Projection) -> Projection? {
        var projection = self
        func borrow<Record>(_ map: WritableKeyPath<Projection, RecordMap<Record>>) -> Bool {
            guard let borrowed = projection[keyPath: map].borrowingSlots(from: later[keyPath: map]) else {
                return false
            }
            projection[keyPath: map] = borrowed
            return true
        }
        guard borrow(\.institutions), borrow(\.sites), borrow(\.agreements), borrow(\.people),
            borrow(\.secondments), borrow(\.grants), borrow(\.meetings), borrow(\.projects), borrow(\.expertise)
        else { return nil }
        return projection
    }
}
