/// The algorithmic task families: BeyondBench's catalog (research notes §1) re-specified from its rules.
///
/// - Easy (29 families, one per task, ids = the catalog names in kebab-case: `sorting`, `comparison`, `sum`,
///   `multiplication`, `odd-count`, `even-count`, `absolute-difference`, `division`, `find-maximum`, `find-minimum`,
///   `mean`, `median`, `mode`, `subtraction`, `second-maximum`, `range`, `index-of-maximum`, `count-negative`,
///   `count-unique`, `max-adjacent-difference`, `count-greater-than-previous`, `sum-of-max-indices`,
///   `count-palindromic`, `longest-increasing-subsequence`, `sum-of-digits`, `count-perfect-squares`,
///   `alternating-sum`, `count-multiples`, `local-maxima-count`): parameters `length`, `low`, `high` (+ `divisor`).
/// - Medium (5 families, 49 sequence types): `sequence-recursive`, `sequence-algebraic`, `sequence-geometric`,
///   `sequence-number-theory`, `sequence-pattern`; parameters `kind`, `length`, `hint`.
/// - Hard (9 families): `n-queens`, `sudoku`, `graph-coloring`, `boolean-sat`, `cryptarithmetic`, `matrix-chain`,
///   `modular-systems`, `project-selection`, `logic-grid`. BeyondBench's tenth hard task, Tower of Hanoi, is the
///   puzzle group's `hanoi` family. Verifiers accept ANY valid solution (optimisation tasks: any optimal one).
///
/// Answers are read from the last `\boxed{}`, else `<answer>…</answer>`, else the text after "answer is"/"answer:",
/// else a family-specific fallback (last number, last `[…]` list, last lines of a grid).
public enum AlgorithmFamilies {
    public static let all: [any TaskFamily] =
        ListTasks.all.map { ListTaskFamily(spec: $0) } + [
            NQueensFamily(), SudokuFamily(), GraphColoringFamily(), BooleanSATFamily(),
            CryptarithmeticFamily(), MatrixChainFamily(), ModularSystemsFamily(),
            ProjectSelectionFamily(), LogicGridFamily(),
        ] + AlgorithmFamilies.sequenceFamilies

    /// BeyondBench's five medium suites (49 sequence types).
    static let sequenceFamilies: [any TaskFamily] = [
        SequenceFamily(id: "sequence-recursive", summary: "next term of a Fibonacci-like recurrence (6 types)",
                           kinds: RecursiveSequences.all),
        SequenceFamily(id: "sequence-algebraic", summary: "next term of an algebraic/floor sequence (10 types)",
                           kinds: AlgebraicSequences.all),
        SequenceFamily(id: "sequence-geometric", summary: "next term of a geometric/power sequence (10 types)",
                           kinds: GeometricSequences.all),
        SequenceFamily(id: "sequence-number-theory", summary: "next term of a prime/number-theory sequence (11 types)",
                           kinds: NumberTheorySequences.all),
        SequenceFamily(id: "sequence-pattern", summary: "next term of a composite pattern (12 types)",
                           kinds: PatternSequences.all),
        ]
}
