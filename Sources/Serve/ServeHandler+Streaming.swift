import Engine
import Hummingbird
import NIOCore

extension ServeHandler {
    /// Streams `prepared` as server-sent events: chat choices first get a `role` chunk, then text chunks as tokens
    /// come, then a chunk with `finish_reason`; with `include_usage`, a last chunk with no choices carries `usage`;
    /// the stream ends with `data: [DONE]`. An engine failure is sent as an `{"error": …}` event before `[DONE]`.
    /// When the client goes away (its inbound side closes, or a write fails) the session is closed at once.
    func stream(_ prepared: PreparedGeneration, answer: Answer, inbound: RequestBody,
                writer: inout any ResponseBodyWriter) async throws {
        let session = live.makeSession()
        defer { session.close() }
        let (events, continuation) = AsyncStream<ChoiceEvent>.makeStream()
        let driver = Task { () -> Result<[ChoiceOutcome], OpenAIError> in
            defer { continuation.finish() }
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
        do {
            // Cancellation (the grace period of a shutdown ran out) also stops the session.
            try await withTaskCancellationHandler {
                try await inbound.consumeWithInboundCloseHandler({ _ in
                    try await writeEvents(events, prepared: prepared, answer: answer, driver: driver, session: session,
                                          writer: &writer)
                }, onInboundClosed: { session.close() })
            } onCancel: {
                session.close()
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
        let chunks = ChunkMaker(answer: answer)
        if answer.endpoint == .chat {
            for index in 0..<prepared.choiceCount { try await writer.write(chunks.role(index)) }
        }
        var completionTokens = 0
        for await event in events {
            switch event {
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

/// The chunks of one streamed answer.
struct ChunkMaker {
    let answer: ServeHandler.Answer

    func role(_ index: Int) throws -> ByteBuffer {
        try ServerSentEvents.frame(chat([.init(index: index, delta: .init(role: "assistant", content: ""))]))
    }

    func text(_ index: Int, _ text: String) throws -> ByteBuffer {
        switch answer.endpoint {
        case .chat: return try ServerSentEvents.frame(chat([.init(index: index, delta: .init(content: text))]))
        case .completions: return try ServerSentEvents.frame(completion([.init(index: index, text: text)]))
        }
    }

    func finish(_ index: Int, reason: String) throws -> ByteBuffer {
        switch answer.endpoint {
        case .chat:
            return try ServerSentEvents.frame(chat([.init(index: index, delta: .init(), finishReason: reason)]))
        case .completions:
            return try ServerSentEvents.frame(completion([.init(index: index, text: "", finishReason: reason)]))
        }
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
