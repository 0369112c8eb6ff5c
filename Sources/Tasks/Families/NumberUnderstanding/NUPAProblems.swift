import BigInt
import Exact

/// One generated NUPA problem: question text (after the type hint), canonical answer, operands for `data`.
struct NUPAProblem {
    var question: String
    var answer: String
    var operands: [String: String]
}

/// Problem construction per task (rules in research/tasks.md §2.4; positions and digit-wise conventions are
/// stated in the prompts).
enum NUPAProblems {
    static func draw(_ representation: NUPARepresentation, _ length: Int, proper: Bool = false, exponents: ClosedRange<Int> = 0...99,
        _ rng: inout TaskRNG) -> Rational
    {
        switch representation {
        case .integer: return Rational(BigInt(magnitude: NUPANumbers.integer(length, &rng)))
        case .float: return NUPANumbers.float(length, &rng)
        case .fraction: return NUPANumbers.fraction(length, proper: proper, &rng)
        case .scientific: return NUPANumbers.scientific(length, exponents: exponents, &rng)
        }
    }

    /// The shorter operand has at least half the digits of the longer (NUPA's `test_shorter_len 0.5`).
    static func shorterLength(_ length: Int, _ rng: inout TaskRNG) -> Int {
        rng.int(in: ((length + 1) / 2)...length)
    }

    /// Two operands: the first of length L, the second of a length in ⌈L/2⌉...L, in random order.
    static func pair(_ representation: NUPARepresentation, _ length: Int, proper: Bool = false, _ rng: inout TaskRNG)
        -> (Rational, Rational)
    {
        let a = draw(representation, length, proper: proper, &rng)
        let bLength = shorterLength(length, &rng)
        var b: Rational
        if representation == .scientific {
            // Exponents within 5 of each other (NUPA keeps sums exact and short).
            let e = NUPANumbers.exponentOf(a)
            b = draw(representation, bLength, exponents: max(0, e - 5)...min(99, e + 5), &rng)
        } else {
            b = draw(representation, bLength, proper: proper, &rng)
        }
        return rng.bool() ? (a, b) : (b, a)
    }

    static func write(_ value: Rational, _ representation: NUPARepresentation) -> String {
        NUPANumbers.string(value, as: representation)
    }

