import AccordDomain

extension LedgerEngine {
    /// Once a `PersonalDataErased` event is durable, the person's data file goes. The event comes first: a crash
    /// between the two leaves a recorded erasure whose file `finishErasures` removes at the next start, never a
    /// removal without its record.
    func erasePersonalData(recordedIn events: [RecordedEvent], state: LedgerState) throws(EngineError) {
        for recorded in events {
            guard case .personalDataErased(let erased) = recorded.event,
                let reference = state.personalDataReference(of: erased.personID)
            else { continue }
            try personalData.erase(reference)
        }
    }

    /// Removes what a recorded erasure left behind (a stop after the event was durable); at start, before serving.
    func finishErasures() throws(EngineError) {
        let state = read { $0 }
        for reference in state.erasedPersonalDataReferences() where personalData.exists(reference) {
            try personalData.erase(reference)
            let file = "\(LedgerEngine.personalDataFolderName)/\(PersonalDataStore.fileName(for: reference))"
            erasuresFinishedAtOpen.withLock { $0.append(file) }
        }
    }

    /// The personal-data files (relative to the data folder) that the open removed, each of a `PersonalDataErased` event recorded before a stop
    /// that came before the file's removal; the daemon logs them.
    public var erasuresFinishedAtStart: [String] { erasuresFinishedAtOpen.withLock { $0 } }
}
