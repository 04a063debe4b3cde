import AccordEngine
import AccordLog
import NIOCore

/// Records queued for the next INSERT; `wait()` returns when PostgreSQL committed it.
struct PostgresPendingRecords: PendingRecords {
    let records: [Record]
    let committed: EventLoopFuture<[Record]>
    let location: String

    init(records: [Record], committed: EventLoopFuture<[Record]>, location: String) {
        self.records = records
        self.committed = committed
        self.location = location
    }

    func wait() async throws(LogError) -> [Record] {
        do {
            return try await committed.get()
        } catch let error as LogError {
            throw error
        } catch {
            throw LogError(code: LogErrorCode.writerFailed, message: "an append to \(location) failed: \(error)")
        }
    }
}
