/// When short-m@k, run in lockstep, knows its m finishers, and what it stops then. The replay (``ShortMAtK``)
/// and the online executor drive the same decisions, so they pick the same finishers and charge the same tokens.
///
/// Lockstep: at step t every live sample takes its t-th sampling decision. A sample that ends with g tokens by a
/// stop string, the length limit or the context's end finishes at step g; one that ends by end of sequence after
/// g tokens finishes at step g + 1 (its end is one more decision). After step t a live sample holds t tokens and
/// will end with at least t.
///
/// The finishers are the m samples with the smallest (generated tokens, sample index), as in the replay. After
/// each step, with c the m-th of the finished samples in that order:
/// - fewer than m finished: continue;
/// - c has g = t tokens and some live sample has a smaller index: that sample could still end by end of sequence
///   with t tokens at the next step and take c's place. The live samples with a larger index than c can never
///   place (they end with ≥ t tokens and come after c), so they are stopped now; the others take one more step;
/// - otherwise the finishers are known: every live sample is stopped.
/// A stopped sample is charged the tokens it holds when stopped (the step number).
struct ShortMAtKLockstep {
    /// A sample that ended by itself: its index and generated tokens.
    struct Finish: Equatable {
        var index: Int
        var tokens: Int
    }

    /// Finishers voting (≥ 1).
    let m: Int
    /// Steps taken so far.
    private(set) var step = 0
    /// Samples that ended by themselves, in the order observed.
    private(set) var finished: [Finish] = []
    /// Samples still generating.
    private(set) var live: Set<Int>
    /// Tokens held by each stopped sample when it was stopped.
    private(set) var stoppedTokens: [Int: Int] = [:]
    /// Whether the finishers are known (then nothing is live).
    private(set) var isDecided = false

    /// Starts with every index of `started` live.
    init(m: Int, started: some Sequence<Int>) {
        self.m = m
        live = Set(started)
        if live.isEmpty { isDecided = true }
    }

    /// Whether the last observation left a possible tie open, so the very next step must be observed.
    private(set) var needsNextStep = false

    /// Records the samples that ended at step `step` (> the previous one), then decides; returns the live samples
    /// to stop now, in index order. Steps in which nothing ended may be skipped only while fewer than m have
    /// finished and ``needsNextStep`` is false (a skipped step would have decided nothing).
    mutating func observe(step: Int, finishes: [Finish]) -> [Int] {
        precondition(step > self.step && !isDecided, "steps are observed in increasing order until decided")
        self.step = step
        for finish in finishes where live.remove(finish.index) != nil { finished.append(finish) }
        needsNextStep = false
        guard finished.count >= m, !live.isEmpty else {
            if live.isEmpty { isDecided = true }
            return []
        }
        let c = finishers.last!
        let tieOpen = c.tokens == step && live.contains { $0 < c.index }
        let stopping = live.filter { !tieOpen || $0 > c.index }.sorted()
        for index in stopping {
            live.remove(index)
            stoppedTokens[index] = step
        }
        if tieOpen { needsNextStep = true } else { isDecided = true }
        return stopping
    }

    /// The m finished samples with the smallest (tokens, index), in that order (all of them while fewer).
    var finishers: [Finish] {
        Array(finished.sorted { ($0.tokens, $0.index) < ($1.tokens, $1.index) }.prefix(m))
    }

    /// The step at which a sample that generated `tokens` tokens and ended for `finishReason`
    /// (`FinishReason.rawValue`) finishes in lockstep: g + 1 for `"eos"`, else g (at least 1).
    static func finishStep(tokens: Int, finishReason: String) -> Int {
        max(1, finishReason == "eos" ? tokens + 1 : tokens)
    }

    /// Replays the lockstep over complete samples (their lengths and finish reasons known): the decisions the
    /// online executor takes, jumping over steps in which nothing can be decided.
    static func replay(m: Int, started: [SampleRecord]) -> ShortMAtKLockstep {
        var machine = ShortMAtKLockstep(m: m, started: started.indices)
        let events = started.indices
            .map { (step: finishStep(tokens: started[$0].generatedTokens, finishReason: started[$0].finishReason), index: $0) }
            .sorted { ($0.step, $0.index) < ($1.step, $1.index) }
        var next = 0
        while !machine.isDecided {
            let step = machine.needsNextStep ? machine.step + 1 : max(machine.step + 1, events[next].step)
            var finishes: [Finish] = []
            while next < events.count, events[next].step <= step {
                let index = events[next].index
                if machine.live.contains(index) { finishes.append(Finish(index: index, tokens: started[index].generatedTokens)) }
                next += 1
            }
            _ = machine.observe(step: step, finishes: finishes)
        }
        return machine
    }

    /// Tokens charged to sample `index`: its own length if it ended by itself, else what it held when stopped.
    func chargedTokens(_ index: Int, length: Int) -> Int { stoppedTokens[index] ?? length }
}
