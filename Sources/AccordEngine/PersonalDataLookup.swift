/// What the store beside the log holds for a reference.
public enum PersonalDataLookup: Sendable, Equatable {
    /// The data, checked against the reference.
    case present(PersonalData)
    /// No file: the data was erased (or never stored).
    case erased
    /// A file that cannot be read or does not hash to the reference: shown as damage, never as data.
    case damaged(reason: String)
}
