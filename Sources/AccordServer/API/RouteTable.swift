import AccordAPI
import NIOHTTP1

/// Every route the daemon answers, by method and path template, with the role it needs: read off the tables that
/// declare them (RouteRoles, CommandRoute, BatchRoute, TransparencyRoute), so that docs/openapi.yaml can be checked
/// against the code rather than against a second list.
public enum RouteTable {
    public struct Route: Hashable, Sendable, CustomStringConvertible {
        public var method: String
        /// `/v1/...` with `{id}` or `{position}` for a path parameter.
        public var pathTemplate: String
        /// The role's name, or `anyone`.
        public var role: String

        public init(method: String, pathTemplate: String, role: String) {
            self.method = method
            self.pathTemplate = pathTemplate
            self.role = role
        }

        public var description: String { "\(method) \(pathTemplate) (\(role))" }
    }

    public static var all: [Route] {
        var routes: [Route] = []
        for key in RouteRoles.administration.keys {
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            routes.append(route(parts[0], parts[1]))
        }
        for segment in RouteRoles.queries.keys {
            routes.append(route("GET", "/v1/\(segment)"))
            if let parameter = RouteRoles.queryItems[segment] {
                routes.append(route("GET", "/v1/\(segment)/{\(parameter)}"))
            }
        }
        routes += CommandRoute.all.map { route("POST", $0.pathTemplate) }
        routes.append(route("POST", BatchRoute.path))
        routes += TransparencyRoute.all.map { route($0.method, $0.pathTemplate) }
        return routes.sorted { ($0.pathTemplate, $0.method) < ($1.pathTemplate, $1.method) }
    }

    /// The role as the dispatcher decides it, for a path with its parameters filled in.
    private static func route(_ method: String, _ pathTemplate: String) -> Route {
        let path = pathTemplate.replacing(#/\{[a-z]+\}/#, with: "1")
        let role =
            switch RouteRoles.access(method: HTTPMethod(rawValue: method), path: path) {
            case .anyone: "anyone"
            case .role(let role): role.rawValue
            }
        return Route(method: method, pathTemplate: pathTemplate, role: role)
    }
}
