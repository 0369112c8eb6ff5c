import Foundation
import Testing

@testable import Tasks

/// `PRINT_SAMPLES=1 swift test --filter AlgoSamplePrinter` prints one default instance per family (for eyeballing).
struct AlgoSamplePrinter {
    @Test func printSamples() {
        guard ProcessInfo.processInfo.environment["PRINT_SAMPLES"] == "1" else { return }
        for family in AlgorithmicFamilies.all {
            let i = family.generate(seed: 42, difficulty: family.defaultDifficulty, index: 0)
            print("=== \(family.id) v\(family.version) \(i.params)\n\(i.boxedPrompt)\n--- answer: \(i.answer)\n")
        }
    }
}
