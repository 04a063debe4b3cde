/// Ascending positions without repeats. Most entities are written by one event (a meeting, a site, a grant never
/// revoked), so one position is held inline and an array exists only from the second.
enum PositionList: Sendable, Equatable {
    case one(UInt64)
    case many([UInt64])

    var positions: [UInt64] {
        switch self {
        case .one(let position): [position]
        case .many(let positions): positions
        }
    }

    /// This list with `position` in its place. Positions arrive ascending except when a correction makes an older
    /// event write to this entity, so the common case appends.
    func inserting(_ position: UInt64) -> PositionList {
        var positions = positions
        if let last = positions.last, last < position {
            positions.append(position)
            return .many(positions)
        }
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        if low < positions.count, positions[low] == position { return self }
        positions.insert(position, at: low)
        return .many(positions)
    }
}
