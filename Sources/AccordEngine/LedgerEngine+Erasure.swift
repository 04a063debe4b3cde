import AccordDomain

extension LedgerEngine {
    /// Once a `PersonalDataErased` event is durable, the person's data file goes. The event comes first: a stop
    /// between the two leaves a recorded erasure whose file `finishErasures` removes at the next start, never a
    /// removal without its record. The removal runs on the personal-data queue; a command that erases nothing costs
    /// no hop. A removal that fails is kept as unfinished (the health report says so) and tried again; the answer
    /// is why, nil when every file went. It never fails the command: the erasure is recorded either way.
    func erasePersonalData(recordedIn events: [RecordedEvent], state: LedgerState) async -> String? {
        let references = events.compactMap { recorded -> String? in
            guard case .personalDataErased(let erased) = recorded.event else { return nil }
            return state.personalDataReference(of: erased.personID)
        }
        guard !references.isEmpty else { return nil }
        let failures = await onPersonalDataQueue { [self] in
            references.compactMap { reference -> String? in
                do throws(EngineError) {
                    try finishErasure(of: reference)
                    return nil
                } catch {
                    return error.message
                }
            }
        }
        return failures.isEmpty ? nil : failures.joined(separator: "; ")
    }

    /// At start, before serving: removes what recorded erasures left behind. One that cannot be removed does not stop
    /// the start; it stays unfinished, in the health report, until a retry removes it.
    func finishErasures() {
        let files = retryUnfinishedErasures()
        erasures.withLock { $0.finishedAtOpen = files }
    }

    /// Tries again every recorded erasure whose file is still there, and every one kept as unfinished even if its
    /// file has gone since (removed by hand, or unlinked before its folder's fsync failed: the removal is finished
    /// only once the folder is synced), and returns the files it removed (relative to the data folder). Linear in
    /// the people registered and blocking on unlink and fsync: the health check runs it on a thread of its own.
    @discardableResult
    public func retryUnfinishedErasures() -> [String] {
        var removed: [String] = []
        let unfinished = erasures.withLock { Set($0.unfinished.keys) }
        for reference in read({ $0 }).erasedPersonalDataReferences() {
            let present = personalData.exists(reference)
            guard present || unfinished.contains(reference) else { continue }
            guard (try? finishErasure(of: reference)) != nil, present else { continue }
            removed.append("\(LedgerEngine.personalDataFolderName)/\(PersonalDataStore.fileName(for: reference))")
        }
        return removed
    }

    /// Removes one erased person's file, keeping the outcome: unfinished with its reason, or done.
    private func finishErasure(of reference: String) throws(EngineError) {
        do throws(EngineError) {
            try personalData.erase(reference)
            _ = erasures.withLock { $0.unfinished.removeValue(forKey: reference) }
        } catch {
            erasures.withLock { $0.unfinished[reference] = error.message }
            throw error
        }
    }

    /// Why the files of the erasures among `events` are still there, nil when none is: a repeated erasure request
    /// is told what its first answer told, not that all is done.
    func unfinishedErasure(recordedIn events: [RecordedEvent]) -> String? {
        let erased = events.compactMap { recorded -> String? in
            guard case .personalDataErased(let erasure) = recorded.event else { return nil }
            return erasure.personID
        }
        guard !erased.isEmpty else { return nil }
        let state = read { $0 }
        let reasons = erasures.withLock { erasures in
            erased.compactMap { state.personalDataReference(of: $0).flatMap { erasures.unfinished[$0] } }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// The personal-data files (relative to the data folder) that the open removed, each of a `PersonalDataErased`
    /// event recorded before a stop that came before the file's removal; the daemon logs them.
    public var erasuresFinishedAtStart: [String] { erasures.withLock { $0.finishedAtOpen } }

    /// Why each recorded erasure whose file could not be removed is unfinished; empty when none is.
    public var unfinishedErasures: [String] { erasures.withLock { $0.unfinished.values.sorted() } }
}
