import BigInt
import Exact

/// Drawing and writing NUPA numbers. All values are non-negative exact rationals; floats and scientific
/// numbers are terminating decimals.
enum NUPANumbers {
    // MARK: Drawing ("length" L as in research/tasks.md §2.4)

    /// Integer(L): uniform among L-digit numbers (L = 1 → 0...9).
    static func integer(_ length: Int, _ rng: inout TaskRNG) -> BigUInt {
        BigUInt.random(digits: length, using: &rng)
    }

    /// Float(L): an integer part of 1...L digits (uniform length, then uniform value) and exactly L decimals,
    /// the last nonzero.
    static func float(_ length: Int, _ rng: inout TaskRNG) -> Rational {
        let integerDigits = rng.int(in: 1...length)
        let integerPart = BigUInt.random(digits: integerDigits, using: &rng)
        var fraction = BigUInt.zero
        for position in 0..<length {
            let digit = position == length - 1 ? rng.int(in: 1...9) : rng.int(in: 0...9)
            fraction = fraction.multiplied(byWord: 10) + BigUInt(UInt64(digit))
        }
        let scale = BigUInt.powerOfTen(length)
        return Rational(BigInt(magnitude: integerPart * scale + fraction), scale)
    }

    /// Fraction(L): numerator uniform in 0..<10^L, denominator an L-digit number ≥ 2, redrawn until the reduced
    /// denominator still has exactly L digits. With `proper`, the numerator is below the denominator.
    static func fraction(_ length: Int, proper: Bool, _ rng: inout TaskRNG) -> Rational {
        while true {
            var denominator = BigUInt.random(digits: length, using: &rng)
            if denominator < BigUInt(2) { denominator = BigUInt(UInt64(rng.int(in: 2...9))) }
            let bound = proper ? denominator : BigUInt.powerOfTen(length)
            let numerator = BigUInt.random(below: bound, using: &rng)
            let value = Rational(BigInt(magnitude: numerator), denominator)
            if value.denominator.decimalDigitCount == length && !value.isZero { return value }
        }
    }

    /// Scientific(L): mantissa 1...9 plus L decimals (last nonzero), exponent in `exponents`.
    static func scientific(_ length: Int, exponents: ClosedRange<Int>, _ rng: inout TaskRNG) -> Rational {
        var digits = BigUInt(UInt64(rng.int(in: 1...9)))
        for position in 0..<length {
            let digit = position == length - 1 ? rng.int(in: 1...9) : rng.int(in: 0...9)
            digits = digits.multiplied(byWord: 10) + BigUInt(UInt64(digit))
        }
        let exponent = rng.int(in: exponents)
        return Rational(BigInt(magnitude: digits)) * Rational.powerOfTen(exponent - length)
    }

    /// A fraction whose decimal expansion terminates after exactly L places: denominator 2^a·5^b with
    /// max(a, b) = L, numerator coprime to 10 below 10·denominator.
    static func terminatingFraction(_ length: Int, _ rng: inout TaskRNG) -> Rational {
        while true {
            let twos = rng.bool() ? length : rng.int(in: 0...length)
            let fives = twos == length ? rng.int(in: 0...length) : length
            let denominator = BigUInt(2).power(twos) * BigUInt(5).power(fives)
            let numerator = BigUInt.random(below: denominator.multiplied(byWord: 10), using: &rng)
            if numerator.isZero { continue }
            let value = Rational(BigInt(magnitude: numerator), denominator)
            if value.denominator == denominator && denominator != 1 { return value }
        }
    }

    // MARK: Writing

    /// Digits of `value · 10^places` (value must be a terminating decimal with at most `places` places).
    static func scaledDigits(_ value: Rational, places: Int) -> String {
        let scaled = value.magnitude * Rational.powerOfTen(places)
        precondition(scaled.isInteger, "not a decimal with \(places) places")
        return scaled.numerator.magnitude.decimalString
    }

    /// Number of decimal places of a terminating decimal (0 for integers): max(a, b) for a reduced denominator
    /// 2^a·5^b.
    static func decimalPlaces(_ value: Rational) -> Int {
        var d = value.denominator
        var twos = 0, fives = 0
        while !d.isZero && d[bitAt: 0] == false {
            d = d >> 1
            twos += 1
        }
        while true {
            let (q, r) = d.quotientAndRemainder(dividingBy: 5)
            if !r.isZero { break }
            d = q
            fives += 1
        }
        precondition(d == 1, "not a terminating decimal: \(value)")
        return max(twos, fives)
    }

