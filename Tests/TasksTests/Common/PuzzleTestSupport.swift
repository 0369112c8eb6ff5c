import Random
@testable import Tasks

/// Shared helpers for the puzzle-group tests.
enum PuzzleTestSupport {
    /// The families these shared suites cover (the former puzzle group): planning puzzles, street math, MBA,
    /// Turing machines and word problems, in registry order.
    static let families: [any TaskFamily] =
        PlanningFamilies.all + [StreetMathFamily(), MBAFamily(), TuringFamily(), WordProblemsFamily()]

    /// Number of seeds every property test runs over.
    static let propertySeeds = 10_000

    static func respond(_ moves: [PuzzleLiteral], prefix: String = "Here is my plan.\n") -> String {
        prefix + "moves = " + PuzzleLiteral.list(moves).description
    }

    /// The reference answer's moves, parsed back.
    static func referenceMoves(_ instance: TaskInstance) -> [PuzzleLiteral] {
        guard case .found(let items, _) = MoveListExtractor.extract(from: instance.answer) else { return [] }
        return items
    }

    /// Deterministic small RNG for perturbation choices in tests (independent of the generator's streams).
    typealias SplitMix = SplitMix64
}

extension SplitMix64 {
    /// A draw in `0..<n` by plain modulo (slightly biased; fine for picking test perturbations).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
