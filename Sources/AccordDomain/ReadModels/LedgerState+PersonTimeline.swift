extension LedgerState {
    /// The steps of a person's timeline that the views do not carry: extensions of their secondments, and the
    /// corrections and retractions of any event about them, even of one since retracted. Summaries use ids only.
    /// Reads only the events of the entities the person was named in, not the log.
    func recordedSteps(concerning person: String) -> [TimelineEntry] {
        let entities = entities(concerning: person)
        var positions = entityIndex.positions(of: entities)
        for entityID in entities {
            positions += amendmentsByEntity[entityID] ?? []
        }
        positions.sort()
        var steps: [TimelineEntry] = []
        var previous: UInt64?
        for position in positions where position != previous {
            previous = position
            if let record = recordedEvent(at: position),
                let step = step(of: record, concerning: person, entities)
            {
                steps.append(step)
            }
        }
        return steps
    }

    /// The timeline step `record` makes for `person`, if any, given the entities the person was ever named in.
    func step(of record: RecordedEvent, concerning person: String, _ entities: Set<String>)
        -> TimelineEntry?
    {
        let date = BusinessDate(utcDayOf: record.recordedAt)
        switch record.event {
        case .eventCorrected(let correction):
            return correctionStep(of: correction.position, by: record, entities: entities, date: date)
        case .eventRetracted(let retraction):
            return correctionStep(of: retraction.position, by: record, entities: entities, date: date)
        case .personalDataErased(let erased) where erased.personID == person:
            return TimelineEntry(
                date: date,
                event: PersonalDataErased.typeName,
                subject: erased.streamID,
                summary:
                    "personal data of \(person) erased by \(record.author.name): \(erased.reason) (\(erased.legalBasis))"
            )
        default:
            guard case .secondmentExtended(let extended)? = effectiveEvent(of: record),
                projection.secondments[extended.secondmentID]?.started.person == person
            else {
                return nil
            }
            return TimelineEntry(
                date: date,
                event: SecondmentExtended.typeName,
                subject: extended.streamID,
                summary:
                    "\(extended.secondmentID) of \(person) extended: planned until \(extended.plannedEnd)"
            )
        }
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
            summary:
                "\(target.typeName) at position \(position) \(action) at position \(record.position): \(reason)"
        )
    }

    /// Every entity an event names the person in, original facts and corrected ones alike, so that a correction
    /// moving a secondment to someone else concerns both people: their own, the children their record lists (the
    /// rules let no event name a person before their registration, nor retract it while an event names them), and
    /// those whose facts named them before a correction or retraction replaced them.
    func entities(concerning person: String) -> Set<String> {
        var entities: Set<String> = [StreamName.person(person)]
        if let record = projection.people[person] {
            entities.formUnion(record.secondments.map(StreamName.secondment))
            entities.formUnion(record.grants.map(StreamName.grant))
            entities.formUnion(record.expertise.map(StreamName.expertise))
        }
        entities.formUnion(formerlyNamingEntities[person] ?? [])
        return entities
    }
}
