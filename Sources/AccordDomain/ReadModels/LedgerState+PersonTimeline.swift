extension LedgerState {
    /// The steps of a person's timeline that the views do not carry: extensions of their secondments, and the
    /// corrections and retractions of any event about them, even of one since retracted. Summaries use ids only.
    func recordedSteps(concerning person: String) -> [TimelineEntry] {
        let entities = entities(concerning: person)
        var steps: [TimelineEntry] = []
        for record in recordedEvents {
            let date = BusinessDate(utcDayOf: record.recordedAt)
            switch record.event {
            case .eventCorrected(let correction):
                steps +=
                    correctionStep(of: correction.position, by: record, entities: entities, date: date).map { [$0] }
                    ?? []
            case .eventRetracted(let retraction):
                steps +=
                    correctionStep(of: retraction.position, by: record, entities: entities, date: date).map { [$0] }
                    ?? []
            case .personalDataErased(let erased) where erased.personID == person:
                steps.append(
                    TimelineEntry(
                        date: date,
                        event: PersonalDataErased.typeName,
                        subject: erased.streamID,
                        summary:
                            "personal data of \(person) erased by \(record.author.name): \(erased.reason) (\(erased.legalBasis))"
                    )
                )
            default:
                guard case .secondmentExtended(let extended)? = effectiveEvent(of: record),
                    projection.secondments[extended.secondmentID]?.started.person == person
                else {
                    continue
                }
                steps.append(
                    TimelineEntry(
                        date: date,
                        event: SecondmentExtended.typeName,
                        subject: extended.streamID,
                        summary: "\(extended.secondmentID) of \(person) extended: planned until \(extended.plannedEnd)"
                    )
                )
            }
        }
        return steps
    }

    private func correctionStep(
        of position: UInt64,
        by record: RecordedEvent,
        entities: Set<String>,
        date: BusinessDate
    ) -> TimelineEntry? {
        guard let target = recordedEvent(at: position)?.event, entities.contains(target.entityID) else {
            return nil
        }
        let action: String
        let reason: String
        switch record.event {
        case .eventCorrected(let correction): (action, reason) = ("corrected", correction.reason)
        case .eventRetracted(let retraction): (action, reason) = ("retracted", retraction.reason)
        default: return nil
        }
        return TimelineEntry(
            date: date,
            event: record.event.typeName,
            subject: target.entityID,
            summary: "\(target.typeName) at position \(position) \(action) at position \(record.position): \(reason)"
        )
    }

    /// Every entity an event names the person in, original facts and corrected ones alike, so that a correction
    /// moving a secondment to someone else concerns both people.
    private func entities(concerning person: String) -> Set<String> {
        var entities: Set<String> = []
        for record in recordedEvents {
            let event: Event
            if case .eventCorrected(let correction) = record.event {
                event = correction.corrected
            } else {
                event = record.event
            }
            if event.names(person: person) {
                entities.insert(event.entityID)
            }
        }
        return entities
    }
}
