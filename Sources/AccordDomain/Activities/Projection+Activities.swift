extension Projection {
    func checkMeeting(_ event: MeetingHeld) throws(Rejection) {
        try checkUnused(meetings[event.meetingID], kind: .meeting, id: event.meetingID, field: "meetingID")
        let record = try agreement(event.agreement, field: "agreement")
        try record.checkInForce(on: event.heldOn, field: "heldOn")
        if let domain = event.domain {
            try record.checkDomain(domain, on: event.heldOn, field: "domain")
        }
    }

    /// Like a secondment, a project must be covered by its agreement from its joining to its planned end.
    func checkProject(_ event: ProjectJoined) throws(Rejection) {
        try checkUnused(projects[event.projectID], kind: .project, id: event.projectID, field: "projectID")
        let record = try agreement(event.agreement, field: "agreement")
        try record.checkInForce(
            from: event.joinedOn,
            to: event.plannedEnd ?? event.joinedOn,
            startField: "joinedOn",
            endField: event.plannedEnd == nil ? "joinedOn" : "plannedEnd"
        )
        try record.checkDomain(event.domain, on: event.joinedOn, field: "domain")
    }

    func checkProjectEnd(_ event: ProjectEnded) throws(Rejection) {
        let record = try project(event.projectID, field: "projectID")
        if let ending = record.ending {
            throw Rejection.projectNotActive(event.projectID, endedOn: ending.endedOn)
        }
        try Check.order(start: record.joined.joinedOn, end: event.endedOn, startField: "joinedOn", endField: "endedOn")
    }

    /// Expertise names registered people only: their names stay outside the ledger, under their registration.
    func checkExpertise(_ event: ExpertiseDelivered) throws(Rejection) {
        try checkUnused(expertise[event.expertiseID], kind: .expertise, id: event.expertiseID, field: "expertiseID")
        let record = try agreement(event.agreement, field: "agreement")
        try record.checkInForce(on: event.deliveredOn, field: "deliveredOn")
        for id in event.people {
            _ = try person(id, field: "people")
        }
        if let domain = event.domain {
            try record.checkDomain(domain, on: event.deliveredOn, field: "domain")
        }
    }

    mutating func applyMeeting(_ event: MeetingHeld, position: UInt64) {
        meetings[event.meetingID] = MeetingRecord(held: event, position: position)
        agreements[event.agreement]?.meetings.append(event.meetingID)
    }

    mutating func applyProject(_ event: ProjectJoined, position: UInt64) {
        projects[event.projectID] = ProjectRecord(joined: event, position: position)
        agreements[event.agreement]?.projects.append(event.projectID)
    }

    mutating func applyExpertise(_ event: ExpertiseDelivered, position: UInt64) {
        expertise[event.expertiseID] = ExpertiseRecord(delivered: event, position: position)
        agreements[event.agreement]?.expertise.append(event.expertiseID)
        for person in event.people {
            people[person]?.expertise.append(event.expertiseID)
        }
    }
}
