import Foundation
import XCTest

@testable import AccordDomain

final class PersistentVectorTests: XCTestCase {
    /// Through the sizes where the trie grows a level (one chunk, 32 chunks, 1,024 chunks) and around them.
    func testEveryElementIsWhereItWasAppendedAcrossEveryDepth() {
        var vector = PersistentVector<Int>()
        XCTAssertNil(vector.first)
        XCTAssertNil(vector.last)
        let checkpoints: Set<Int> = [1, 31, 32, 33, 64, 1_023, 1_024, 1_025, 1_056, 32_767, 32_768, 32_769, 40_000]
        for value in 0..<40_000 {
            vector.append(value * 3)
            guard checkpoints.contains(vector.count) else { continue }
            XCTAssertEqual(vector.count, value + 1)
            XCTAssertEqual(vector.first, 0)
            XCTAssertEqual(vector.last, value * 3)
            XCTAssertEqual(Array(vector), (0...value).map { $0 * 3 }, "at \(vector.count) elements")
        }
    }

    /// A copy kept before more appends (an as-of version) keeps exactly its own elements.
    func testACopyKeepsItsElementsWhileTheOriginalGrows() {
        var vector = PersistentVector<String>()
        var copies: [(count: Int, vector: PersistentVector<String>)] = []
        for value in 0..<5_000 {
            vector.append("e\(value)")
            if value % 997 == 0 || value == 1_023 { copies.append((value + 1, vector)) }
        }
        for (count, copy) in copies {
            XCTAssertEqual(copy.count, count)
            XCTAssertEqual(Array(copy), (0..<count).map { "e\($0)" })
        }
        var branch = copies[2].vector
        branch.append("other")
        XCTAssertEqual(branch.last, "other")
        XCTAssertEqual(copies[2].vector.count, copies[2].count)
        XCTAssertEqual(vector[copies[2].count], "e\(copies[2].count)")
    }

    /// A replaced element, in the trie or in the last chunk, is new in the vector and in no copy made before.
    func testReplacingAnElementLeavesEveryCopyAsItWas() {
        var vector = PersistentVector<String>()
        for value in 0..<5_000 { vector.append("e\(value)") }
        let copy = vector
        let replaced = [0, 31, 32, 1_023, 1_024, 4_991, 4_999]
        for index in replaced { vector.replace(at: index, with: "r\(index)") }
        XCTAssertEqual(Array(copy), (0..<5_000).map { "e\($0)" })
        XCTAssertEqual(Array(vector), (0..<5_000).map { replaced.contains($0) ? "r\($0)" : "e\($0)" })
        vector.append("e5000")
        XCTAssertEqual(vector.count, 5_001)
        XCTAssertEqual(vector[4_999], "r4999")
    }

    func testItEncodesAsAPlainArrayAndDecodesBackEqual() throws {
        var vector = PersistentVector<UInt64>()
        for value in 0..<100 { vector.append(UInt64(value)) }
        let encoded = try JSONEncoder().encode(vector)
        XCTAssertEqual(try JSONDecoder().decode([UInt64].self, from: encoded), (0..<100).map { UInt64($0) })
        XCTAssertEqual(try JSONDecoder().decode(PersistentVector<UInt64>.self, from: encoded), vector)
        XCTAssertEqual(try JSONDecoder().decode(PersistentVector<UInt64>.self, from: Data("[]".utf8)).count, 0)
    }
}
