/// Ascending positions without repeats. Most entities are written by one event (a meeting, a site, a grant never
/// revoked), so one position is held inline; from the second, a persistent vector, so that listing one more copies
/// at most its last chunk even while an earlier state shares the list (an array would be copied whole, so an entity
/// written by n events would cost n² over the log).
enum PositionList: Sendable, Equatable {
    case one(UInt64)
    case many(PersistentVector<UInt64>)

    var positions: [UInt64] {
        switch self {
        case .one(let position): [position]
        case .many(let positions): Array(positions)
        }
    }

    /// This list with `position` in its place. Positions arrive ascending except when a correction makes an older
    /// event write to this entity: that rare case builds the list anew, in time linear in the entity's events.
    func inserting(_ position: UInt64) -> PositionList {
        switch self {
        case .one(let first) where first < position:
            var positions = PersistentVector<UInt64>()
            positions.append(first)
            positions.append(position)
            return .many(positions)
        case .many(var positions) where positions.last.map({ $0 < position }) ?? true:
            positions.append(position)
            return .many(positions)
        default:
            var sorted = self.positions
            let place = sorted.firstIndex { $0 >= position } ?? sorted.count
            if place < sorted.count, sorted[place] == position { return self }
            sorted.insert(position, at: place)
            var positions = PersistentVector<UInt64>()
            for each in sorted { positions.append(each) }
            return .many(positions)
        }
    }
}
