import Analysis
import Engine
import Foundation
import GGUF
import Model
import ModelStore
import Reasoning
import Sampling
import Store
import Tasks
import Tokenizer

extension ExitStatus {
    /// The status for an error of one of Reckon's modules, or nil for an error this table does not know
    /// (ArgumentParser's own errors, which keep its statuses: 64 for usage, 0 for `--help`).
    static func of(_ error: any Error) -> ExitStatus? {
        switch error {
        case let failure as CommandFailure: return failure.status
        case let error as EngineError: return of(error)
        case let error as ModelStoreError: return of(error)
        case let error as ReasoningError: return of(error)
        case let error as StoreError: return of(error)
        case let error as TasksError: return of(error)
        case is SamplingError, is AnalysisError: return .usage
        case let error as ModelError: return of(error)
        case let error as GGUFError: return of(error)
        case is TokenizerError: return .dataError
        default: return nil
        }
    }

    static func of(_ error: EngineError) -> ExitStatus {
        switch error {
        case let .file(error): return of(error)
        case let .model(error): return of(error)
        case .tokenizer: return .dataError
        case .sampling, .emptyPrompt, .invalidRequest, .insufficientMemory: return .usage
        case .remote: return .unavailable
        }
    }

    static func of(_ error: ModelStoreError) -> ExitStatus {
        switch error {
        case .checksumMismatch: return .dataError
        case .fetchFailed: return .unavailable
        }
    }

    static func of(_ error: ModelError) -> ExitStatus {
        switch error {
        case .contextFull, .kvPagesExhausted: return .usage  // ask for less: fewer tokens, samples or context
        default: return .dataError
        }
    }

    static func of(_ error: GGUFError) -> ExitStatus {
        if case .cannotOpen = error { return .noInput }
        return .dataError
    }

    static func of(_ error: ReasoningError) -> ExitStatus {
        switch error {
        case .unknownStrategy, .unknownStrategyParameter, .invalidStrategyParameter, .malformedStrategy,
             .invalidConfiguration:
            return .usage
        case let .difficulty(error): return of(error)
        case .generation, .sampleCountMismatch: return .unavailable
        case .store: return .ioError
        case .cancelled: return .software
        }
    }

    static func of(_ error: StoreError) -> ExitStatus {
        switch error {
        case .cannotOpen: return .noInput
        case .schemaTooNew, .corruptRow, .modelFileChanged, .notARunDatabase: return .dataError
        case .unknownRun: return .usage
        case .databaseFailure: return .ioError
        case .invalidValue: return .software
        }
    }

    static func of(_ error: TasksError) -> ExitStatus {
        switch error {
        case .malformedLine, .versionMismatch: return .dataError
        case .duplicateFamily: return .software
        default: return .usage
        }
    }
}

/// A message for people from an error no module describes: the system's words for a file error (never
/// `NSCocoaErrorDomain error 512` or a Swift type name).
func plainMessage(_ error: any Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        let path = (ns.userInfo[NSFilePathErrorKey] as? String).map { " ('\($0)')" } ?? ""
        return "a file operation failed\(path): \(errnoMessage(Int32(underlying.code)))"
    }
    if ns.domain == NSPOSIXErrorDomain { return errnoMessage(Int32(ns.code)) }
    let described = String(describing: error)
    return described.contains("Domain=") ? "an unexpected failure inside Reckon" : described
}
