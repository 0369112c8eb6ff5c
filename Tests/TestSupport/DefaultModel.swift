import Foundation
import ModelStore

/// The default model for tests that need the real weights, fetched once per test process through Reckon's own
/// `ModelStore` (the same code as `reckon model fetch`).
///
/// When it cannot be had, `path` is nil and `unavailableReason` says why; tests then fail, unless the environment
/// sets `RECKON_ALLOW_NO_MODEL=1`, in which case they are skipped with that reason printed loudly.
public enum DefaultModel {
    private static let resolved: Result<String, ModelStoreError> = {
        do throws(ModelStoreError) {
            return .success(try ModelStore.fromEnvironment().ensure(log: FileHandle.standardError).path)
        } catch {
            FileHandle.standardError.write(Data("""
                ************************************************************************
                * DEFAULT MODEL UNAVAILABLE: tests that need SmolLM2-135M cannot run.   *
                ************************************************************************
                \(error.description)

                """.utf8))
            return .failure(error)
        }
    }()

    /// Path of the cached default model, or nil when it could not be fetched.
    public static var path: String? { try? resolved.get() }

    /// Why the model is unavailable (nil when it is available).
    public static var unavailableReason: String? {
        if case let .failure(error) = resolved { return error.description }
        return nil
    }

    /// Whether model tests should run: true when the model is available, and also when it is not but skipping is
    /// not allowed (so that the tests run and fail with the reason).
    public static var shouldRun: Bool {
        path != nil || ProcessInfo.processInfo.environment["RECKON_ALLOW_NO_MODEL"] != "1"
    }

    /// The path, or an error explaining why the model is unavailable.
    public static func require() throws -> String {
        if let path { return path }
        throw DefaultModelUnavailable(reason: unavailableReason ?? "unknown")
    }
}

public struct DefaultModelUnavailable: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "the default model is unavailable: \(reason)" }
}
