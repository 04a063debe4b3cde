/// The read models alone, as `ledger.snapshot` holds them: the entities the effective events make. The history and
/// the indexes are left out, since a start reads every record anyway and rebuilds them (`LedgerState.restore(_:)`)
/// more cheaply than it would decode them.
public struct ReadModels: Sendable, Codable {
    let projection: Projection

    public init(from decoder: any Decoder) throws {
        projection = try Projection(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try projection.encode(to: encoder)
    }

    init(projection: Projection) {
        self.projection = projection
    }
}
