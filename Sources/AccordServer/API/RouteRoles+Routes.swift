import AccordAPI

/// A route as the roles table knows it: its method and its path, with `{id}` or `{position}` where a segment is
/// free and a query string where one selects it (the follow stream).
public struct DeclaredRoute: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var pathTemplate: String
    /// The command a POST route records, when it is a command route.
    public var commandName: String?

    public var description: String { "\(method) \(pathTemplate)" }
}

extension RouteRoles {
    /// Every route the table gives a role to: each query resource, alone and with an id, the follow stream, each
    /// command route, the batch, the checkpoint, proof and verification routes, and the daemon's own.
    public static var routes: [DeclaredRoute] {
        let queryRoutes = queries.keys.sorted().flatMap { resource in
            [
                DeclaredRoute(method: "GET", pathTemplate: "/v1/\(resource)"),
                DeclaredRoute(method: "GET", pathTemplate: "/v1/\(resource)/{id}"),
            ]
        }
        // The follow stream is the events resource with follow=true (its role is that of "events").
        let follow = DeclaredRoute(method: "GET", pathTemplate: "/v1/events?follow=true")
        let commandRoutes = CommandRoute.all.map {
            DeclaredRoute(method: "POST", pathTemplate: $0.pathTemplate, commandName: $0.commandName)
        }
        let batch = DeclaredRoute(method: "POST", pathTemplate: BatchRoute.path)
        let transparency = TransparencyRoute.all.map { DeclaredRoute(method: $0.method, pathTemplate: $0.pathTemplate) }
        let daemon = administration.keys.sorted().map { key in
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            return DeclaredRoute(method: parts[0], pathTemplate: parts[1])
        }
        return queryRoutes + [follow] + commandRoutes + [batch] + transparency + daemon
    }
}
