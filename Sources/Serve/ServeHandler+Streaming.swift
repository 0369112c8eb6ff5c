import Engine
import Sampling
import Hummingbird
import NIOCore

extension ServeHandler {
    /// Streams `prepared` as server-sent events: chat choices first get a `role` chunk, then text chunks as tokens
    /// come, then a chunk with `finish_reason`; with `include_usage`, a last chunk with no choices carries `usage`;
    /// the stream ends with `data: [DONE]`. An engine failure is sent as an `{"error": …}` event before `[DONE]`.
    /// When the client goes away (its side of the connection closes, or a write fails) the session is closed at once.
    func stream(_ prepared: PreparedGeneration, answer: Answer, channel: (any Channel)?,
                writer: inout any ResponseBodyWriter) async throws {
        let session = live.makeSession()
        defer { session.close() }
        let (events, continuation) = AsyncStream<ChoiceEvent>.makeStream()
        let pages = prepared.worstCasePages(positionsPerPage: positionsPerPage)
        let driver = Task { [reservations] () -> Result<[ChoiceOutcome], OpenAIError> in
            defer { continuation.finish() }
            do {
                try await reservations.reserve(pages)
            } catch {
                return .failure(OpenAIError(status: .serviceUnavailable, message: "The request was cancelled while "
                    + "waiting for KV memory.", type: "server_error", code: "cancelled"))
            }
            defer {
                session.close()  // its pages are back in the pool before the reservation is released
                reservations.release(pages)
            }
            do throws(OpenAIError) {
                let count = countTokens
                return .success(try await Self.run(prepared, in: session, onEvent: { event in
                    count(event)
                    continuation.yield(event)
                }))
            } catch {
                return .failure(error)
            }
        }
        // A client that leaves has its session closed (a request still waiting for pages leaves the queue).
        let watcher = ClientDepartureWatcher.watch(channel) {
            session.close()
            driver.cancel()
        }
        defer { watcher.stop() }
        do {
            // Cancellation (the grace period of a shutdown ran out) also stops the session.
            try await withTaskCancellationHandler {
                try await writeEvents(events, prepared: prepared, answer: answer, driver: driver, session: session,
                                      writer: &writer)
            } onCancel: {
                session.close()
                driver.cancel()
            }
        } catch {
            session.close()
            _ = await driver.value
            throw error
        }
        try await writer.finish(nil)
    }

    private func writeEvents(_ events: AsyncStream<ChoiceEvent>, prepared: PreparedGeneration, answer: Answer,
                             driver: Task<Result<[ChoiceOutcome], OpenAIError>, Never>, session: any LiveSession,
                             writer: inout any ResponseBodyWriter) async throws {
        var chunks = ChunkMaker(answer: answer, formatter: logprobsFormatter,
                                withLogprobs: prepared.request.topLogProbabilities != nil)
        if answer.endpoint == .chat {
            for index in 0..<prepared.choiceCount { try await writer.write(chunks.role(index)) }
        }
        var completionTokens = 0
        for await event in events {
            switch event {
            case let .logprobs(choice, entry):
                chunks.pending[choice, default: []].append(entry)
            case let .text(choice, text):
                try await writer.write(chunks.text(choice, text))
            case let .finished(outcome, remainder):
                if !remainder.isEmpty { try await writer.write(chunks.text(outcome.index, remainder)) }
                try await writer.write(chunks.finish(outcome.index, reason: outcome.finishReason))
                completionTokens += outcome.completionTokens
            }
        }
        if case let .failure(error) = await driver.value {
            try await writer.write(ServerSentEvents.frame(error.body))
        } else if prepared.includeUsage {
            try await writer.write(chunks.usage(usage(prepared, completionTokens: completionTokens, session: session)))
        }
        try await writer.write(ServerSentEvents.done)
    }
}

/// The chunks of one streamed answer. With log-probabilities, each text chunk carries those of the tokens
/// received since the choice's previous chunk (a token whose text is held back, e.g. part of a character or of a
/// possible stop string, is reported with the chunk that shows its text, or with the choice's last chunk).
struct ChunkMaker {
    let answer: ServeHandler.Answer
    let formatter: LogprobsFormatter
    let withLogprobs: Bool
    /// Log-probabilities received and not yet sent, by choice.
    var pending: [Int: [TokenLogProbabilities]] = [:]
    /// Text offset (Unicode scalars) of each choice's next token, for the completions shape.
    private var offsets: [Int: Int] = [:]

    init(answer: ServeHandler.Answer, formatter: LogprobsFormatter, withLogprobs: Bool) {
        self.answer = answer
        self.formatter = formatter
        self.withLogprobs = withLogprobs
    }

    func role(_ index: Int) throws -> ByteBuffer {
        try ServerSentEvents.frame(chat([.init(index: index, delta: .init(role: "assistant", content: ""))]))
    }

    mutating func text(_ index: Int, _ text: String) throws -> ByteBuffer {
        switch answer.endpoint {
        case .chat:
            return try ServerSentEvents.frame(chat([.init(index: index, delta: .init(content: text),
                                                          logprobs: takeChat(index))]))
        case .completions:
            return try ServerSentEvents.frame(completion([.init(index: index, text: text,
                                                                logprobs: takeCompletion(index))]))
        }
    }

    mutating func finish(_ index: Int, reason: String) throws -> ByteBuffer {
        switch answer.endpoint {
        case .chat:
            let logprobs = pending[index].map { _ in takeChat(index) } ?? nil
            return try ServerSentEvents.frame(chat([.init(index: index, delta: .init(), finishReason: reason,
                                                          logprobs: logprobs)]))
        case .completions:
            let logprobs = pending[index].map { _ in takeCompletion(index) } ?? nil
            return try ServerSentEvents.frame(completion([.init(index: index, text: "", finishReason: reason,
                                                                logprobs: logprobs)]))
        }
    }

    private mutating func takeChat(_ index: Int) -> ChatLogprobs? {
        guard withLogprobs else { return nil }
        return formatter.chat(pending.removeValue(forKey: index) ?? [])
    }

    private mutating func takeCompletion(_ index: Int) -> CompletionLogprobs? {
        guard withLogprobs else { return nil }
        var offset = offsets[index] ?? 0
        defer { offsets[index] = offset }
        return formatter.completion(pending.removeValue(forKey: index) ?? [], offset: &offset)
    }

    func usage(_ usage: Usage) throws -> ByteBuffer {
        switch answer.endpoint {
        case .chat: return try ServerSentEvents.frame(chat([], usage: usage))
        case .completions: return try ServerSentEvents.frame(completion([], usage: usage))
        }
    }

    private func chat(_ choices: [ChatCompletionChunk.Choice], usage: Usage? = nil) -> ChatCompletionChunk {
        ChatCompletionChunk(id: answer.id, created: answer.created, model: answer.model, choices: choices, usage: usage)
    }

    private func completion(_ choices: [CompletionChunk.Choice], usage: Usage? = nil) -> CompletionChunk {
        CompletionChunk(id: answer.id, created: answer.created, model: answer.model, choices: choices, usage: usage)
    }
}
