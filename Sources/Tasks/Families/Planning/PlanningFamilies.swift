/// The planning puzzles: a move list that takes a start state to a goal, checked by replaying it.
public enum PlanningFamilies {
    public static let all: [any TaskFamily] = [
        HanoiFamily(),
        CheckerJumpingFamily(),
        RiverCrossingFamily(),
        BlocksWorldFamily(),
    ]
}
