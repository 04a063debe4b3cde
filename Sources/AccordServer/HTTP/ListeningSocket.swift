/// Where the server listens: a path it binds itself, or a socket systemd already bound and passed on.
public enum ListeningSocket: Sendable, Equatable, CustomStringConvertible {
    case path(String)
    /// An inherited, already listening descriptor (socket activation); never unlinked or re-created.
    case inherited(fileDescriptor: Int32, name: String)

    public var description: String {
        switch self {
        case .path(let path): return path
        case .inherited(let fileDescriptor, let name): return "inherited socket \"\(name)\" (fd \(fileDescriptor))"
        }
    }
}
