import Foundation

/// Runs an operation against a wall-clock limit and returns as soon as either finishes.
///
/// A task group would wait for its children after the limit (structured concurrency), and an HTTP exchange that
/// does not react to cancellation then holds the caller until the server answers (a stalled server: minutes).
/// Here the operation runs in its own task, which is cancelled and left behind at the limit; the caller returns
/// at once.
enum RemoteDeadline {
    /// The operation's value, or nil when `limit` passed first. Cancelling the caller cancels the operation and
    /// throws `CancellationError`.
    static func run<T: Sendable>(
        limit: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T?, any Error>) in
                race.start(continuation)
                let work = Task {
                    do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
                }
                let timer = Task {
                    try? await Task.sleep(for: limit)
                    race.finish(.success(nil))
                }
                race.hold([work, timer])
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// The first outcome wins; the tasks still running are cancelled.
    // Unchecked because its mutable fields are plain vars: every access to them happens with `lock` held.
    private final class Race<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T?, any Error>?
        private var outcome: Result<T?, any Error>?
        private var tasks: [Task<Void, Never>] = []

        func start(_ continuation: CheckedContinuation<T?, any Error>) {
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(with: outcome)
                return
            }
            self.continuation = continuation
            lock.unlock()
        }

        func hold(_ running: [Task<Void, Never>]) {
            lock.lock()
            let finished = outcome != nil
            if !finished { tasks = running }
            lock.unlock()
            if finished { running.forEach { $0.cancel() } }
        }

        func finish(_ result: Result<T?, any Error>) {
            lock.lock()
            guard outcome == nil else {
                lock.unlock()
                return
            }
            outcome = result
            let waiting = continuation
            continuation = nil
            let running = tasks
            tasks = []
            lock.unlock()
            running.forEach { $0.cancel() }
            waiting?.resume(with: result)
        }
    }
}
