/// The arithmetic families (one per operation).
public enum ArithmeticFamilies {
    public static let all: [any TaskFamily] =
        [MixedArithmeticFamily()] + ArithmeticOperation.allCases.map { ArithmeticFamily(operation: $0) }
}
