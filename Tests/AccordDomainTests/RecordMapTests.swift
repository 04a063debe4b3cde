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

    /// A version kept without its slots reads, once it borrowed a later version's, exactly what it held, and grows
    /// as that later version did; a map numbered otherwise (decoded) lends none.
    func testAVersionWithoutSlotsReadsThroughALaterVersionsSlots() throws {
        var map = RecordMap<Record>()
        for index in 0..<100 { map["id-\(index)"] = Record(name: "n\(index)", count: index) }
        let kept = map.withoutSlots
        map["id-7"]?.count = 700
        map["id-8"] = nil
        for index in 100..<200 { map["id-\(index)"] = Record(name: "n\(index)", count: index) }

        var version = try XCTUnwrap(kept.borrowingSlots(from: map))
        XCTAssertEqual(version.count, 100)
        XCTAssertEqual(version["id-7"], Record(name: "n7", count: 7))
        XCTAssertEqual(version["id-8"], Record(name: "n8", count: 8))
        XCTAssertNil(version["id-150"])
        XCTAssertEqual(version.map(\.key), (0..<100).map { "id-\($0)" })
        // Ids the later version took after this one meet their slots, the gap before them empty until written.
        version["id-150"] = Record(name: "late", count: 150)
        XCTAssertNil(version["id-149"])
        version["id-100"] = Record(name: "first", count: 100)
        XCTAssertEqual(version["id-150"], Record(name: "late", count: 150))
        XCTAssertEqual(version["id-100"], Record(name: "first", count: 100))
        XCTAssertEqual(version.count, 102)
        XCTAssertEqual(map["id-150"], Record(name: "n150", count: 150))

        let decoded = try JSONDecoder().decode(RecordMap<Record>.self, from: try JSONEncoder().encode(map))
        XCTAssertEqual(decoded, map)
        XCTAssertNil(kept.borrowingSlots(from: decoded))
        XCTAssertNotNil(map.borrowingSlots(from: decoded), "a map with its own slots needs none")
    }

    /// The snapshot format does not see the boxes: the map encodes as an array of alternating ids and records, and
    /// decodes from one; an id that appears twice is refused, not taken twice.
    func testItEncodesAsAlternatingIdsAndRecords() throws {
        var map = RecordMap<Record>()
        map["a"] = Record(name: "x", count: 1)
        map["b"] = Record(name: "y", count: 2)
        let encoded = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(map)) as? [Any]
        let pairs = stride(from: 0, to: encoded?.count ?? 0, by: 2).map { index in
            (encoded?[index] as? String ?? "", (encoded?[index + 1] as? [String: Any])?["name"] as? String ?? "")
        }
        XCTAssertEqual(pairs.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }, ["a=x", "b=y"])

        let decoded = try JSONDecoder().decode(RecordMap<Record>.self, from: try JSONEncoder().encode(map))
        XCTAssertEqual(decoded, map)
        let twice = Data(#"["a", {"name": "x", "count": 1}, "a", {"name": "y", "count": 2}]"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(RecordMap<Record>.self, from: twice)) { error in
            XCTAssertTrue("\(error)".contains("id a appears twice"), "\(error)")
        }
    }
}
