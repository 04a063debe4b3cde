import Foundation
import XCTest

@testable import AccordDomain

final class RecordMapTests: XCTestCase {
    private struct Record: Sendable, Codable, Equatable {
        var name: String
        var count: Int
    }

    func testACopyKeepsItsRecordsWhileTheOriginalChanges() {
        var map = RecordMap<Record>()
        for index in 0..<100 { map["id-\(index)"] = Record(name: "n\(index)", count: index) }
        let copy = map
        map["id-7"]?.count = 700
        map["id-8"] = nil
        map["id-100"] = Record(name: "new", count: 100)

        XCTAssertEqual(copy.values.count, 100)
        XCTAssertEqual(copy["id-7"], Record(name: "n7", count: 7))
        XCTAssertEqual(copy["id-8"], Record(name: "n8", count: 8))
        XCTAssertNil(copy["id-100"])
        XCTAssertEqual(map.values.count, 100)
        XCTAssertEqual(map["id-7"], Record(name: "n7", count: 700))
        XCTAssertNil(map["id-8"])
        XCTAssertEqual(Set(map.map(\.key)), Set((0...100).filter { $0 != 8 }.map { "id-\($0)" }))
        XCTAssertEqual(map.values.map(\.count).reduce(0, +), (0..<100).reduce(0, +) - 7 + 700 - 8 + 100)
    }

    /// The snapshot format must not see the boxes: the map encodes as, and decodes from, a plain dictionary of its
    /// records (the form the hash trie of records had).
    func testItEncodesAsTheMapOfItsRecords() throws {
        let records: [String: Record] = ["a": Record(name: "x", count: 1), "b": Record(name: "y", count: 2)]
        var map = RecordMap<Record>()
        for (id, record) in records { map[id] = record }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys

        XCTAssertEqual(try encoder.encode(map), try encoder.encode(records))
        let decoded = try JSONDecoder().decode(RecordMap<Record>.self, from: try encoder.encode(records))
        XCTAssertEqual(decoded.values.count, 2)
        XCTAssertEqual(decoded["b"], Record(name: "y", count: 2))
    }
}
