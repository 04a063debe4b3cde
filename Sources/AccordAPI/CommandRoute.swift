import Foundation

/// Where each command is sent. A route with `{id}` takes the entity's id from the path; the body may repeat it,
/// but must not contradict it.
public struct CommandRoute: Sendable, Equatable {
    public var commandName: String
    public var pathTemplate: String
    /// The body field that the `{id}` path segment fills.
    public var pathIDField: String?

    public init(commandName: String, pathTemplate: String, pathIDField: String? = nil) {
        self.commandName = commandName
        self.pathTemplate = pathTemplate
        self.pathIDField = pathIDField
    }

    /// The path for one entity; the id is percent-encoded where needed.
    public func path(id: String?) -> String {
        guard let id else { return pathTemplate }
        return pathTemplate.replacingOccurrences(of: "{id}", with: PathSegment.encode(id))
    }

    /// Every command route; all are POST.
    public static let all: [CommandRoute] = [
        CommandRoute(commandName: "institution.register", pathTemplate: "/v1/institutions"),
        CommandRoute(commandName: "site.register", pathTemplate: "/v1/sites"),
        CommandRoute(commandName: "agreement.sign", pathTemplate: "/v1/agreements"),
        CommandRoute(
            commandName: "agreement.extend",
            pathTemplate: "/v1/agreements/{id}/extend",
            pathIDField: "agreementID"
        ),
        CommandRoute(
            commandName: "agreement.add-domain",
            pathTemplate: "/v1/agreements/{id}/domains",
            pathIDField: "agreementID"
        ),
        CommandRoute(
            commandName: "agreement.terminate",
            pathTemplate: "/v1/agreements/{id}/terminate",
            pathIDField: "agreementID"
        ),
        CommandRoute(commandName: "person.register", pathTemplate: "/v1/people"),
        CommandRoute(commandName: "person.erase", pathTemplate: "/v1/people/{id}/erase", pathIDField: "personID"),
        CommandRoute(commandName: "secondment.start", pathTemplate: "/v1/secondments"),
        CommandRoute(
            commandName: "secondment.extend",
            pathTemplate: "/v1/secondments/{id}/extend",
            pathIDField: "secondmentID"
        ),
        CommandRoute(
            commandName: "secondment.end",
            pathTemplate: "/v1/secondments/{id}/end",
            pathIDField: "secondmentID"
        ),
        CommandRoute(commandName: "access.grant", pathTemplate: "/v1/access-grants"),
        CommandRoute(
            commandName: "access.revoke",
            pathTemplate: "/v1/access-grants/{id}/revoke",
            pathIDField: "grantID"
        ),
        CommandRoute(commandName: "meeting.record", pathTemplate: "/v1/meetings"),
        CommandRoute(commandName: "project.join", pathTemplate: "/v1/projects"),
        CommandRoute(commandName: "project.end", pathTemplate: "/v1/projects/{id}/end", pathIDField: "projectID"),
        CommandRoute(commandName: "expertise.record", pathTemplate: "/v1/expertise"),
        CommandRoute(commandName: "event.correct", pathTemplate: "/v1/corrections"),
        CommandRoute(commandName: "event.retract", pathTemplate: "/v1/retractions"),
    ]

    private static let templates = all.map { PathTemplate($0.pathTemplate, parameter: "{id}") }

    public static func named(_ commandName: String) -> CommandRoute? {
        all.first { $0.commandName == commandName }
    }

    /// Finds the route a POST path belongs to, with the id taken from the path when the route has one.
    public static func match(path: String) -> (route: CommandRoute, id: String?)? {
        let segments = PathTemplate.segments(of: path)
        for (route, template) in zip(all, templates) {
            guard let id = template.match(segments) else { continue }
            return (route, id.map { String($0).removingPercentEncoding ?? String($0) })
        }
        return nil
    }
}
