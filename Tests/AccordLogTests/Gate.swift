import Foundation

/// Holds the writer thread at the start of a round until the test opens it.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    private var waitingCount = 0

    func passWhenOpen() {
        condition.lock()
        waitingCount += 1
        while !isOpen { condition.wait() }
        waitingCount -= 1
        condition.unlock()
    }

    /// True while a thread waits at the gate.
    var waiting: Bool {
        condition.lock()
        defer { condition.unlock() }
        return waitingCount > 0
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}
