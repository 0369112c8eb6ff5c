import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Reasoning

extension ServeHandler {
    /// Answers a request with the reasoning extension: each prompt is answered by the strategy in `session` (its
    /// samples seeded from the request's seed and their index, ``SampleSeed``), the request's token budget shared by
    /// its prompts; choice `i` is prompt `i`'s chosen sample, and the response adds a `reckon` object
    /// (``ReasoningReport``). Like every request it first reserves its worst case of KV pages
    /// (``KVPageReservations``), waiting for them if needed; a client that disconnects (`channel` closes) has its
    /// wait ended or its session closed.
    func reason(_ prepared: PreparedGeneration, answer: Answer, headers: HTTPFields, session: any LiveSession,
                channel: (any Channel)?) async throws -> Response {
        guard let plan = prepared.reasoning else { preconditionFailure("reason(_:) needs a request with 'reckon'") }
        let runner = try plan.runner()
        let requests = prepared.prompts.map { tokens in
            var request = prepared.request
            request.prompt = .tokens(tokens)
            return request
        }
        let pages = prepared.worstCasePages(positionsPerPage: positionsPerPage)
        let work = Task { [reservations] () throws -> [OnlineAnswer] in
            try await reservations.reserve(pages)
            defer {
                session.close()  // its pages are back in the pool before the reservation is released
                reservations.release(pages)
            }
            return try await withTaskCancellationHandler {
                do throws(ReasoningError) {
                    return try await runner.answer(requests, seed: prepared.seed, in: session)
                } catch {
                    throw OpenAIError(status: .internalServerError, message: error.description, type: "server_error")
                }
            } onCancel: {
                session.close()
            }
        }
        let watcher = ClientDepartureWatcher.watch(channel) { work.cancel() }
        defer { watcher.stop() }
        let answers = try await withTaskCancellationHandler {
            try await work.value
        } onCancel: {
            work.cancel()
        }
        for answer in answers { metrics.choiceFinished(tokens: answer.generatedTokens) }
        let usage = usage(prepared, completionTokens: answers.reduce(0) { $0 + $1.generatedTokens }, session: session)
        let choices: [(index: Int, text: String, finishReason: String)] = answers.enumerated().map { index, answer in
            let reason = answer.chosen.map { ["eos", "stop"].contains($0.finishReason) ? "stop" : "length" } ?? "length"
            return (index, answer.chosen?.text ?? "", reason)
        }
        let report = ReasoningReport(runner: runner, answers: answers)
        let data: Data
        switch answer.endpoint {
        case .completions:
            data = try JSONEncoder().encode(WithReasoning(base: CompletionResponse(
                id: answer.id, created: answer.created, model: answer.model, systemFingerprint: answer.fingerprint,
                choices: choices.map { CompletionResponse.Choice(index: $0.index, text: $0.text, finishReason: $0.finishReason) },
                usage: usage), reckon: report))
        case .chat:
            data = try JSONEncoder().encode(WithReasoning(base: ChatCompletionResponse(
                id: answer.id, created: answer.created, model: answer.model, systemFingerprint: answer.fingerprint,
                choices: choices.map {
                    ChatCompletionResponse.Choice(index: $0.index, message: .init(content: $0.text),
                                                  finishReason: $0.finishReason)
                },
                usage: usage), reckon: report))
        }
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The `reckon` object of a response to a request with the reasoning extension.
public struct ReasoningReport: Codable, Sendable, Equatable {
    /// The strategy as resolved, e.g. `short-m-at-k:k=8,m=3`.
    public var strategy: String
    /// Most samples per prompt, and the request's token budget (nil: none).
    public var samples: Int
    public var tokenBudget: Int?
    /// One entry per choice (prompt).
    public var choices: [Choice]

    public struct Choice: Codable, Sendable, Equatable {
        public var index: Int
        /// The chosen answer (normalized), nil when no sample's answer could be read.
        public var answer: String?
        /// Answer → samples that ended by themselves with it.
        public var votes: [String: Int]
        public var samplesStarted: Int
        public var samplesComplete: Int
        /// Samples stopped before their end, by the strategy or (`stoppedByBudget` of them) the token budget.
        public var samplesStopped: Int
        public var stoppedByBudget: Int
        /// Tokens generated for this prompt, stopped samples included.
        public var generatedTokens: Int

        enum CodingKeys: String, CodingKey {
            case index, answer, votes
            case samplesStarted = "samples_started", samplesComplete = "samples_complete"
            case samplesStopped = "samples_stopped", stoppedByBudget = "stopped_by_budget"
            case generatedTokens = "generated_tokens"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(answer, forKey: .answer)  // null when absent
            try container.encode(votes, forKey: .votes)
            try container.encode(samplesStarted, forKey: .samplesStarted)
            try container.encode(samplesComplete, forKey: .samplesComplete)
            try container.encode(samplesStopped, forKey: .samplesStopped)
            try container.encode(stoppedByBudget, forKey: .stoppedByBudget)
            try container.encode(generatedTokens, forKey: .generatedTokens)
        }
    }

    enum CodingKeys: String, CodingKey {
        case strategy, samples, choices
        case tokenBudget = "token_budget"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(strategy, forKey: .strategy)
        try container.encode(samples, forKey: .samples)
        try container.encode(tokenBudget, forKey: .tokenBudget)  // null when absent
        try container.encode(choices, forKey: .choices)
    }

    init(runner: OnlineRequestRunner, answers: [OnlineAnswer]) {
        strategy = runner.label
        samples = runner.samples
        tokenBudget = runner.tokenBudget
        choices = answers.enumerated().map { index, answer in
            Choice(index: index, answer: answer.answer, votes: answer.votes, samplesStarted: answer.samplesStarted,
                   samplesComplete: answer.samplesComplete, samplesStopped: answer.samplesStopped,
                   stoppedByBudget: answer.stoppedByBudget, generatedTokens: answer.generatedTokens)
        }
    }
}

/// A response object with a `reckon` member added beside its own.
struct WithReasoning<Base: Encodable>: Encodable {
    let base: Base
    let reckon: ReasoningReport

    private enum Key: String, CodingKey { case reckon }

    func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(reckon, forKey: .reckon)
    }
}
