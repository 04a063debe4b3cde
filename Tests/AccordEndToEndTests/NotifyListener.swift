import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A datagram socket standing in for systemd's notification socket: the daemon's sd_notify messages land here, read
/// as they come by a thread of its own, as systemd reads them. A queue left unread fills (net.unix.max_dgram_qlen
/// datagrams), and then the daemon's sd_notify blocks: seen in CI as a start stuck at 100 % while a test waited on
/// something else.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    private let inbox = Inbox()
    private let readerDone = DispatchSemaphore(value: 0)

    /// What the reader thread shares with the tests: the messages read and whether to stop, under one condition
    /// signalled at each datagram. The thread holds this, not the listener, so the listener can go away.
    private final class Inbox: @unchecked Sendable {
        let arrived = NSCondition()
        var read: [String] = []
        var stopped = false
    }

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw DaemonFailure(message: "socket() failed: errno \(errno)") }
        let result = UnixSocketAddress.with(path) { bind(descriptor, $0, $1) }
        guard result == 0 else {
            close(descriptor)
            throw DaemonFailure(message: "bind(\(path)) failed: errno \(errno)")
        }
        let thread = Thread { [descriptor, inbox, readerDone] in
            defer { readerDone.signal() }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                // A bounded wait, so that the reader sees `stopped` once the listener goes away.
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, 100)
                inbox.arrived.lock()
                let stopped = inbox.stopped
                inbox.arrived.unlock()
                if stopped { return }
                guard ready > 0 else { continue }
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { continue }
                inbox.arrived.lock()
                inbox.read.append(String(decoding: buffer[0..<count], as: UTF8.self))
                inbox.arrived.broadcast()
                inbox.arrived.unlock()
            }
        }
        thread.name = "notify-listener"
        thread.start()
    }

    deinit {
        inbox.arrived.lock()
        inbox.stopped = true
        inbox.arrived.unlock()
        readerDone.wait()
        close(descriptor)
        unlink(path)
    }

    /// Every message read so far, in order.
    var messages: [String] {
        inbox.arrived.lock()
        defer { inbox.arrived.unlock() }
        return inbox.read
    }

    /// Whether a message read so far contains `text`, without waiting.
    func received(_ text: String) -> Bool {
        messages.contains { $0.contains(text) }
    }

    /// Waits until a message contains `text` or the deadline passes.
    func waitFor(_ text: String, seconds: Double) -> Bool {
        waitFor(seconds: seconds) { $0.contains(text) } != nil
    }

    /// Waits until a message at `index` or later matches, or the deadline passes; returns its index.
    func waitFor(seconds: Double, from index: Int = 0, _ matches: (String) -> Bool) -> Int? {
        let end = Date().addingTimeInterval(seconds)
        inbox.arrived.lock()
        defer { inbox.arrived.unlock() }
        var checked = index
        var timedOut = false
        while true {
            while checked < inbox.read.count {
                if matches(inbox.read[checked]) { return checked }
                checked += 1
            }
            if timedOut { return nil }
            timedOut = !inbox.arrived.wait(until: end)
        }
    }
}
