/// The operations of the arithmetic families.
public enum ArithmeticOperation: String, Sendable, CaseIterable {
    case add, subtract, multiply, divmod, mod, powmod

    /// Family id, e.g. `arithmetic-add`.
    public var familyID: String {
        switch self {
        case .add: return "arithmetic-add"
        case .subtract: return "arithmetic-sub"
        case .multiply: return "arithmetic-mul"
        case .divmod: return "arithmetic-divmod"
        case .mod: return "arithmetic-mod"
        case .powmod: return "arithmetic-powmod"
        }
    }

    var summary: String {
        switch self {
        case .add: return "Add two integers of chosen digit counts."
        case .subtract: return "Subtract two integers of chosen digit counts (the result may be negative)."
        case .multiply: return "Multiply two integers of chosen digit counts."
        case .divmod: return "Integer division with remainder (quotient and remainder)."
        case .mod: return "The remainder of an integer division (a mod b)."
        case .powmod: return "Modular exponentiation (a^e mod m)."
        }
    }

    /// Operand parameter names with their default digit counts.
    var operands: [(name: String, defaultDigits: Int, summary: String)] {
        switch self {
        case .add, .subtract, .multiply:
            return [
                ("digits_a", 3, "decimal digits of the first operand"),
                ("digits_b", 3, "decimal digits of the second operand"),
            ]
        case .divmod, .mod:
            return [
                ("digits_a", 4, "decimal digits of the dividend"),
                ("digits_b", 2, "decimal digits of the divisor (nonzero)"),
            ]
        case .powmod:
            return [
                ("digits_base", 2, "decimal digits of the base"),
                ("digits_exponent", 2, "decimal digits of the exponent"),
                ("digits_modulus", 2, "decimal digits of the modulus (at least 2)"),
            ]
        }
    }

    /// Operator symbol in prompts.
    var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divmod: return "÷"
        case .mod: return "mod"
        case .powmod: return "^"
        }
    }
}
