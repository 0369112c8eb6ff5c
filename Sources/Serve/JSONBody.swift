import Foundation
import Hummingbird
import NIOCore

/// Reading a JSON request body, with every failure as an ``OpenAIError``.
enum JSONBody {
    /// The body decoded as `T`: 413 when it is larger than `limit` bytes, 400 when it is not JSON (`param` nil),
    /// when a field has the wrong type or a required field is missing (`param` names the field).
    static func decode<T: Decodable>(_ type: T.Type, from request: inout Request, limit: Int) async throws -> T {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw tooLarge(limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge(limit)
        }
        return try decode(type, from: Data(buffer.readableBytesView))
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(OpenAIError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw openAIError(error)
        } catch {
            throw .invalid("We could not parse the JSON body of your request.", param: nil, code: "invalid_json")
        }
    }

    static func tooLarge(_ limit: Int) -> OpenAIError {
        OpenAIError(status: .contentTooLarge, message: "The request body is larger than the \(limit) bytes this server "
            + "accepts: send a shorter prompt.", type: "invalid_request_error", param: nil, code: "request_too_large")
    }

    /// `messages[0].content` style path.
    static func path(_ codingPath: [any CodingKey]) -> String? {
        guard !codingPath.isEmpty else { return nil }
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    static func openAIError(_ error: DecodingError) -> OpenAIError {
        switch error {
        case let .dataCorrupted(context):
            guard let param = path(context.codingPath) else {
                return .invalid("We could not parse the JSON body of your request: it is not valid JSON. "
                    + "(HINT: send a JSON object as the body.)", param: nil, code: "invalid_json")
            }
            return .invalid("Invalid value for '\(param)': \(context.debugDescription)", param: param)
        case let .typeMismatch(_, context):
            guard let param = path(context.codingPath) else {
                return .invalid("The request body must be a JSON object.", param: nil, code: "invalid_json")
            }
            return .invalid("Invalid type for '\(param)': \(typeHint(context))", param: param, code: "invalid_type")
        case let .valueNotFound(_, context):
            let param = path(context.codingPath)
            return .invalid("Invalid type for '\(param ?? "body")': expected a value, got null", param: param,
                            code: "invalid_type")
        case let .keyNotFound(key, context):
            let param = path(context.codingPath + [key]) ?? key.stringValue
            return .invalid("Missing required parameter: '\(param)'.", param: param, code: "missing_required_parameter")
        @unknown default:
            return .invalid("We could not parse the JSON body of your request.", param: nil, code: "invalid_json")
        }
    }

    private static func typeHint(_ context: DecodingError.Context) -> String {
        let hint = context.debugDescription
        return hint.hasPrefix("expected") ? hint : "the value has the wrong JSON type"
    }
}
