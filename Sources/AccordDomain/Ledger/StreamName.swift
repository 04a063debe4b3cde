/// Stream ids: `kind/id`. Meetings and expertise live on their agreement's stream; corrections and retractions on
/// the stream of the event they target.
public enum StreamName {
    public static func institution(_ id: String) -> String { "institution/\(id)" }
    public static func site(_ id: String) -> String { "site/\(id)" }
    public static func agreement(_ id: String) -> String { "agreement/\(id)" }
    public static func person(_ id: String) -> String { "person/\(id)" }
    public static func secondment(_ id: String) -> String { "secondment/\(id)" }
    public static func grant(_ id: String) -> String { "grant/\(id)" }
    public static func project(_ id: String) -> String { "project/\(id)" }
    public static func meeting(_ id: String) -> String { "meeting/\(id)" }
    public static func expertise(_ id: String) -> String { "expertise/\(id)" }
    /// The stream named by a correction or retraction of a position the ledger does not hold.
    public static func position(_ position: UInt64) -> String { "position/\(position)" }
}
