import Foundation
import AccordAPI
import AccordDomain

/// Table rows for the read models, shared by lists and shows so a view prints the same way everywhere.
enum Rows {
    static let secondmentTitles = [
        "ID", "PERSON", "FROM → TO", "SITE", "MODE", "DOMAIN", "START", "PLANNED END", "ENDED", "STATUS",
    ]

    static func secondment(_ view: SecondmentView) -> [String] {
        [
            view.secondmentID, view.person, "\(view.homeInstitution) → \(view.hostInstitution)", view.hostSite,
            view.mode.words, view.domain, view.startedOn.description, view.plannedEnd.description,
            view.endedOn?.description ?? "-", view.status.words,
        ]
    }

    static let grantTitles = ["ID", "GRANTEE", "SITE", "FACILITY", "VALID FROM", "LAST VALID DAY", "STATUS"]

    static func grant(_ view: AccessGrantView) -> [String] {
        [
            view.grantID, grantee(view), view.site,
            view.facility,
            view.validFrom.description, view.lastValidDay.description, view.status.words,
        ]
    }

    static func grantee(_ view: AccessGrantView) -> String {
        "\(view.grantee) (\(view.granteeKind.words), \(view.granteeInstitution))"
    }

    /// A status with the day it was judged on, when it was judged on one.
    static func status(_ status: some HumanWords, on day: BusinessDate?) -> String {
        status.words + (day.map { " on \($0)" } ?? "")
    }

    static let timelineTitles = ["DATE", "EVENT", "SUBJECT", "SUMMARY"]

    static func timeline(_ entry: TimelineEntry) -> [String] {
        let mark = CorrectionMark.positions(entry.corrections).map { " (\($0))" } ?? ""
        return [entry.date.description, entry.event, entry.subject, entry.summary + mark]
    }

    /// The table with a CORRECTED column ("corrected at #9, #12") when some row's facts were corrected or
    /// retracted, and as it is otherwise.
    static func marked(_ titles: [String], _ rows: [[String]], _ corrections: [[CorrectionMark]])
        -> (titles: [String], rows: [[String]])
    {
        guard corrections.contains(where: { !$0.isEmpty }) else { return (titles, rows) }
        return (
            titles + ["CORRECTED"], zip(rows, corrections).map { $0 + [CorrectionMark.positions($1) ?? "-"] }
        )
    }

    static func activity(_ counts: ActivityCounts) -> String {
        let kinds = [
            (counts.secondments, "secondment", "secondments"), (counts.accessGrants, "grant", "grants"),
            (counts.meetings, "meeting", "meetings"), (counts.projects, "project", "projects"),
            (counts.expertise, "expertise", "expertise"),
        ]
        // Only what was done, so a table's column stays short.
        let done = kinds.filter { $0.0 > 0 }.map { Plural.count($0.0, $0.1, $0.2) }
        return done.isEmpty ? "none" : done.joined(separator: ", ")
    }

    static func personName(_ data: PersonalDataView?, _ status: PersonalDataStatus, erasure: ErasureView?) -> String {
        if let erasure {
            return "(erased on \(RecordedTime.format(erasure.erasedAt).prefix(10)) at #\(erasure.position))"
        }
        switch status {
        case .present: return data?.name ?? "-"
        case .erased: return "(erased)"
        case .damaged: return "(damaged: the stored data does not match the log; see the daemon's log)"
        case .none: return "-"
        }
    }

    /// Prints `label: value` lines aligned on the colon.
    static func printFields(_ fields: [(String, String?)]) {
        let width = fields.map(\.0.count).max() ?? 0
        for (label, value) in fields {
            guard let value else { continue }
            print("\(label.padding(toLength: width, withPad: " ", startingAt: 0))  \(VisibleText.escaped(value))")
        }
    }
}
