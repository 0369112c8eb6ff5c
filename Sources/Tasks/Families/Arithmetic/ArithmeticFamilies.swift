/// The arithmetic families (one per operation).
public enum ArithmeticFamilies {
    public static let all: [any TaskFamily] = ArithmeticOperation.allCases.map { ArithmeticFamily(operation: $0) }
}
