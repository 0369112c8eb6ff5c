import Engine
import AsyncHTTPClient

/// Generates through an OpenAI-compatible HTTP server (vLLM, llama.cpp's `llama-server`, …), so that the same
/// evaluation can run on a bigger machine than this one.
///
/// By default each seed becomes one request (`n` = 1, `seed` = that seed), so every sample can be regenerated on its
/// own (what resuming a run needs). With `choicesPerRequest` > 1, consecutive seeds are grouped and each group is one
/// request asking for `n` choices with the group's first seed: fewer round trips and a shared prompt on the server,
/// but a sample then depends on its group. Requests are sent concurrently, at most `maxConcurrency` at a time.
/// Failed requests are retried (connection errors, timeouts, HTTP 429 and 5xx) with exponential backoff and seeded
/// jitter, honouring `Retry-After`; other failures end the call with `EngineError.remote(url:reason:)`.
///
/// Remote results carry token counts (`promptTokenCount`, `generatedTokenCount` from the server's `usage`) but no
/// token ids, except `promptTokens` for a `.tokens` prompt. `parseSpecial` and `addSpecial` are not sent: the server
/// tokenizes as it is configured to. Whether a server honours `seed` exactly (so that a sample can be regenerated)
/// depends on the server; vLLM does, llama.cpp does for one slot.
public struct RemoteGenerator: TextGenerating {
    /// The API root, e.g. `http://127.0.0.1:8080/v1` (endpoints are appended to it).
    public let baseURL: String
    /// The `model` field of every request.
    public let modelName: String
    public let api: RemoteAPI
    /// Longest wait for one complete response (head and body); a slower attempt counts as failed.
    public let timeout: Duration
    /// Further attempts after the first failed one (≥ 0).
    public let maxRetries: Int
    public let backoff: RemoteBackoff
    /// Sent as `Authorization: Bearer <apiKey>` when present.
    public let apiKey: String?
    /// Most requests in flight at once for one `generate` call (≥ 1).
    public let maxConcurrency: Int
    /// Ask the server for each generated token's log-probability.
    public let requestsLogProbabilities: Bool
    /// Samples asked for per request (OpenAI's `n`, ≥ 1).
    public let choicesPerRequest: Int
    /// Called before each retry (from the task running the request), so a caller can show it.
    public let onRetry: (@Sendable (RemoteRetry) -> Void)?
    let httpClient: HTTPClient

    /// - Parameters:
    ///   - baseURL: the API root, e.g. `http://127.0.0.1:8080/v1`.
    ///   - modelName: the server's name for the model (`GET {baseURL}/models` lists them).
    ///   - api: `.completions` (text or token prompts, no template) or `.chat` (the server applies its template;
    ///     a text prompt becomes one user message).
    ///   - timeout: per attempt.
    ///   - maxRetries: retries after a retryable failure; 0 tries once.
    ///   - backoff: delays between attempts.
    ///   - apiKey: bearer token, if the server wants one.
    ///   - maxConcurrency: requests in flight at once.
    ///   - requestsLogProbabilities: send `logprobs` (1 for completions, `true` for chat).
    ///   - choicesPerRequest: `n` of each request; seeds are grouped by this many.
    ///   - httpClient: the client to send with; ``defaultHTTPClient`` (fails an attempt at once when no connection
    ///     can be made) by default.
    ///   - onRetry: told about each retry before its wait.
    public init(baseURL: String, modelName: String, api: RemoteAPI = .completions, timeout: Duration = .seconds(120),
                maxRetries: Int = 3, backoff: RemoteBackoff = RemoteBackoff(), apiKey: String? = nil,
                maxConcurrency: Int = 4, requestsLogProbabilities: Bool = true, choicesPerRequest: Int = 1,
                httpClient: HTTPClient = RemoteGenerator.defaultHTTPClient, onRetry: (@Sendable (RemoteRetry) -> Void)? = nil) {
        self.baseURL = baseURL
        self.modelName = modelName
        self.api = api
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.backoff = backoff
        self.apiKey = apiKey
        self.maxConcurrency = maxConcurrency
        self.requestsLogProbabilities = requestsLogProbabilities
        self.choicesPerRequest = choicesPerRequest
        self.httpClient = httpClient
        self.onRetry = onRetry
    }

    public var modelIdentifier: String { "\(baseURL) model=\(modelName)" }

    /// The full URL requests go to: `baseURL` (without a trailing `/`) + `/` + `api.path`.
    public var endpoint: String {
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        return root + "/" + api.path
    }

    public func generate(_ request: GenerationRequest, seeds: [UInt64]) async throws(EngineError) -> [GenerationResult] {
        try validate(request)
        guard !seeds.isEmpty else { return [] }
        guard choicesPerRequest >= 1 else {
            throw .invalidRequest("choicesPerRequest must be ≥ 1, got \(choicesPerRequest)")
        }
        let groups = stride(from: 0, to: seeds.count, by: choicesPerRequest).map {
            Array(seeds[$0..<min($0 + choicesPerRequest, seeds.count)])
        }
        var bodies: [[UInt8]] = []
        for group in groups { bodies.append(try requestBody(for: request, seed: group[0], choices: group.count)) }
        let promptTokens: [Int]
        if case let .tokens(ids) = request.prompt { promptTokens = ids } else { promptTokens = [] }
        let outcome = await generateAll(
            bodies: bodies, groups: groups, requestedStops: request.stop, promptTokens: promptTokens)
        return try outcome.get()
    }

    /// Runs one request per body, at most `maxConcurrency` at a time; the first failure cancels the rest.
    private func generateAll(bodies: [[UInt8]], groups: [[UInt64]], requestedStops: [String],
                             promptTokens: [Int]) async -> Result<[GenerationResult], EngineError> {
        await withTaskGroup(of: (Int, Result<[GenerationResult], EngineError>).self) { group in
            var results = [[GenerationResult]?](repeating: nil, count: bodies.count)
            var next = 0
            func startNext() {
                let index = next
                next += 1
                group.addTask {
                    (index, await self.sample(body: bodies[index], stream: groups[index][0], choices: groups[index].count,
                                              requestedStops: requestedStops, promptTokens: promptTokens))
                }
            }
            while next < min(maxConcurrency, bodies.count) { startNext() }
            while let (index, result) = await group.next() {
                switch result {
                case let .success(value):
                    results[index] = value
                    if next < bodies.count { startNext() }
                case let .failure(error):
                    group.cancelAll()
                    return .failure(error)
                }
            }
            return .success(results.flatMap { $0! })
        }
    }
}
