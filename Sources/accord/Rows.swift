import Foundation
import AccordAPI
import AccordDomain

/// Table rows for the read models, shared by lists and shows so a view prints the same way everywhere.
enum Rows {
    static let secondmentTitles = ["ID", "PERSON", "FROM → TO", "SITE", "MODE", "DOMAIN", "START", "END", "STATUS"]

    static func secondment(_ view: SecondmentView) -> [String] {
        [
            view.secondmentID, view.person, "\(view.homeInstitution) → \(view.hostInstitution)", view.hostSite,
            view.mode.rawValue, view.domain, view.startedOn.description, view.lastDay.description, view.status.rawValue,
        ]
    }

    static let grantTitles = ["ID", "GRANTEE", "SITE", "FACILITY", "VALID FROM", "LAST VALID DAY", "STATUS"]

    static func grant(_ view: AccessGrantView) -> [String] {
        [
            view.grantID, "\(view.grantee) (\(view.granteeKind.rawValue), \(view.granteeInstitution))", view.site,
            view.facility,
            view.validFrom.description, view.lastValidDay.description, view.status.rawValue,
        ]
    }

    static let timelineTitles = ["DATE", "EVENT", "SUBJECT", "SUMMARY"]

    static func timeline(_ entry: TimelineEntry) -> [String] {
        [entry.date.description, entry.event, entry.subject, entry.summary]
    }

    static func activity(_ counts: ActivityCounts) -> String {
        "\(counts.secondments) secondments, \(counts.accessGrants) grants, \(counts.meetings) meetings, \(counts.projects) projects, \(counts.expertise) expertise"
    }

    static func personName(_ data: PersonalDataView?, _ status: PersonalDataStatus) -> String {
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
            print("\(label.padding(toLength: width, withPad: " ", startingAt: 0))  \(Console.visible(value))")
        }
    }
}
