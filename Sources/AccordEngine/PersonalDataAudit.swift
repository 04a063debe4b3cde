import Foundation

/// What a check of every personal-data file found: each file is read and hashed against the reference its name
/// carries, as a read of it would be.
public struct PersonalDataAudit: Sendable, Equatable {
    public var filesChecked: Int
    /// Why each damaged file is damaged (its path in the reason), at most `maximumReasons` of them.
    public var damage: [String]
    public var damagedCount: Int

    public static let maximumReasons = 10
}

extension LedgerEngine {
    /// Reads and checks every personal-data file: linear in the people registered, so never on a request's path
    /// (the health report runs it on a thread of its own, at most once a minute).
    public func auditPersonalData() -> PersonalDataAudit {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: personalData.directory)) ?? []
        var audit = PersonalDataAudit(filesChecked: 0, damage: [], damagedCount: 0)
        for name in names.sorted() where name.hasPrefix("sha256-") && name.hasSuffix(".json") {
            let reference = "sha256:" + name.dropFirst("sha256-".count).dropLast(".json".count)
            audit.filesChecked += 1
            guard case .damaged(let reason) = personalData.load(reference) else { continue }
            audit.damagedCount += 1
            if audit.damage.count < PersonalDataAudit.maximumReasons { audit.damage.append(reason) }
        }
        return audit
    }
}
