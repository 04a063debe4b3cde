/// Rejections of corrections and retractions.
extension Rejection {
    static func unknownPosition(_ position: UInt64, lastPosition: UInt64?) -> Rejection {
        Rejection(
            code: "unknown_position",
            message:
                "there is no event at position \(position) (the log ends at "
                + "\(lastPosition.map(String.init) ?? "no position: it is empty")); check it with \"accord log\"",
            kind: .notFound,
            field: "position",
            id: StreamName.position(position)
        )
    }

    static func correctionOfCorrection(position: UInt64, typeName: String, action: String) -> Rejection {
        Rejection(
            code: "correction_of_correction",
            message:
                "position \(position) holds event \(typeName), which cannot be \(action); "
                + "correct or retract the original event instead",
            kind: .ruleViolated,
            field: "position",
            id: StreamName.position(position)
        )
    }

    static func alreadyRetracted(position: UInt64, retractedAt: UInt64, action: String) -> Rejection {
        Rejection(
            code: "already_retracted",
            message:
                "the event at position \(position) was retracted at position \(retractedAt) and cannot be "
                + "\(action); record the facts again as a new event",
            kind: .ruleViolated,
            field: "position",
            id: StreamName.position(position)
        )
    }

    static func correctionTypeMismatch(position: UInt64, original: String, corrected: String) -> Rejection {
        Rejection(
            code: "correction_type_mismatch",
            message:
                "position \(position) holds event \(original); its correction must be event \(original) too, "
                + "not event \(corrected)",
            kind: .invalid,
            field: "corrected",
            id: StreamName.position(position)
        )
    }

    static func correctionEntityMismatch(position: UInt64, original: String, corrected: String) -> Rejection {
        Rejection(
            code: "correction_entity_mismatch",
            message:
                "position \(position) is about \(original); a correction cannot move it to \(corrected): "
                + "retract it and record the new facts instead",
            kind: .invalid,
            field: "corrected",
            id: StreamName.position(position)
        )
    }

    static func correctionChangesNothing(position: UInt64) -> Rejection {
        Rejection(
            code: "correction_changes_nothing",
            message: "the corrected facts are those already in force for position \(position); nothing to correct",
            kind: .invalid,
            field: "corrected",
            id: StreamName.position(position)
        )
    }

    static func personalDataNotCorrectable(position: UInt64, inForce reference: String?) -> Rejection {
        Rejection(
            code: "personal_data_not_correctable",
            message:
                "the correction of position \(position) changes personalDataReference (in force: "
                + "\(reference.map { "\"\($0)\"" } ?? "none")); personal data is corrected by registering it again "
                + "through the engine, it is never part of a correction: leave personalDataReference out",
            kind: .invalid,
            field: "corrected",
            id: StreamName.position(position)
        )
    }

    static func historyBroken(
        action: String,
        position: UInt64,
        brokenPosition: UInt64,
        brokenType: String,
        cause: Rejection
    ) -> Rejection {
        Rejection(
            code: "history_broken",
            message:
                "\(action) position \(position) would make the later \(brokenType) at position \(brokenPosition) "
                + "break a rule (\(cause.code): \(cause.message)); correct or retract position \(brokenPosition) first "
                + "(\"accord correct --position \(brokenPosition) --reason R --event JSON\" or "
                + "\"accord retract --position \(brokenPosition) --reason R\")",
            kind: .ruleViolated,
            field: "position",
            id: StreamName.position(brokenPosition)
        )
    }
}