    /// `12.5`, `4.0`: shortest decimal with at least one digit after the point.
    static func floatString(_ value: Rational) -> String {
        let places = max(1, decimalPlaces(value))
        var digits = scaledDigits(value, places: places)
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        return (value.isNegative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// `1.23e4`, `1.0e3`, `0.0e0`: mantissa in [1, 10) with at least one decimal; `significant` fixes the number
    /// of mantissa digits (padding with zeros) when given.
    static func scientificString(_ value: Rational, significant: Int? = nil) -> String {
        if value.isZero { return "0." + String(repeating: "0", count: max(1, (significant ?? 2) - 1)) + "e0" }
        let places = decimalPlaces(value)
        var digits = scaledDigits(value, places: places)
        let exponent = digits.count - 1 - places
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        if let significant {
            if digits.count < significant { digits += String(repeating: "0", count: significant - digits.count) }
        }
        if digits.count == 1 { digits += "0" }
        let mantissa = String(digits.prefix(1)) + "." + String(digits.dropFirst())
        return (value.isNegative ? "-" : "") + mantissa + "e" + String(exponent)
    }

    /// ⌊log10 |value|⌋ for a nonzero terminating decimal.
    static func exponentOf(_ value: Rational) -> Int {
        let places = decimalPlaces(value)
        let digits = scaledDigits(value, places: places)
        return digits.count - 1 - places
    }

    /// `7/13`, `1/1`.
    static func fractionString(_ value: Rational) -> String {
        "\(value.numerator)/\(value.denominator)"
    }

    static func string(_ value: Rational, as representation: NUPARepresentation) -> String {
        switch representation {
        case .integer: return value.numerator.description
        case .float: return floatString(value)
        case .fraction: return fractionString(value)
        case .scientific: return scientificString(value)
        }
    }

    /// Rounds a positive terminating decimal to `significant` figures, half up.
    static func roundSignificant(_ value: Rational, _ significant: Int) -> Rational {
        let exponent = exponentOf(value)
        let shift = significant - 1 - exponent  // value · 10^shift has `significant` integer digits
        let scaled = value * Rational.powerOfTen(shift)
        let (q, r) = scaled.numerator.magnitude.quotientAndRemainder(dividingBy: scaled.denominator)
        var rounded = q
        if !(r.multiplied(byWord: 2) < scaled.denominator) { rounded = rounded + 1 }
        return Rational(BigInt(magnitude: rounded)) * Rational.powerOfTen(-shift)
    }

    // MARK: Digit-wise operations

    /// Integer and decimal digit strings of a non-negative decimal (`"12"`, `"50"` for 12.50 → decimals trimmed).
    static func parts(_ value: Rational) -> (integer: String, fraction: String) {
        let places = decimalPlaces(value)
        let digits = scaledDigits(value, places: places)
        if places == 0 { return (digits, "") }
        let padded = digits.count <= places ? String(repeating: "0", count: places - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return (String(padded[..<split]), String(padded[split...]))
    }

    /// Applies `op` digit by digit (integer parts aligned right, decimal parts aligned left, missing digits 0).
    static func digitwise(_ a: Rational, _ b: Rational, _ op: (Int, Int) -> Int) -> Rational {
        let (ai, af) = parts(a), (bi, bf) = parts(b)
        let width = max(ai.count, bi.count)
        let fracWidth = max(af.count, bf.count)
        let x = String(repeating: "0", count: width - ai.count) + ai + af + String(repeating: "0", count: fracWidth - af.count)
        let y = String(repeating: "0", count: width - bi.count) + bi + bf + String(repeating: "0", count: fracWidth - bf.count)
        var out = ""
        for (p, q) in zip(x.utf8, y.utf8) { out.append(Character(Unicode.Scalar(UInt8(48 + op(Int(p) - 48, Int(q) - 48))))) }
        let magnitude = BigUInt(decimal: out) ?? .zero
        return Rational(BigInt(magnitude: magnitude), BigUInt.powerOfTen(fracWidth))
    }

    /// All digits of a non-negative decimal as written (integer part then decimals, no point).
    static func allDigits(_ value: Rational, representation: NUPARepresentation) -> String {
        let (i, f) = parts(value)
        if representation == .float {
            return i + (f.isEmpty ? "0" : f)
        }
        return i + f
    }
}
