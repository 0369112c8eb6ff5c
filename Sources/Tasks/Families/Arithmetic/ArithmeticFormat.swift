import BigInt
import Exact

/// How numbers are written in an arithmetic prompt and expected in the answer (formats that matter for
/// transformers; see research/tasks.md §6). The verifier undoes the format before comparing.
public enum ArithmeticFormat: String, Sendable, CaseIterable {
    /// `579`.
    case plain
    /// Digits least-significant first: 579 is written `975` (a sign stays in front: `-975`).
    case reversed
    /// Left-padded with zeros to a fixed width stated in the prompt: `0579`.
    case zeroPadded = "zero-padded"
    /// Digits separated by single spaces: `5 7 9`.
    case digitSpaced = "digit-spaced"

    /// Writes `value` in this format; `width` is the zero-padding width (ignored by other formats).
    public func render(_ value: BigInt, width: Int) -> String {
        let digits = value.magnitude.decimalString
        let sign = value.isNegative ? "-" : ""
        switch self {
        case .plain:
            return sign + digits
        case .reversed:
            return sign + String(digits.reversed())
        case .zeroPadded:
            let padding = max(0, width - digits.count)
            return sign + String(repeating: "0", count: padding) + digits
        case .digitSpaced:
            var out = sign
            out.reserveCapacity(sign.count + digits.count * 2)
            var first = true
            for c in digits {
                if !first { out.append(" ") }
                out.append(c)
                first = false
            }
            return out
        }
    }

    public func render(_ value: BigUInt, width: Int) -> String {
        render(BigInt(magnitude: value), width: width)
    }

    /// Reads one number token written in this format (as found by ``numberTokens(in:)``) back into its value.
    public func value(of token: Substring) -> BigInt? {
        var body = token
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(body.utf8.count)
        for byte in body.utf8 {
            if byte >= 48 && byte <= 57 {
                digits.append(byte)
            } else if byte == 32 || byte == 44 {
                continue  // spaces (digit-spaced) and thousands commas (plain) were validated by the scanner
            } else {
                return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        if self == .reversed { digits.reverse() }
        guard let magnitude = BigUInt(decimal: String(decoding: digits, as: UTF8.self)) else { return nil }
        return BigInt(magnitude: magnitude, isNegative: negative)
    }

    /// A number token read back into sign and plain decimal digits (most significant first, no leading zeros;
    /// `[0x30]` for zero) without big-integer arithmetic: separators removed, digits un-reversed.
    public func digits(of token: Substring) -> (negative: Bool, digits: [UInt8])? {
        var negative = false
        var digits: [UInt8] = []
        digits.reserveCapacity(token.utf8.count)
        for byte in token.utf8 {
            if byte >= 48 && byte <= 57 {
                digits.append(byte)
            } else if byte == 45 && digits.isEmpty && !negative {
                negative = true
            } else if byte != 32 && byte != 44 {
                return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        if self == .reversed { digits.reverse() }
        var firstNonZero = 0
        while firstNonZero < digits.count - 1 && digits[firstNonZero] == 48 { firstNonZero += 1 }
        if firstNonZero > 0 { digits.removeFirst(firstNonZero) }
        if digits == [48] { negative = false }
        return (negative, digits)
    }

    /// Number tokens in `text`, in order. A token is an optional `-` (at the start or after a character that is
    /// not a letter or digit) followed by digits; in `digit-spaced` format, digits may be separated by single
    /// spaces; in `plain` format, valid thousands groups (`1,234`) are part of the token.
    public func numberTokens(in text: Substring) -> [Substring] {
        var tokens: [Substring] = []
        let utf8 = text.utf8
        var index = utf8.startIndex
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard isDigit(byte) else {
                index = utf8.index(after: index)
                continue
            }
            var start = index
            if start > utf8.startIndex {
                let before = utf8.index(before: start)
                if utf8[before] == 45 {  // '-'
                    let signOK: Bool
                    if before == utf8.startIndex {
                        signOK = true
                    } else {
                        let b = utf8[utf8.index(before: before)]
                        signOK = !(isDigit(b) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122))
                    }
                    if signOK { start = before }
                }
            }
            var end = utf8.index(after: index)
            while end < utf8.endIndex {
                let b = utf8[end]
                if isDigit(b) {
                    end = utf8.index(after: end)
                    continue
                }
                if self == .digitSpaced && b == 32 {
                    let next = utf8.index(after: end)
                    if next < utf8.endIndex && isDigit(utf8[next]) {
                        end = next
                        continue
                    }
                }
                if self == .plain && b == 44 {
                    // ",ddd" followed by a non-digit.
                    var probe = utf8.index(after: end)
                    var count = 0
                    while probe < utf8.endIndex && isDigit(utf8[probe]) && count < 4 {
                        probe = utf8.index(after: probe)
                        count += 1
                    }
                    if count == 3 {
                        end = probe
                        continue
                    }
                }
                break
            }
            tokens.append(Substring(text[start..<end]))
            index = end
        }
        return tokens
    }

    /// The sentence added to prompts to explain the format (`nil` for plain).
    func explanation(operandWidth: Int?, resultWidth: Int) -> String? {
        switch self {
        case .plain:
            return nil
        case .reversed:
            return "All numbers are written with their digits in reverse order (least significant digit first), "
                + "and the result must be written the same way."
        case .zeroPadded:
            let operands = operandWidth.map { "Operands are zero-padded to \($0) digits; " } ?? "Operands are zero-padded; "
            return operands + "write the result zero-padded to \(resultWidth) digits."
        case .digitSpaced:
            return "All numbers are written with a space between consecutive digits, "
                + "and the result must be written the same way."
        }
    }
}
