import AccordProof
@testable import AccordLog
import Foundation
import SystemPackage
import XCTest

import Glibc

/// Real write failures: a tmpfs file system of a few pages fills up under the writer.
final class WriterFailureTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var mountPoint: FilePath!
    private var mounted = false

    override func setUpWithError() throws {
        guard getuid() == 0 else {
            throw XCTSkip("mounting a small tmpfs to fill it needs root; run the tests as root to cover disk-full")
        }
        directory = try TemporaryDirectory()
        mountPoint = directory.file("small")
        try FileManager.default.createDirectory(atPath: mountPoint.string, withIntermediateDirectories: false)
        guard mount("tmpfs", mountPoint.string, "tmpfs", 0, "size=128k,mode=0700") == 0 else {
            let reason = String(cString: strerror(errno))
            directory.remove()
            throw XCTSkip("cannot mount a tmpfs here (\(reason)); disk-full behaviour is not covered")
        }
        mounted = true
    }

    override func tearDown() {
        if mounted { _ = umount2(mountPoint.string, Int32(MNT_DETACH)) }
        directory?.remove()
    }

    func testAFullDiskCutsTheLogBackRefusesAppendsAndResumesWhenSpaceReturns() throws {
        let path = mountPoint.appending("ledger.log")
        let (writer, _) = try LogWriter.open(path: path)
        var acknowledged: [Record] = []
        var failure: LogError?
        for index in 0..<20 {
            do throws(LogError) {
                acknowledged += try writer.enqueue([Fixtures.draft(index, payloadBytes: 20_000)]).waitBlocking()
            } catch {
                failure = error
                break
            }
        }
        let error = try XCTUnwrap(failure, "128 KiB cannot hold 20 records of 20 kB")
        XCTAssertEqual(error.code, LogErrorCode.diskFull)
        XCTAssertEqual(error.errno, ENOSPC)
        XCTAssertGreaterThan(acknowledged.count, 0)
        XCTAssertEqual(writer.head, acknowledged.last?.chainHead)
        XCTAssertNil(writer.status.failure, "a full disk does not fail the writer")
        XCTAssertNotNil(writer.status.diskFull)
        let acknowledgedBytes = acknowledged.reduce(UInt64(LogFormat.headerBytes)) { total, record in
            total + UInt64(RecordFrame.encodedLength(record.draft))
        }
        XCTAssertEqual(UInt64(try Fixtures.bytes(of: path).count), acknowledgedBytes, "cut back to the durable end")
        try assertTreeCovers(acknowledged, writer: writer, treePath: TreeFile.path(logPath: path))

        // Refused until the owner acknowledges and there is room again.
        XCTAssertThrowsError(try writer.enqueue([Fixtures.draft(98)])) { later in
            XCTAssertEqual((later as? LogError)?.code, LogErrorCode.diskFull)
        }
        writer.acknowledgeDiskFull()
        XCTAssertThrowsError(try writer.enqueue([Fixtures.draft(98, payloadBytes: 20_000)])) { later in
            XCTAssertEqual((later as? LogError)?.code, LogErrorCode.diskFull, "still no room")
        }
        XCTAssertEqual(mount("tmpfs", mountPoint.string, "tmpfs", UInt(MS_REMOUNT), "size=4m"), 0)
        let resumed = try writer.enqueue([Fixtures.draft(99, payloadBytes: 20_000)]).waitBlocking()
        XCTAssertEqual(
            resumed.first?.position,
            UInt64(acknowledged.count + 1),
            "the chain goes on from the durable head"
        )
        XCTAssertEqual(resumed.first?.previousHash, acknowledged.last?.hash)
        XCTAssertNil(writer.status.diskFull)
        try assertTreeCovers(acknowledged + resumed, writer: writer, treePath: TreeFile.path(logPath: path))
        try writer.close()

        let (reopened, report) = try LogWriter.open(path: path)
        XCTAssertNil(report.tornTail, "nothing torn: the failed write was cut back")
        XCTAssertEqual(report.head, resumed.last?.chainHead)
        XCTAssertNil(report.treeFileDisagreement, "the tree file never held a record the log lost")
        XCTAssertEqual(report.treeRoot, expectedRoot(of: acknowledged + resumed))
        try reopened.close()
        let stored = try LogReader.open(path: path).records(from: 1, maximumCount: 100)
        XCTAssertEqual(stored, acknowledged + resumed)
    }

    /// The Merkle tree, in memory and in its file, holds the durable records and nothing a cut-back write lost.
    private func assertTreeCovers(
        _ records: [Record],
        writer: LogWriter,
        treePath: FilePath,
        line: UInt = #line
    ) throws {
        // The writer publishes a round's tree just after acknowledging it, so the tree may trail by a moment.
        XCTAssertTrue(Fixtures.poll { writer.tree.size >= UInt64(records.count) }, line: line)
        let tree = writer.tree
        XCTAssertEqual(tree.size, UInt64(records.count), "the tree holds the durable records only", line: line)
        XCTAssertEqual(tree.root(), expectedRoot(of: records), line: line)
        XCTAssertNil(tree.fileFailure, "the tree file was written", line: line)
        let fileBytes = UInt64(try Fixtures.bytes(of: treePath).count)
        XCTAssertEqual(
            fileBytes,
            TreeFile.nodeCount(leafCount: UInt64(records.count)) * UInt64(TreeFile.nodeBytes),
            "the tree file holds the subtrees of the durable records, none of a lost one",
            line: line
        )
        if records.count > 1 {
            XCTAssertEqual(try tree.root(size: UInt64(records.count - 1)), expectedRoot(of: records.dropLast()))
        }
    }

    private func expectedRoot(of records: some Collection<Record>) -> TreeHash {
        var range = CompactRange()
        for record in records { _ = range.append(leafHash: MerkleTree.leafHash(entry: record.hash)) }
        return range.root()
    }
}
