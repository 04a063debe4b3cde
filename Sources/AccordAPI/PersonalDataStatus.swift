/// Whether a person's personal data can be shown: `present` (checked against the log's reference), `erased`
/// (deleted on purpose), `damaged` (a file that does not match the reference: restore it from a backup), or
/// `none` (registered without personal data).
public enum PersonalDataStatus: String, Codable, Sendable, Equatable, CaseIterable {
    case present
    case erased
    case damaged
    case none
}
