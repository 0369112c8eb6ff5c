import Synchronization

/// The server's accounting of the live batch's KV pages: before a request starts, its worst case
/// (``PreparedGeneration/worstCasePages(positionsPerPage:)``) is reserved here; a request that does not fit in what
/// is left waits, in arrival order, until earlier requests end and release theirs. Since every request of the
/// server reserves its worst case, the batch never runs out of pages mid-run. A request needing more than the whole
/// pool is refused with 400 before this point (``RequestPreparer``).
///
/// Waiting requests hold their place in the ``AdmissionGate`` (so the queue stays bounded; past it, 429).
public final class KVPageReservations: Sendable {
    /// Pages that may be reserved at once (the pool's limit; nil: no limit, nothing ever waits).
    public let capacity: Int?
    private let state = Mutex(State())

    private struct State {
        var reserved = 0
        var nextTicket = 0
        var waiting: [(ticket: Int, pages: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    }

    public init(capacity: Int?) {
        precondition((capacity ?? 0) >= 0, "a page capacity cannot be negative")
        self.capacity = capacity
    }

    /// Pages reserved now.
    public var reservedPages: Int { state.withLock { $0.reserved } }
    /// Requests waiting for pages now.
    public var waitingRequests: Int { state.withLock { $0.waiting.count } }

    /// Reserves `pages` (≤ ``capacity``), waiting behind earlier requests until they fit. Throws
    /// `CancellationError` (nothing reserved) when the task is cancelled while waiting.
    public func reserve(_ pages: Int) async throws {
        guard let capacity else { return }
        precondition(pages >= 0 && pages <= capacity, "a request larger than the page pool must be refused before")
        let ticket = state.withLock { state -> Int? in
            guard !state.waiting.isEmpty || state.reserved + pages > capacity else {
                state.reserved += pages
                return nil
            }
            state.nextTicket += 1
            return state.nextTicket
        }
        guard let ticket else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let refused = state.withLock { state -> Bool in
                    if Task.isCancelled { return true }
                    state.waiting.append((ticket, pages, continuation))
                    return false
                }
                if refused {
                    continuation.resume(throwing: CancellationError())
                } else {
                    grant(state.withLock { admitWaiting(&$0) })
                }
            }
        } onCancel: {
            let removed = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
                return state.waiting.remove(at: index).continuation
            }
            removed?.resume(throwing: CancellationError())
            // The head may have left: those behind it may fit now.
            grant(state.withLock { admitWaiting(&$0) })
        }
    }

    /// Releases pages reserved by ``reserve(_:)`` and lets waiting requests in, in order, while they fit.
    public func release(_ pages: Int) {
        guard capacity != nil else { return }
        grant(state.withLock { state in
            state.reserved -= pages
            return admitWaiting(&state)
        })
    }

    /// Reserves for waiting requests from the front while they fit; returns whom to resume.
    private func admitWaiting(_ state: inout State) -> [CheckedContinuation<Void, any Error>] {
        guard let capacity else { return [] }
        var admitted: [CheckedContinuation<Void, any Error>] = []
        while let first = state.waiting.first, state.reserved + first.pages <= capacity {
            state.reserved += first.pages
            admitted.append(state.waiting.removeFirst().continuation)
        }
        return admitted
    }

    private func grant(_ continuations: [CheckedContinuation<Void, any Error>]) {
        for continuation in continuations { continuation.resume() }
    }
}
