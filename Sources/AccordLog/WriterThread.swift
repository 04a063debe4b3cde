import CThreadName
import Glibc

/// A dedicated POSIX thread. The writer blocks in write and fdatasync, which must not happen on the Swift
/// concurrency pool, and `close` must be able to join it. It is named, so that top, perf and gdb show it apart from
/// the thread that opened the log.
struct WriterThread: Sendable {
    /// The name the kernel shows (`/proc/PID/task/TID/comm`): at most 15 bytes.
    static let name = "accord-writer"

    private let thread: pthread_t

    private final class Body {
        let run: @Sendable () -> Void

        init(run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }

    static func start(_ run: @escaping @Sendable () -> Void) throws(LogError) -> WriterThread {
        let body = Unmanaged.passRetained(Body(run: run))
        var thread = pthread_t()
        let result = pthread_create(
            &thread,
            nil,
            { context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
                // It fails only for a name past 15 bytes, and this one fits.
                _ = accord_name_current_thread(WriterThread.name)
                body.run()
                return nil
            },
            body.toOpaque()
        )
        guard result == 0 else {
            body.release()
            throw LogError(
                code: LogErrorCode.ioError,
                message: "Could not start the log writer thread: \(String(cString: strerror(result))). Check the "
                    + "process's thread and memory limits.",
                errno: result
            )
        }
        return WriterThread(thread: thread)
    }

    func join() {
        let result = pthread_join(thread, nil)
        precondition(result == 0, "joining the log writer thread failed with \(result)")
    }
}
