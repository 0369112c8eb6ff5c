import BigInt
import Exact

/// Reference worked solutions (scratchpads) for the arithmetic families, in plain decimal notation. Stored in
/// `data["scratchpad"]` when `scratchpad=steps`; the final line is `Answer: <answer in the requested format>`.
enum ArithmeticScratchpad {
    static func digitValues(_ n: BigUInt) -> [Int] {
        n.decimalString.utf8.map { Int($0) - 48 }
    }

    /// Column addition, least significant column first.
    static func add(_ a: BigUInt, _ b: BigUInt) -> [String] {
        let x = Array(digitValues(a).reversed()), y = Array(digitValues(b).reversed())
        var lines: [String] = []
        var carry = 0
        for i in 0..<max(x.count, y.count) {
            let p = i < x.count ? x[i] : 0, q = i < y.count ? y[i] : 0
            let sum = p + q + carry
            lines.append("column \(i + 1): \(p) + \(q) + carry \(carry) = \(sum), write \(sum % 10), carry \(sum / 10)")
            carry = sum / 10
        }
        if carry > 0 { lines.append("final carry: write \(carry)") }
        return lines
    }

    /// Column subtraction of `a − b` with `a >= b`.
    static func subtractOrdered(_ a: BigUInt, _ b: BigUInt) -> [String] {
        let x = Array(digitValues(a).reversed()), y = Array(digitValues(b).reversed())
        var lines: [String] = []
        var borrow = 0
        for i in 0..<x.count {
            let p = x[i], q = i < y.count ? y[i] : 0
            var top = p - borrow
            let newBorrow = top < q ? 1 : 0
            top += newBorrow * 10
            lines.append(
                "column \(i + 1): \(p) - borrow \(borrow) - \(q)"
                    + (newBorrow == 1 ? " (borrow 10)" : "") + " = \(top - q), write \(top - q), borrow \(newBorrow)")
            borrow = newBorrow
        }
        return lines
    }

    static func subtract(_ a: BigUInt, _ b: BigUInt) -> [String] {
        if a >= b { return subtractOrdered(a, b) }
        return ["\(a) < \(b), so compute \(b) - \(a) and make the result negative"] + subtractOrdered(b, a)
    }

    /// One partial product per digit of `b`, then the running sum.
    static func multiply(_ a: BigUInt, _ b: BigUInt) -> [String] {
        let y = Array(digitValues(b).reversed())
        var lines: [String] = []
        var total = BigUInt.zero
        for (k, d) in y.enumerated() {
            let partial = a.multiplied(byWord: UInt(d))
            let shifted = partial * BigUInt.powerOfTen(k)
            total = total + shifted
            lines.append("\(a) * \(d) = \(partial), shifted \(k) places: \(shifted); running sum \(total)")
        }
        return lines
    }

    /// Long division, one digit of the dividend at a time.
    static func longDivision(_ a: BigUInt, _ b: BigUInt) -> [String] {
        var lines: [String] = []
        var current = BigUInt.zero
        var quotient = ""
        for d in digitValues(a) {
            current = current.multiplied(byWord: 10) + BigUInt(UInt64(d))
            let (q, r) = current.quotientAndRemainder(dividingBy: b)
            lines.append("bring down \(d): \(current) ÷ \(b) = \(q), remainder \(r)")
            quotient += q.decimalString
            current = r
        }
        let trimmed = quotient.drop(while: { $0 == "0" })
        lines.append("quotient \(trimmed.isEmpty ? "0" : String(trimmed)), remainder \(current)")
        return lines
    }

    /// Left-to-right square-and-multiply over the bits of the exponent.
    static func powerMod(_ base: BigUInt, _ exponent: BigUInt, _ modulus: BigUInt) -> [String] {
        var lines: [String] = []
        let b = base % modulus
        var bits = ""
        var i = exponent.bitWidth - 1
        while i >= 0 {
            bits.append(exponent[bitAt: i] ? "1" : "0")
            i -= 1
        }
        lines.append("\(base) mod \(modulus) = \(b); exponent \(exponent) in binary is \(bits.isEmpty ? "0" : bits)")
        var result = BigUInt(1) % modulus
        lines.append("start with r = \(result)")
        for bit in bits {
            result = (result * result) % modulus
            var line = "bit \(bit): r = r^2 mod \(modulus) = \(result)"
            if bit == "1" {
                result = (result * b) % modulus
                line += ", then r = r * \(b) mod \(modulus) = \(result)"
            }
            lines.append(line)
        }
        return lines
    }

    /// How the prompt describes the steps.
    static func instruction(for operation: ArithmeticOperation) -> String {
        switch operation {
        case .add: return "add column by column from the least significant digit, tracking the carry"
        case .subtract: return "subtract column by column from the least significant digit, tracking the borrow"
        case .multiply: return "multiply by each digit of the second number, shift, and add the partial products"
        case .divmod, .mod: return "use long division, bringing down one digit at a time"
        case .powmod: return "use square-and-multiply over the binary digits of the exponent, reducing mod m each step"
        }
    }
}
