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
