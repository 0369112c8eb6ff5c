/// The puzzle-group task families (planning puzzles, estimation, mixed boolean-arithmetic, Turing machines,
/// templated word problems).
public enum PuzzleFamilies {
    public static let all: [any TaskFamily] = [
        HanoiFamily(),
        CheckerJumpingFamily(),
        RiverCrossingFamily(),
        BlocksWorldFamily(),
        StreetMathFamily(),
        MBAFamily(),
        TuringFamily(),
        WordProblemsFamily(),
    ]
}
