import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered the way OpenAI writes them: `{"error": {"message", "type", "param", "code"}}` with an HTTP
/// status. `param` names the offending request field (nil when no single field is at fault).
public struct OpenAIError: HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    /// OpenAI's error family: `invalid_request_error`, `not_found_error`, `rate_limit_error`, `server_error`, …
    public var type: String
    public var param: String?
    public var code: String?
    /// Seconds a client should wait before retrying (sent as `Retry-After` and `retry-after-ms`), for 429 and 503.
    public var retryAfterSeconds: Int?
    /// Answer with `Connection: close` (the server is going away, so the client should not reuse the connection).
    public var closeConnection: Bool

    public init(status: HTTPResponse.Status, message: String, type: String, param: String? = nil, code: String? = nil,
                retryAfterSeconds: Int? = nil, closeConnection: Bool = false) {
        self.closeConnection = closeConnection
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// 400 for a request that is well-formed JSON but asks for something unusable.
    public static func invalid(_ message: String, param: String?, code: String? = "invalid_value") -> OpenAIError {
        OpenAIError(status: .badRequest, message: message, type: "invalid_request_error", param: param, code: code)
    }

    /// The JSON body sent to the client.
    public var body: Body { Body(error: .init(message: message, type: type, param: param, code: code)) }

    public struct Body: Codable, Sendable, Equatable {
        public var error: Detail
        public struct Detail: Codable, Sendable, Equatable {
            public var message: String
            public var type: String
            public var param: String?
            public var code: String?

            // `param` and `code` are written as null when absent, as OpenAI does.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(message, forKey: .message)
                try container.encode(type, forKey: .type)
                try container.encode(param, forKey: .param)
                try container.encode(code, forKey: .code)
            }
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfterSeconds {
            headers[.retryAfter] = String(retryAfterSeconds)
            headers[HTTPField.Name("retry-after-ms")!] = String(retryAfterSeconds * 1000)
        }
        if closeConnection { headers[.connection] = "close" }
        let data = try JSONEncoder().encode(body)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
