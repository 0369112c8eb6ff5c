import Foundation

/// Runs blocking model work on a thread of its own, so that an `async` caller suspends instead of holding one of
/// Swift's cooperative threads for the minutes a generation can take.
enum DedicatedThread {
    /// Stack size of the threads started here (the tokenizer and chat templates recurse a little; 8 MiB, like a
    /// main thread).
    static let stackSize = 8 << 20

    /// Runs `body` on a new thread and suspends the caller until it returns.
    static func run<Value: Sendable>(
        name: String, _ body: @escaping @Sendable () throws(EngineError) -> Value
    ) async throws(EngineError) -> Value {
        let outcome: Result<Value, EngineError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(EngineError) { continuation.resume(returning: .success(try body())) } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.name = name
            thread.stackSize = stackSize
            thread.start()
        }
        return try outcome.get()
    }
}
