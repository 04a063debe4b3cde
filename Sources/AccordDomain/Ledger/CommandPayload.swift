/// What every command body provides, so that `Command` can route, name and turn any of them into events.
protocol CommandPayload: Codable, Sendable, Equatable {
    /// The name used by the API and the CLI (`"agreement.sign"`).
    static var commandName: String { get }
    /// The stream an expected version refers to.
    func streamID(in state: LedgerState) -> String
    /// The event the command asks for, with the fields the ledger derives (a person's home institution, a
    /// retracted event's stream) filled in. The rules are checked on that event afterwards.
    func event(in state: LedgerState) throws(Rejection) -> Event
}
