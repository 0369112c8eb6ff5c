import Engine
import Foundation

/// Turns a 2xx response body into a `GenerationResult`, or says what was wrong with it.
enum RemoteResponseDecoding {
    /// - Parameters:
    ///   - body: the response bytes.
    ///   - api: which endpoint answered.
    ///   - requestedStops: the request's stop strings (to interpret `finish_reason: "stop"`).
    ///   - promptTokens: the prompt's token ids when the caller sent ids, else empty.
    static func result(from body: [UInt8], api: RemoteAPI, requestedStops: [String],
                       promptTokens: [Int]) throws(RemoteFailure) -> GenerationResult {
        let text: String
        let finishReason: String?
        let stopReason: RemoteStopReason
        let logprobs: RemoteLogProbabilities?
        let usage: RemoteUsage
        do {
            let decoder = JSONDecoder()
            switch api {
            case .completions:
                let response = try decoder.decode(CompletionResponseBody.self, from: Data(body))
                guard let choice = response.choices.first else { throw RemoteFailure.malformed("choices is empty") }
                (text, finishReason, stopReason, logprobs) = (choice.text, choice.finishReason, choice.stopReason, choice.logprobs)
                usage = response.usage
            case .chat:
                let response = try decoder.decode(ChatCompletionResponseBody.self, from: Data(body))
                guard let choice = response.choices.first else { throw RemoteFailure.malformed("choices is empty") }
                (text, finishReason, stopReason, logprobs) =
                    (choice.message.content ?? "", choice.finishReason, choice.stopReason, choice.logprobs)
                usage = response.usage
            }
        } catch let error as RemoteFailure {
            throw error
        } catch let error as DecodingError {
            throw .malformed(describe(error))
        } catch {
            throw .malformed("\(error)")
        }
        guard let finishReason else { throw .malformed("choices[0].finish_reason is missing or null") }
        return GenerationResult(
            promptTokens: promptTokens, promptTokenCount: usage.promptTokens, tokens: [],
            generatedTokenCount: usage.completionTokens, text: text,
            finishReason: FinishReason(remote: finishReason, stopReason: stopReason, requestedStops: requestedStops),
            tokenLogProbabilities: logprobs?.values ?? [])
    }

    /// "missing choices[0].text", "expected String at usage.prompt_tokens", …
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (last.map { [$0] } ?? [])
            guard !keys.isEmpty else { return "the top level" }
            var result = ""
            for key in keys {
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += (result.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return result
        }
        switch error {
        case let .keyNotFound(key, context):
            return "missing \(path(context.codingPath, key))"
        case let .valueNotFound(type, context):
            return "null where \(type) was expected at \(path(context.codingPath))"
        case let .typeMismatch(type, context):
            return "expected \(type) at \(path(context.codingPath))"
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty { return "the body is not valid JSON" }
            return "unreadable value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
