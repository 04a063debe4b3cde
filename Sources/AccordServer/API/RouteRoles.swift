import AccordAPI
import NIOHTTP1

/// The role each route needs, declared here and nowhere else. A route missing from this table needs `admin`, so a
/// new route is closed until someone decides who may use it; an admin-only route is declared in `administration`
/// all the same, so that `routes` (and the fuzz test, which sends hostile requests to each) knows of it.
public enum RouteRoles {
    enum Access: Equatable {
        /// Anyone who can connect: only the route that tells a caller who they are.
        case anyone
        case role(Role)
    }

    /// GET routes, by the segment after `/v1/`.
    static let queries: [String: Access] = [
        "whoami": .anyone,
        "status": .role(.reader),
        // Pages, one event with its corrections (`events/{position}`) and the follow stream (`follow=true`).
        "events": .role(.reader),
        "institutions": .role(.reader),
        "sites": .role(.reader),
        "agreements": .role(.reader),
        "people": .role(.reader),
        "secondments": .role(.reader),
        "access-grants": .role(.reader),
        "meetings": .role(.reader),
        "projects": .role(.reader),
        "expertise": .role(.reader),
        "figures": .role(.reader),
    ]

    /// The GET routes above that also answer for one item, `/v1/SEGMENT/{PARAMETER}`, by segment.
    static let queryItems: [String: String] = [
        "events": "position",
        "institutions": "id",
        "sites": "id",
        "agreements": "id",
        "people": "id",
        "secondments": "id",
        "access-grants": "id",
    ]

    /// POST command routes (CommandRoute.all), by command name; every command appends, so `recorder` unless listed.
    static let commands: [String: Access] = ["person.erase": .role(.admin)]
    static let commandDefault = Access.role(.recorder)
    /// POST /v1/batch (BatchRoute) appends the commands it holds, all of which need `recorder` (a command listed in
    /// `commands` with another role is refused in a batch).
    static let batch = Access.role(.recorder)

    /// Checkpoint, proof and verification routes (TransparencyRoute.all), by the kind each declares.
    static let transparencyKinds: [TransparencyRoute.Kind: Access] = [
        .query: .role(.reader),
        .audit: .role(.auditor),
    ]

    /// The daemon's own routes in front of the ledger's API, by method and path.
    static let administration: [String: Access] = [
        "POST \(ReloadReport.path)": .role(.admin),
        // Loads a whole other ledger's history, refusing commands until it is in: the daemon's owner decides.
        "POST \(ImportRequest.path)": .role(.admin),
        // Counts and timings only, no entry of the ledger: whoever may read the ledger may read them.
        "GET \(MetricsRoute.path)": .role(.reader),
    ]

    /// The paths of `administration`, so that other requests do not build its "METHOD path" key.
    private static let administrationPaths = Set(administration.keys.map { $0.drop { $0 != " " }.dropFirst() })

    static func access(method: HTTPMethod, path: String) -> Access {
        if administrationPaths.contains(path[...]), let access = administration["\(method) \(path)"] { return access }
        let transparencyMethod = method == .HEAD ? "GET" : "\(method)"
        if let (route, _) = TransparencyRoute.match(method: transparencyMethod, path: path) {
            return transparencyKinds[route.kind] ?? .role(.admin)
        }
        switch method {
        case .GET, .HEAD:
            let segments = path.split(separator: "/")
            guard segments.count >= 2, segments[0] == "v1" else { return .role(.admin) }
            return queries[String(segments[1])] ?? .role(.admin)
        case .POST:
            if path == BatchRoute.path { return batch }
            guard let (route, _) = CommandRoute.match(path: path) else { return .role(.admin) }
            return commands[route.commandName] ?? commandDefault
        default:
            return .role(.admin)
        }
    }
}
