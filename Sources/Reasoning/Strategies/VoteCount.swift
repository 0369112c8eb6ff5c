/// Groups samples by answer key and picks a winner by total weight. Abstentions (`nil` keys) never vote.
struct VoteCount {
    /// One answer's group.
    struct Group {
        var key: String
        var weight: Double
        var votes: Int
        /// Position (in the voting order) of the group's first member.
        var firstPosition: Int
        /// The group's shortest member's generated tokens.
        var shortestLength: Int
        /// Whether the group's first member was graded correct (all members share a verdict when keys come from
        /// ``AnswerKey/key(verdict:goldKey:)``).
        var correct: Bool
    }

    /// How a tie in total weight is broken.
    enum TieBreak {
        /// The group whose first member came first.
        case earliest
        /// The group with the shortest member (then the earliest).
        case shortest
    }

    private(set) var groups: [Group] = []
    private var indexByKey: [String: Int] = [:]
    private var position = 0

    init() {}

    /// Counts `samples` in order, each with `weight(sample)`.
    init(_ samples: some Sequence<SampleRecord>, weight: (SampleRecord) -> Double = { _ in 1 }) {
        for sample in samples { add(sample, weight: weight(sample)) }
    }

    mutating func add(_ sample: SampleRecord, weight: Double = 1) {
        defer { position += 1 }
        guard let key = sample.answerKey else { return }
        if let index = indexByKey[key] {
            groups[index].weight += weight
            groups[index].votes += 1
            groups[index].shortestLength = min(groups[index].shortestLength, sample.generatedTokens)
        } else {
            indexByKey[key] = groups.count
            groups.append(
                Group(
                    key: key, weight: weight, votes: 1, firstPosition: position,
                    shortestLength: sample.generatedTokens, correct: sample.isCorrect))
        }
    }

    /// The heaviest group (ties broken by `tieBreak`), or `nil` when every sample abstained.
    func winner(tieBreak: TieBreak = .earliest) -> Group? {
        groups.min { a, b in
            if a.weight != b.weight { return a.weight > b.weight }
            if tieBreak == .shortest, a.shortestLength != b.shortestLength { return a.shortestLength < b.shortestLength }
            return a.firstPosition < b.firstPosition
        }
    }

    /// The largest and second-largest vote counts (0 when absent).
    var topTwoVotes: (leader: Int, runnerUp: Int) {
        var first = 0, second = 0
        for group in groups {
            if group.votes > first { (first, second) = (group.votes, first) } else if group.votes > second { second = group.votes }
        }
        return (first, second)
    }
}
