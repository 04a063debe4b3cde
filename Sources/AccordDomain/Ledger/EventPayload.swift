/// What every event payload struct provides, so that `Event` can encode, route and check any of them uniformly.
protocol EventPayload: Codable, Sendable, Equatable {
    /// The name written in the log and in the API (`"AgreementSigned"`).
    static var typeName: String { get }
    /// The stream the event belongs to, for optimistic concurrency and for audit filters.
    var streamID: String { get }
    /// The entity a correction must keep: the stream, except where several entities share one stream.
    var entityID: String { get }
    /// Formats and limits of the fields alone, without looking at the ledger.
    func checkFields() throws(Rejection)
}

extension EventPayload {
    var entityID: String { streamID }
}
