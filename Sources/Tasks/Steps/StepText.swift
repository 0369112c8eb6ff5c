import BigInt

/// Reading and altering the numbers in a step's text.
enum StepText {
    /// The unsigned integers of `text` when, with each maximal run of ASCII digits replaced by `#`, it equals
    /// `skeleton`; nil otherwise. Runs longer than `maxDigits` are refused (a hostile step never costs more).
    static func integers(in text: String, skeleton: String, maxDigits: Int = 10_000) -> [BigUInt]? {
        var shape = ""
        var numbers: [BigUInt] = []
        var run = ""
        func flush() -> Bool {
            guard !run.isEmpty else { return true }
            guard run.count <= maxDigits, let value = BigUInt(run, radix: 10) else { return false }
            numbers.append(value)
            shape.append("#")
            run = ""
            return true
        }
        for character in text {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else {
                guard flush() else { return nil }
                shape.append(character)
                guard shape.count <= skeleton.count else { return nil }
            }
        }
        guard flush(), shape == skeleton else { return nil }
        return numbers
    }

    /// `digits` (a non-negative decimal) with one digit replaced by a different one; the first digit of a
    /// multi-digit number never becomes 0, and a one-digit number never becomes 0 (it could be a divisor).
    static func slip(_ digits: String, using rng: inout TaskRNG) -> String {
        var characters = Array(digits)
        guard !characters.isEmpty else { return "1" }
        let position = rng.int(in: 0...(characters.count - 1))
        let old = Int(characters[position].asciiValue ?? 48) - 48
        let lowest = position == 0 ? 1 : 0
        var choices = Array(lowest...9).filter { $0 != old }
        if choices.isEmpty { choices = [1] }
        characters[position] = Character(String(rng.pick(choices)))
        return String(characters)
    }

    /// Decimal digits of a non-negative integer string, least significant first (nil unless all ASCII digits).
    static func digitsLeastFirst(_ text: String, maxDigits: Int) -> [Int]? {
        guard !text.isEmpty, text.count <= maxDigits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text.utf8.reversed().map { Int($0) - 48 }
    }
}
