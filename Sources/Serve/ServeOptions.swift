/// Limits and names of a ``ServeHandler``.
public struct ServeOptions: Sendable {
    /// The id clients pass as `model` (and the only entry of `GET /v1/models`).
    public var modelName: String
    /// SHA-256 of the model file (hex), reported in `system_fingerprint` (its first 16 digits) and logs; nil when
    /// not computed.
    public var modelSHA256: String?
    /// Largest request body accepted, in bytes; larger bodies get 413.
    public var maxBodyBytes: Int
    /// Most choices (`n` × prompts) one request may ask for.
    public var maxChoicesPerRequest: Int
    /// Most sequences admitted at once over all requests (running or waiting for the batch); a request that does
    /// not fit in what is left gets 429 with `Retry-After`.
    public var maxAdmittedSequences: Int
    /// Seconds a client refused with 429 is told to wait.
    public var retryAfterSeconds: Int
    /// The window of `reckon_generation_tokens_per_second` (see ``ServeMetrics``).
    public var tokenRateWindow: Duration = .seconds(10)

    public init(modelName: String = "reckon", modelSHA256: String? = nil, maxBodyBytes: Int = 1 << 20,
                maxChoicesPerRequest: Int = 64, maxAdmittedSequences: Int = 256, retryAfterSeconds: Int = 1) {
        self.modelName = modelName
        self.modelSHA256 = modelSHA256
        self.maxBodyBytes = maxBodyBytes
        self.maxChoicesPerRequest = maxChoicesPerRequest
        self.maxAdmittedSequences = maxAdmittedSequences
        self.retryAfterSeconds = retryAfterSeconds
    }
}