    static func make(task: NUPATask, representation: NUPARepresentation, length: Int, rng: inout TaskRNG) -> NUPAProblem {
        let r = representation
        switch task {
        case .add, .sub, .multiply:
            var (a, b) = pair(r, length, &rng)
            if task == .sub && a < b { swap(&a, &b) }
            let result: Rational
            let symbol: String
            let verb: String
            switch task {
            case .add: (result, symbol, verb) = (a + b, "+", "Add two numbers")
            case .sub: (result, symbol, verb) = (a - b, "-", "Subtract two numbers")
            default: (result, symbol, verb) = (a * b, "*", "Multiply two numbers")
            }
            return NUPAProblem(
                question: "\(verb): \(write(a, r)) \(symbol) \(write(b, r)) =", answer: write(result, r),
                operands: ["a": write(a, r), "b": write(b, r)])
        case .truediv:
            var (a, b) = pair(r, length, &rng)
            while b.isZero { b = draw(r, length, &rng) }
            let q = (a / b)!
            return NUPAProblem(
                question: "Divide two numbers and return the result as an irreducible fraction: \(write(a, r)) / \(write(b, r)) =",
                answer: NUPANumbers.fractionString(q), operands: ["a": write(a, r), "b": write(b, r)])
        case .floordiv, .mod:
            let a = NUPANumbers.integer(length, &rng)
            let upper = task == .mod ? max(1, min(length, Int(0.7 * Double(length)) + 1)) : length
            let lower = min(upper, (length + 1) / 2)
            var b = BigUInt.zero
            while b.isZero { b = NUPANumbers.integer(rng.int(in: lower...upper), &rng) }
            let (q, m) = a.quotientAndRemainder(dividingBy: b)
            let question = task == .floordiv
                ? "Get the integer quotient of two numbers (floor division): \(a) // \(b) ="
                : "Get the remainder of two numbers: \(a) % \(b) ="
            return NUPAProblem(
                question: question, answer: (task == .floordiv ? q : m).decimalString,
                operands: ["a": a.decimalString, "b": b.decimalString])
        case .max, .min:
            var (a, b) = pair(r, length, proper: r == .fraction, &rng)
            while a == b { b = draw(r, length, proper: r == .fraction, &rng) }
            let result = task == .max ? Swift.max(a, b) : Swift.min(a, b)
            let word = task == .max ? "maximal" : "minimal"
            return NUPAProblem(
                question: "Get the \(word) number: \(write(a, r)) and \(write(b, r)) =", answer: write(result, r),
                operands: ["a": write(a, r), "b": write(b, r)])
        case .digitMax, .digitMin, .digitAdd:
            let (a, b) = pair(r, length, &rng)
            let alignment = r == .float
                ? "integer parts aligned at the units digit, decimal parts aligned at the decimal point, missing digits counted as 0"
                : "aligned at the units digit, missing digits counted as 0"
            let result: Rational
            let question: String
            switch task {
            case .digitMax:
                result = NUPANumbers.digitwise(a, b, Swift.max)
                question = "Compare two numbers digit by digit and return the larger digit at each position (\(alignment)): "
                    + "\(write(a, r)) and \(write(b, r)) ="
            case .digitMin:
                result = NUPANumbers.digitwise(a, b, Swift.min)
                question = "Compare two numbers digit by digit and return the smaller digit at each position (\(alignment)): "
                    + "\(write(a, r)) and \(write(b, r)) ="
            default:
                result = NUPANumbers.digitwise(a, b) { ($0 + $1) % 10 }
                question = "Add two numbers digit by digit without carrying, each result digit being the sum of the two "
                    + "digits mod 10 (\(alignment)): \(write(a, r)) digit add \(write(b, r)) ="
            }
            return NUPAProblem(question: question, answer: write(result, r), operands: ["a": write(a, r), "b": write(b, r)])
        case .getDigit:
            let a = draw(r, length, &rng)
            let digits = Array(NUPANumbers.allDigits(a, representation: r))
            let position = rng.int(in: 1...digits.count)
            return NUPAProblem(
                question: "Get the digit at the given position, counting from 1 at the leftmost digit"
                    + (r == .float ? " and ignoring the decimal point" : "") + ": \(write(a, r)) at position \(position) =",
                answer: String(digits[position - 1]), operands: ["a": write(a, r), "position": String(position)])
        case .length:
            let a = draw(r, length, &rng)
            let count = NUPANumbers.allDigits(a, representation: r).count
            return NUPAProblem(
                question: "Get the number of digits" + (r == .float ? " (integer and decimal digits, not counting the point)" : "")
                    + ": \(write(a, r)) =",
                answer: String(count), operands: ["a": write(a, r)])
        case .count:
            let a = NUPANumbers.integer(length, &rng)
            let digit = rng.int(in: 0...9)
            let occurrences = a.decimalString.utf8.filter { Int($0) - 48 == digit }.count
            return NUPAProblem(
                question: "Count the occurrences of a digit in a number: \(a) count the occurrence time of digit \(digit) =",
                answer: String(occurrences), operands: ["a": a.decimalString, "digit": String(digit)])
        case .toFloat:
            let a = r == .fraction ? NUPANumbers.terminatingFraction(length, &rng) : NUPANumbers.scientific(length, exponents: 0...99, &rng)
            return NUPAProblem(
                question: "Convert the number to a float: \(write(a, r)) =", answer: NUPANumbers.floatString(a),
                operands: ["a": write(a, r)])
        case .toScient:
            var a = draw(r, length, &rng)
            if r == .integer {
                // NUPA appends trailing zeros to integers so that the mantissa is shorter than the number.
                a = a * Rational.powerOfTen(rng.int(in: 0...3))
            }
            return NUPAProblem(
                question: "Convert the number to scientific notation: \(write(a, r)) =",
                answer: NUPANumbers.scientificString(a), operands: ["a": write(a, r)])
        case .sig:
            var a = draw(r, length, &rng)
            if a.isZero { a = Rational(rng.int(in: 1...9)) }
            let available = NUPANumbers.allDigits(a, representation: r).drop(while: { $0 == "0" }).count
            let figures = rng.int(in: 2...Swift.max(2, Swift.min(available, 20)))
            let rounded = NUPANumbers.roundSignificant(a, figures)
            return NUPAProblem(
                question: "Convert the number to scientific notation and keep significant figures as \(figures) "
                    + "(round half up, keep trailing zeros): \(write(a, r)) =",
                answer: NUPANumbers.scientificString(rounded, significant: figures),
                operands: ["a": write(a, r), "figures": String(figures)])
        }
    }
}
