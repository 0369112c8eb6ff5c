import Testing
@testable import Answers

/// Issue 13, class 1: numbers as people write them (separators, decimal commas, percent words, units in text
/// wrappers, currency signs), with near-misses that must not match.
@Suite struct AnswerClassNumberTests {
    static let cases: [EquivalenceCase] = [
        // Thousands separators: space, thin/no-break space, comma, {,}, ,\!
        .init("1000000", "1 000 000", true),
        .init("1000000", "1\u{2009}000\u{2009}000", true),
        .init("1000000", "1\u{00A0}000\u{00A0}000", true),
        .init("12345", "12,\\!345", true),
        .init("12345", "12{,}345", true),
        .init("12345", "12 345", true),
        .init("12345", "12 34 5", false),
        .init("12345", "123 45", false),
        .init("1000", "1 000.5", false),
        .init("1000.5", "1 000.5", true),
        // Decimal commas
        .init("0.5", "0,5", true),
        .init("3.14", "3,14", true),
        .init("3.14", "3{,}14", true),
        .init("-2.75", "-2,75", true),
        .init("0.5", "0{,}5", true),
        .init("1.5", "1,5", true),
        .init("15", "1,5", false),
        .init("1.5", "1,50", true),
        .init("1.5", "1,500", false),  // a thousands group: 1500
        .init("1500", "1,500", true),
        .init("0.5", "0,500", true),
        .init("1, 5", "1,5", true),  // as a list too
        // Percent in every spelling
        .init("25\\%", "25%", true),
        .init("25\\%", "25 percent", true),
        .init("25\\%", "25 pct", true),
        .init("25\\%", "25 \\text{ percent}", true),
        .init("0.25", "25 percent", true),
        .init("25\\%", "0.25", true),
        .init("25\\%", "2.5 percent", false),
        .init("25\\%", "0.025", false),
        // Units and words after a number in text wrappers or plain text
        .init("12", "12 \\text{ cm}", true),
        .init("12", "12\\textnormal{ cm}", true),
        .init("12", "12\\mbox{ meters}", true),
        .init("12", "12 \\textbf{ km}", true),
        .init("12", "12 \\text{m}", true),
        .init("9", "9 \\text{ m}^2", true),
        .init("9", "9\\text{ cm}^{2}", true),
        .init("12", "12 hours", true),
        .init("12", "13 \\text{ cm}", false),
        .init("12", "12m", false),  // a plain letter is a variable, not a unit
        .init("2e", "2\\text{e}", true),  // a lone e in a wrapper is the constant, not a unit
        .init("2", "2\\text{e}", false),
        // Currency signs
        .init("18.90", "\\$18.90", true),
        .init("18.9", "$18.90", true),
        .init("50", "€50", true),
        .init("50", "£50", true),
        .init("50", "¥50", true),
        .init("50", "₹ 50", true),
        .init("50", "€5", false),
        // Near-misses
        .init("1/3", "0.33", false),
        .init("1/3", "0.3333", true),
        .init("1000", "1.000", false),
        .init("1000", "1 00", false),
    ]

    @Test(arguments: cases) func numbers(_ row: EquivalenceCase) { row.verify() }

    @Test(arguments: [
        ResponseCase("1000000", "The population is $\\boxed{1\\,000\\,000}$.", true),
        ResponseCase("0.5", "Die Antwort ist $\\boxed{0{,}5}$.", true),
        ResponseCase("25\\%", "The answer is 25 percent.", true),
        ResponseCase("12", "The total length is $\\boxed{12 \\text{ cm}}$.", true),
        ResponseCase("50", "The answer is €50", true),
        ResponseCase("50", "The answer is £5.00", false),
    ])
    func responses(_ row: ResponseCase) { row.verify() }
}
