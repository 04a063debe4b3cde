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
}
