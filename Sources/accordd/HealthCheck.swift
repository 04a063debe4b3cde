import NIOCore
import NIOPosix

/// The watchdog's question: does every event loop still run a task it is given?
enum HealthCheck {
    static func eventLoopsAnswer(_ group: MultiThreadedEventLoopGroup, within limit: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { tasks in
            for loop in group.makeIterator() {
                tasks.addTask { (try? await loop.submit {}.get()) != nil }
            }
            tasks.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            var answered = 0
            let loops = group.makeIterator().reduce(0) { count, _ in count + 1 }
            for await result in tasks {
                guard result else {
                    tasks.cancelAll()
                    return false
                }
                answered += 1
                if answered == loops {
                    tasks.cancelAll()
                    return true
                }
            }
            return false
        }
    }
}
