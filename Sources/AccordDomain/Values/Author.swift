/// Who recorded an event: taken by the daemon from the peer credentials of the connection, never from the client.
public struct Author: Codable, Hashable, Sendable {
    public var userID: UInt32
    public var name: String

    public init(userID: UInt32, name: String) {
        self.userID = userID
        self.name = name
    }
}
