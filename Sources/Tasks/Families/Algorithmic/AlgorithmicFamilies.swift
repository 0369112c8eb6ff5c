/// The algorithmic task families: BeyondBench's 29 easy list tasks, its medium next-term sequence suites and its hard
/// constraint puzzles (Tower of Hanoi is the `hanoi` family of the puzzle group). Every family is pure and seeded.
public enum AlgorithmicFamilies {
    public static let all: [any TaskFamily] =
        AlgoListTasks.all.map { AlgoListTaskFamily(spec: $0) } + [
            AlgoNQueensFamily(), AlgoSudokuFamily(), AlgoGraphColoringFamily(), AlgoBooleanSATFamily(),
            AlgoCryptarithmeticFamily(), AlgoMatrixChainFamily(), AlgoModularSystemsFamily(),
            AlgoProjectSelectionFamily(), AlgoLogicGridFamily(),
        ] + AlgorithmicFamilies.sequenceFamilies

    /// BeyondBench's five medium suites (49 sequence types).
    static let sequenceFamilies: [any TaskFamily] = [
        AlgoSequenceFamily(id: "sequence-recursive", summary: "next term of a Fibonacci-like recurrence (6 types)",
                           kinds: AlgoRecursiveSequences.all),
        AlgoSequenceFamily(id: "sequence-algebraic", summary: "next term of an algebraic/floor sequence (10 types)",
                           kinds: AlgoAlgebraicSequences.all),
        AlgoSequenceFamily(id: "sequence-geometric", summary: "next term of a geometric/power sequence (10 types)",
                           kinds: AlgoGeometricSequences.all),
        AlgoSequenceFamily(id: "sequence-number-theory", summary: "next term of a prime/number-theory sequence (11 types)",
                           kinds: AlgoNumberTheorySequences.all),
        AlgoSequenceFamily(id: "sequence-pattern", summary: "next term of a composite pattern (12 types)",
                           kinds: AlgoPatternSequences.all),
        ]
}
