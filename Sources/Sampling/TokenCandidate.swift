/// One token still in the running during sampling: its id and its (possibly transformed) logit.
public struct TokenCandidate: Sendable, Equatable {
    public var id: Int
    public var logit: Float
    public init(id: Int, logit: Float) {
        self.id = id
        self.logit = logit
    }
}
