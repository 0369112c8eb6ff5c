import Foundation
import Testing
import Tokenizer

/// The default model's tokenizer, built once for all tests from ``loadDefaultVocabulary()``.
///
/// Tests that need it carry the `.enabled(if: DefaultTokenizer.shouldRun)` trait and call ``require()``:
/// - vocabulary found: the test runs;
/// - not found and `RECKON_ALLOW_NO_MODEL=1`: the test is skipped (reported as skipped with the reason);
/// - not found otherwise: the test runs and fails with a message saying how to get the model.
enum DefaultTokenizer {
    static let outcome: Result<Tokenizer?, any Error> = Result {
        try loadDefaultVocabulary().map { vocabulary in try Tokenizer(vocabulary: vocabulary) }
    }

    static var isMissing: Bool {
        if case .success(nil) = outcome { return true }
        return false
    }

    static var allowsMissingModel: Bool {
        ProcessInfo.processInfo.environment["RECKON_ALLOW_NO_MODEL"] == "1"
    }

    /// False only when the model is missing and that is allowed.
    static var shouldRun: Bool { !(isMissing && allowsMissingModel) }

    static let skipReason: Comment =
        "SKIPPED: default model vocabulary not available and RECKON_ALLOW_NO_MODEL=1; golden tokenizer tests did not run"

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "the default model's tokenizer vocabulary is not available, so the golden tokenizer tests cannot run. "
                + "Get it (see loadDefaultVocabulary() in Tests/TokenizerTests/DefaultVocabulary.swift), "
                + "or set RECKON_ALLOW_NO_MODEL=1 to skip these tests."
        }
    }

    static func require() throws -> Tokenizer {
        guard let tokenizer = try outcome.get() else { throw Missing() }
        return tokenizer
    }
}
