import AccordServer
import Foundation
import XCTest

/// docs/openapi.yaml describes the routes of the daemon's route table, no more and no fewer, each with the role the
/// table gives it (`x-accord-role`). The code's table stays the one source of truth; the answers themselves are
/// checked against the running daemon by scripts/check-openapi.sh.
final class OpenAPIContractTests: XCTestCase {
    func testTheSpecNamesEveryRouteOfTheTableWithItsRole() throws {
        let specified = try Set(OpenAPIContractTests.specifiedRoutes())
        let table = Set(RouteTable.all)
        XCTAssertEqual(table.count, RouteTable.all.count, "the route table names a route twice")
        let missing = table.subtracting(specified).map(\.description).sorted()
        let extra = specified.subtracting(table).map(\.description).sorted()
        XCTAssertEqual(missing, [], "routes of the table that docs/openapi.yaml does not describe (or with another role)")
        XCTAssertEqual(extra, [], "routes in docs/openapi.yaml that the table does not have (or with another role)")
        XCTAssertGreaterThan(table.count, 40)
    }

    /// The `paths` of the spec, read by their indentation (two spaces a path, four its methods, six their fields),
    /// as the spec is written.
    static func specifiedRoutes() throws -> [RouteTable.Route] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        guard let start = lines.firstIndex(of: "paths:") else { throw Malformed(description: "no paths: section") }
        var routes: [RouteTable.Route] = []
        var path: String?
        var method: String?
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(" ") else { break }
            if let match = line.wholeMatch(of: #/ {2}(/v1/[^ :]*):/#) {
                path = String(match.1)
                method = nil
            } else if let match = line.wholeMatch(of: #/ {4}(get|post|put|patch|delete|head|options):/#) {
                method = match.1.uppercased()
            } else if let match = line.wholeMatch(of: #/ {6}x-accord-role: ([a-z]+)/#) {
                guard let path, let method else { throw Malformed(description: "x-accord-role outside an operation") }
                routes.append(RouteTable.Route(method: method, pathTemplate: path, role: String(match.1)))
            }
        }
        return routes
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }
}
