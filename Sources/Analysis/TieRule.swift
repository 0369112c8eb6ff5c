/// How a majority vote whose top count is shared by several answers is scored.
public enum TieRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The winner is drawn uniformly among the tied answers, so a tie of the correct answer with t wrong
    /// answers scores 1/(t+1) in expectation. This is the unbiased choice for "break ties at random".
    case splitEvenly = "split"
    /// Any tie scores 0: the correct answer must have strictly more votes than every other answer.
    case countAsWrong = "wrong"
}
