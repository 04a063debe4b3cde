import NIOCore
import NIOHTTP1

/// A connection as accepted: its HTTP stream and the kernel's word on who opened it.
struct AcceptedConnection: Sendable {
    var channel: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
    var processID: Int32
    var userID: UInt32
    var groupID: UInt32
    /// Nil when the kernel could not give the list (see `PeerGroupsOption`): the user database is asked instead.
    var groupIDs: [UInt32]?
    /// How long the connection may stay idle between requests, fixed when it was accepted (a reload changes only
    /// later connections); kept-alive answers announce it.
    var idleTimeoutMilliseconds: Int64
}
