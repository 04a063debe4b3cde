import AccordAPI
import AccordServer
import Foundation
import NIOCore
import NIOHTTP1

/// The daemon's one administrative route in front of the ledger's API: `POST /v1/reload` re-reads the
/// configuration and answers only once it is in force (or why it was refused), which is what lets
/// `systemctl reload accordd` (ExecReload= runs `accord reload`) fail when the file is wrong.
struct ReloadRouteResponder: HTTPResponder {
    let api: AccordResponder
    let reloader: ConfigurationReloader

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.path == ReloadReport.path else { return await api.respond(to: request) }
        guard request.method == .POST else {
            return refusal(
                status: 405,
                code: "method_not_allowed",
                message: "reload is POST \(ReloadReport.path) (accord reload)"
            )
        }
        // The roles table says who may (admin: root and the daemon's user, under systemd where ExecReload= runs).
        if let refusal = api.refusalUnlessAuthorized(request) { return refusal }
        let body = String(decoding: request.body.readableBytesView, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.isEmpty || body == "{}" else {
            return refusal(
                status: 400,
                code: "invalid_body",
                message:
                    "POST \(ReloadReport.path) takes no body (or {}); the settings come from the configuration file"
            )
        }
        do {
            let report = try await reloader.reload()
            return HTTPResponse.json(.ok, Array(try JSONCoding.encoder.encode(report)))
        } catch let error as DaemonError {
            let status = error.code == ConfigurationReloader.inProgressCode ? 409 : 422
            return refusal(status: status, code: error.code, message: error.message)
        } catch {
            return refusal(status: 500, code: "internal_error", message: "cannot encode the reload's answer: \(error)")
        }
    }

    func refusal(status: Int, code: String, message: String) -> HTTPResponse {
        api.refusal(status: status, code: code, message: message)
    }
}
