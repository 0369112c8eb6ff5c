/// The four character classes the GPT-2 pre-tokenizer regex distinguishes.
///
/// - `letter`: general category L (`\p{L}`: Lu, Ll, Lt, Lm, Lo).
/// - `number`: general category N (`\p{N}`: Nd, Nl, No), e.g. `7`, `²`, `½`, `Ⅻ`, `٣`.
/// - `whitespace`: the Unicode White_Space property (`\s`), e.g. space, tab, newline, NBSP, U+3000.
/// - `other`: everything else (punctuation, symbols, marks, emoji, controls, format characters).
enum ScalarClass: UInt8, Sendable {
    case letter, number, whitespace, other

    init(_ scalar: Unicode.Scalar) {
        if scalar.value < 128 {
            self = ScalarClass.ascii[Int(scalar.value)]
            return
        }
        let properties = scalar.properties
        if properties.isWhitespace {
            self = .whitespace
            return
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            self = .letter
        case .decimalNumber, .letterNumber, .otherNumber:
            self = .number
        default:
            self = .other
        }
    }

    private static let ascii: [ScalarClass] = (0..<128).map { value in
        switch value {
        case 0x09...0x0D, 0x20: return .whitespace
        case 0x30...0x39: return .number
        case 0x41...0x5A, 0x61...0x7A: return .letter
        default: return .other
        }
    }
}
