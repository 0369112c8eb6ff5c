import Engine
import Foundation

/// Turns a 2xx response body into a `GenerationResult`, or says what was wrong with it.
enum RemoteResponseDecoding {
    /// - Parameters:
    ///   - body: the response bytes.
    ///   - api: which endpoint answered.
    ///   - requestedStops: the request's stop strings (to interpret `finish_reason: "stop"`).
    ///   - promptTokens: the prompt's token ids when the caller sent ids, else empty.
    ///   - expectedChoices: the request's `n`; a response with another number of choices is malformed.
    /// - Returns: one result per choice, ordered by the choices' `index`. With several choices, each one's generated
    ///   token count is its number of log-probabilities when the server sent them, else `usage.completion_tokens`
    ///   shared out evenly (servers report usage for the whole request only).
    static func results(from body: [UInt8], api: RemoteAPI, requestedStops: [String], promptTokens: [Int],
                        expectedChoices: Int = 1) throws(RemoteFailure) -> [GenerationResult] {
        switch api {
        case .completions:
            return try results(from: body, as: RemoteResponseBody<CompletionChoiceText>.self,
                               requestedStops: requestedStops, promptTokens: promptTokens, expectedChoices: expectedChoices)
        case .chat:
            return try results(from: body, as: RemoteResponseBody<ChatChoiceText>.self,
                               requestedStops: requestedStops, promptTokens: promptTokens, expectedChoices: expectedChoices)
        }
    }

    private static func results<Text>(from body: [UInt8], as _: RemoteResponseBody<Text>.Type, requestedStops: [String],
                                      promptTokens: [Int], expectedChoices: Int) throws(RemoteFailure) -> [GenerationResult] {
        var choices: [RemoteResponseBody<Text>.Choice]
        let usage: RemoteUsage
        do {
            let response = try JSONDecoder().decode(RemoteResponseBody<Text>.self, from: Data(body))
            (choices, usage) = (response.choices, response.usage)
        } catch let error as DecodingError {
            throw .malformed(describe(error))
        } catch {
            throw .malformed("\(error)")
        }
        guard !choices.isEmpty else { throw .malformed("choices is empty") }
        guard choices.count == expectedChoices else {
            throw .malformed("expected \(expectedChoices) choice(s) (n = \(expectedChoices)), got \(choices.count)")
        }
        choices.sort { ($0.index ?? 0) < ($1.index ?? 0) }
        let everyChoiceHasLogprobs = choices.allSatisfy { !($0.logprobs?.values.isEmpty ?? true) }
        var results: [GenerationResult] = []
        for (position, choice) in choices.enumerated() {
            guard let finishReason = choice.finishReason else {
                throw .malformed("choices[\(position)].finish_reason is missing or null")
            }
            let generated: Int
            if choices.count == 1 {
                generated = usage.completionTokens
            } else if everyChoiceHasLogprobs {
                generated = choice.logprobs!.values.count
            } else {
                let share = usage.completionTokens / choices.count
                generated = share + (position < usage.completionTokens % choices.count ? 1 : 0)
            }
            results.append(GenerationResult(
                promptTokens: promptTokens, promptTokenCount: usage.promptTokens, tokens: [],
                generatedTokenCount: generated, text: choice.text,
                finishReason: FinishReason(remote: finishReason, stopReason: choice.stopReason,
                                           requestedStops: requestedStops),
                tokenLogProbabilities: choice.logprobs?.values ?? []))
        }
        return results
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
