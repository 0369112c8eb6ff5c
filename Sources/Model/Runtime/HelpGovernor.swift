/// Decides from measured times whether a pool's workers are helping, so that a pool on an overloaded machine never
/// runs slower than its caller would alone.
///
/// When another process holds a core, a worker can be descheduled in the middle of a chunk for a whole scheduler
/// time slice (milliseconds), and the caller must wait for that chunk before the call can return. For each parallel
/// call the pool reports how long the call took and how long the caller alone would have taken (its own time per
/// chunk × all chunks). When, over a probe window of calls, the calls took longer than the caller alone would have,
/// the following calls run on the caller alone (the workers then fall asleep and stop competing for the core); after
/// that stretch the pool probes again. Each failed probe doubles the stretch (up to `longestSolo` calls), a successful
/// one resets it, so under sustained load probing costs a vanishing share of the time and the pool returns to full
/// speed within a fraction of a second of the load going away. Not thread-safe: owned by the pool's caller.
struct HelpGovernor {
    /// Calls measured before each decision (about one generated token of SmolLM2): long enough that one brief
    /// preemption of a worker on a busy host does not condemn the window, short enough that a probe under real load
    /// costs little.
    static let probeWindow = 128
    static let shortestSolo = 1024
    static let longestSolo = 32_768

    private var measuredCalls = 0
    private var takenNanoseconds: UInt64 = 0
    private var aloneNanoseconds: UInt64 = 0
    private var soloCallsLeft = 0
    private var soloLength = HelpGovernor.shortestSolo

    /// Whether the next call should run on the caller alone (counts that call).
    mutating func nextCallRunsAlone() -> Bool {
        guard soloCallsLeft > 0 else { return false }
        soloCallsLeft -= 1
        return true
    }

    /// Records a parallel call: it took `taken` nanoseconds; the caller spent `own` of them running `ownChunks` of
    /// the `chunks`. A call where the caller ran no chunk says nothing about its speed and is skipped.
    mutating func record(taken: UInt64, own: UInt64, ownChunks: Int, chunks: Int) {
        guard ownChunks > 0 else { return }
        takenNanoseconds += taken
        aloneNanoseconds += own / UInt64(ownChunks) * UInt64(chunks)
        measuredCalls += 1
        guard measuredCalls == Self.probeWindow else { return }
        if takenNanoseconds > aloneNanoseconds {
            soloCallsLeft = soloLength
            soloLength = min(2 * soloLength, Self.longestSolo)
        } else {
            soloLength = Self.shortestSolo
        }
        measuredCalls = 0
        takenNanoseconds = 0
        aloneNanoseconds = 0
    }

    /// Whether the pool is currently running calls on the caller alone.
    var isRunningAlone: Bool { soloCallsLeft > 0 }
}
