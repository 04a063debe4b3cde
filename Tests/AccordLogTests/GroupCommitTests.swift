@testable import AccordLog
import Foundation
import XCTest

final class GroupCommitTests: LogTestCase {
    func testConcurrentTasksShareFdatasyncsAndLandGapless() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        let count = 400
        let records = try await withThrowingTaskGroup(of: (Int, Record).self) { group in
            for index in 0..<count {
                group.addTask {
                    let stored = try await writer.append([Fixtures.draft(index)])
                    return (index, stored[0])
                }
            }
            var records: [(Int, Record)] = []
            for try await record in group { records.append(record) }
            return records
        }
        XCTAssertEqual(Set(records.map(\.1.position)), Set(1...UInt64(count)))
        for (index, record) in records {
            XCTAssertEqual(record.draft, Fixtures.draft(index))
        }
        let status = writer.status
        XCTAssertEqual(status.recordsWritten, UInt64(count))
        XCTAssertLessThan(status.roundsCompleted, UInt64(count), "concurrent appends must share fdatasyncs")
        XCTAssertEqual(writer.head.position, UInt64(count))
        try writer.close()
        let stored = try LogReader.open(path: path).records(from: 1, maximumCount: count + 1)
        XCTAssertEqual(stored, records.map(\.1).sorted { $0.position < $1.position })
    }

    func testConcurrentThreadsShareFdatasyncsAndKeepEachThreadsOrder() throws {
        let (writer, _) = try LogWriter.open(path: path)
        let threads = 8
        let appendsPerThread = 50
        let results = Collector<(thread: Int, positions: [UInt64])>()
        let failures = Collector<String>()
        let finished = DispatchGroup()
        for thread in 0..<threads {
            finished.enter()
            Thread.detachNewThread {
                defer { finished.leave() }
                var positions: [UInt64] = []
                for step in 0..<appendsPerThread {
                    do {
                        let pending = try writer.enqueue([Fixtures.draft(thread * 1_000 + step)])
                        positions += try pending.waitBlocking().map(\.position)
                    } catch {
                        failures.append("\(error)")
                    }
                }
                results.append((thread, positions))
            }
        }
        XCTAssertEqual(finished.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(failures.values, [])
        let all = results.values.flatMap(\.positions)
        XCTAssertEqual(all.sorted(), Array(1...UInt64(threads * appendsPerThread)))
        for result in results.values {
            XCTAssertEqual(result.positions, result.positions.sorted(), "a thread's appends keep its order")
        }
        XCTAssertLessThan(writer.status.roundsCompleted, UInt64(threads * appendsPerThread))
        try writer.close()
        XCTAssertEqual(try LogReader.open(path: path).verify().position, UInt64(threads * appendsPerThread))
    }

    /// While the writer is held in a round, everything enqueued meanwhile goes out in the next single round.
    func testEverythingQueuedDuringARoundIsWrittenByOneFdatasync() throws {
        let gate = Gate()
        let (writer, _) = try Fixtures.openWriter(path) { options in
            options.beforeWriteRound = { gate.passWhenOpen() }
        }
        let first = try writer.enqueue([Fixtures.draft(0)])
        XCTAssertTrue(Fixtures.poll { gate.waiting })
        let queued = try (1...50).map { try writer.enqueue([Fixtures.draft($0)]) }
        XCTAssertEqual(writer.status.pendingAppends, 51)
        gate.open()
        XCTAssertEqual(try first.waitBlocking().map(\.position), [1])
        for (index, pending) in queued.enumerated() {
            XCTAssertEqual(try pending.waitBlocking().map(\.position), [UInt64(index + 2)])
        }
        XCTAssertEqual(writer.status.roundsCompleted, 2)
        XCTAssertEqual(writer.status.recordsWritten, 51)
        try writer.close()
    }
}
