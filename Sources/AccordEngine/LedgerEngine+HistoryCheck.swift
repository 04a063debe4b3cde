import AccordDomain

extension LedgerEngine {
    /// For the first correction or retraction among `requests`, the replay of the effective history its rules need,
    /// made on the published state on `historyCheckQueue`: that replay is linear in the log, so made under the
    /// engine's lock it would hold every other command up; the decision under the lock then only checks the events
    /// recorded since (`HistoryCheck`). The published state holds durable events only, which every later decision
    /// state holds too. A later amendment in the same batch gets none: the first one's event, recorded before it is
    /// decided, would set it aside. Other commands cost no hop, nor does a repeated request id: its earlier
    /// result is what it gets.
    func historyChecks(for requests: [CommandRequest], requestID: String?) async -> [HistoryCheck?] {
        var checks = [HistoryCheck?](repeating: nil, count: requests.count)
        guard let first = requests.firstIndex(where: { $0.command.amendsHistory }) else { return checks }
        if let requestID, core.withLock({ $0.requests[requestID] != nil }) { return checks }
        let state = published.withLock { $0.state }
        let command = requests[first].command
        checks[first] = await withCheckedContinuation { continuation in
            historyCheckQueue.async { continuation.resume(returning: state.historyCheck(for: command)) }
        }
        return checks
    }
}
