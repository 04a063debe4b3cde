extension LedgerEngine {
    /// Runs blocking personal-data file work (writes, unlinks, fsyncs) on `personalDataQueue`: it must not happen on
    /// Swift's cooperative pool.
    func onPersonalDataQueue<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            personalDataQueue.async { continuation.resume(returning: body()) }
        }
    }

    /// Discards the files of registrations that recorded nothing; a command without personal data costs no hop.
    func discardPersonalData(_ references: [String?]) async {
        guard references.contains(where: { $0 != nil }) else { return }
        await onPersonalDataQueue { [personalData] in personalData.discard(references) }
    }
}
