/// Where batches go (`{"commands": [BatchEntry, ...]}`, one receipt): one place for the path the server matches
/// and the clients send to.
public enum BatchRoute {
    public static let path = "/v1/batch"
    /// The receipt's `command` for a batch.
    public static let commandName = "batch"
}
