import Synchronization

/// The bounded admission queue: counts the sequences of requests admitted and not yet answered; a request whose
/// sequences do not fit in what is left is refused (the server answers 429 with `Retry-After`).
public final class AdmissionGate: Sendable {
    /// Most sequences admitted at once.
    public let capacity: Int
    private let admitted = Mutex(0)

    public init(capacity: Int) {
        precondition(capacity >= 1, "the admission gate needs room for at least one sequence")
        self.capacity = capacity
    }

    /// Admits `sequences` more when they fit; returns whether they were admitted.
    public func tryEnter(_ sequences: Int) -> Bool {
        admitted.withLock { count in
            guard count + sequences <= capacity else { return false }
            count += sequences
            return true
        }
    }

    /// Releases sequences admitted by ``tryEnter(_:)``.
    public func leave(_ sequences: Int) {
        admitted.withLock { $0 -= sequences }
    }

    /// Sequences admitted now.
    public var admittedSequences: Int { admitted.withLock { $0 } }
}
