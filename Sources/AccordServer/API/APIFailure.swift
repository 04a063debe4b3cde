import AccordAPI
import AccordDomain
import AccordEngine
import AccordLog
import Foundation
import NIOHTTP1

/// An error answer on its way out: an HTTP status that means it, and the stable JSON error body.
struct APIFailure: Error {
    var status: HTTPResponseStatus
    var error: APIError

    init(
        status: HTTPResponseStatus,
        code: String,
        message: String,
        field: String? = nil,
        id: String? = nil,
        role: Role? = nil
    ) {
        self.status = status
        self.error = APIError(code: code, message: message, field: field, id: id, role: role)
    }

    init(status: HTTPResponseStatus, error: APIError) {
        self.status = status
        self.error = error
    }

    var response: HTTPResponse {
        let bytes =
            (try? JSONCoding.encoder.encode(ErrorEnvelope(error: error)))
            ?? Data(#"{"error":{"code":"internal_error","message":"unencodable error"}}"#.utf8)
        var response = HTTPResponse.json(status, Array(bytes))
        response.errorCode = error.code
        return response
    }

    /// A refused command: 404 for an unknown id, 409 for a conflict, 422 for a broken rule or invalid value.
    init(_ engineError: EngineError) {
        switch engineError.kind {
        case .rejected(let rejection):
            let status: HTTPResponseStatus
            switch rejection.kind {
            case .notFound: status = .notFound
            case .conflict: status = .conflict
            case .invalid, .ruleViolated: status = .unprocessableEntity
            }
            self.init(
                status: status,
                code: rejection.code,
                message: engineError.message,
                field: rejection.field,
                id: rejection.id
            )
        case .requestIDReused:
            self.init(
                status: .unprocessableEntity,
                code: engineError.code,
                message: engineError.message,
                field: HeaderNames.idempotencyKey
            )
        case .requestInProgress:
            self.init(
                status: .conflict,
                code: engineError.code,
                message: engineError.message,
                field: HeaderNames.idempotencyKey
            )
        case .invalidRequest(let field):
            self.init(status: .unprocessableEntity, code: engineError.code, message: engineError.message, field: field)
        case .storage where engineError.code == LogErrorCode.readOnly || engineError.code == ImportErrorCode.unfinished:
            self.init(status: .conflict, code: engineError.code, message: engineError.message)
        case .storage:
            self.init(status: .serviceUnavailable, code: engineError.code, message: engineError.message)
        }
    }

    /// A body that is not the command's JSON: names the field and what was wrong with it.
    init(decoding error: any Error, commandName: String) {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            self.init(
                status: .badRequest,
                code: "missing_field",
                message: "\(commandName): field \"\(field)\" is required",
                field: field
            )
        case DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty,
            DecodingError.valueNotFound(_, let context) where context.codingPath.isEmpty:
            self.init(
                status: .badRequest,
                code: "invalid_body",
                message: "\(commandName): the body must be a JSON object with the command's fields (see docs/api.md)"
            )
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            self.init(
                status: .badRequest,
                code: "invalid_field",
                message: "\(commandName): field \"\(field)\" has the wrong type: \(context.debugDescription)",
                field: field
            )
        case DecodingError.dataCorrupted(let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            if field.isEmpty {
                self.init(
                    status: .badRequest,
                    code: "invalid_json",
                    message: "\(commandName): the body is not valid JSON: \(context.debugDescription)"
                )
            } else {
                self.init(
                    status: .badRequest,
                    code: "invalid_field",
                    message: "\(commandName): field \"\(field)\": \(context.debugDescription)",
                    field: field
                )
            }
        case let rejection as Rejection:
            self.init(
                status: .badRequest,
                code: rejection.code,
                message: "\(commandName): \(rejection.message)",
                field: rejection.field,
                id: rejection.id
            )
        default:
            self.init(status: .badRequest, code: "invalid_body", message: "\(commandName): \(error)")
        }
    }
}
