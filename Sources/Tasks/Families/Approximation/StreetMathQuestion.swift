import Exact

/// One everyday estimation question: its wording, exact value (a rational) and unit.
public struct StreetMathQuestion: Sendable, Equatable {
    public var topic: String
    public var text: String
    public var exact: Rational
    public var unit: String
}

/// Topics and their generators (StreetMath-style, research notes §4; wording is Reckon's own).
/// Money is handled in integer cents and rates as exact fractions, so `exact` is exact.
public enum StreetMathTopic: String, Sendable, CaseIterable {
    case basket, discount, tax, units, tips, travel, fill, crowd

    /// Whether the `items` knob sets the number of prices in the question.
    public var usesItems: Bool { self == .basket || self == .discount || self == .tax }

    static func dollars(_ cents: Int) -> String {
        "$\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }

    static func prices(_ n: Int, _ rng: inout TaskRNG) -> [Int] { (0..<n).map { _ in rng.int(in: 79...1999) } }

    static let goods = ["a loaf of bread", "a bag of rice", "a jar of honey", "a box of tea", "a bottle of olive oil",
                        "a pack of batteries", "a notebook", "a tube of toothpaste", "a bunch of bananas", "a candle",
                        "a pair of socks", "a bag of coffee", "a roll of tape", "a houseplant", "a phone cable"]

    func make(items: Int, rng: inout TaskRNG) -> StreetMathQuestion {
        // Every branch below uses only exact integer/rational arithmetic.
        func r(_ p: Int, _ q: Int) -> Rational { q == 0 ? Rational(0) : Rational(p, q) }
        func listing(_ cents: [Int]) -> String {
            var names = Self.goods
            rng.shuffle(&names)
            return zip(names, cents).map { "\($0) for \(Self.dollars($1))" }.joined(separator: ", ")
        }
        switch self {
        case .basket:
            let cents = Self.prices(items, &rng)
            return StreetMathQuestion(topic: rawValue, text: "At a shop you pick up \(listing(cents)). Roughly how much do you pay in total, before tax?",
                                      exact: r(cents.reduce(0, +), 100), unit: "dollars")
        case .discount:
            let cents = Self.prices(items, &rng)
            let off = rng.pick([10, 15, 20, 25, 30])
            return StreetMathQuestion(topic: rawValue, text: "A store has \(off)% off everything. You buy \(listing(cents)). About how much do you pay after the discount?",
                                      exact: r(cents.reduce(0, +) * (100 - off), 10_000), unit: "dollars")
        case .tax:
            let cents = Self.prices(items, &rng)
            let tenths = rng.pick([60, 70, 75, 80, 85])     // tax rate in tenths of a percent
            let rate = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
            return StreetMathQuestion(topic: rawValue, text: "You buy \(listing(cents)). Sales tax is \(rate)%. About how much do you pay including tax?",
                                      exact: r(cents.reduce(0, +) * (1000 + tenths), 100_000), unit: "dollars")
        case .units:
            let perPound = rng.int(in: 199...1299)
            let pounds = rng.int(in: 0...4), ounces = rng.int(in: pounds == 0 ? 4...15 : 1...15)
            return StreetMathQuestion(topic: rawValue, text: "Cheese costs \(Self.dollars(perPound)) per pound. The piece you pick weighs \(pounds) lb \(ounces) oz (16 oz = 1 lb). Roughly how much does it cost?",
                                      exact: r(perPound * (16 * pounds + ounces), 1600), unit: "dollars")
        case .tips:
            let bill = rng.int(in: 1200...12_000)
            let tip = rng.pick([15, 18, 20, 22])
            return StreetMathQuestion(topic: rawValue, text: "Dinner comes to \(Self.dollars(bill)) and you want to leave a \(tip)% tip. About how much do you pay in all, tip included?",
                                      exact: r(bill * (100 + tip), 10_000), unit: "dollars")
        case .travel:
            let miles = rng.int(in: 5...240), speed = rng.pick([25, 30, 35, 40, 45, 50, 55, 60, 65])
            return StreetMathQuestion(topic: rawValue, text: "You drive \(miles) miles at a steady \(speed) miles per hour. Roughly how many hours does the trip take?",
                                      exact: r(miles, speed), unit: "hours")
        case .fill:
            let litres = rng.int(in: 10...50), rate = rng.int(in: 4...8)
            return StreetMathQuestion(topic: rawValue, text: "A \(litres)-litre tank fills from a hose at \(rate) litres per minute. About how many minutes does it take to fill?",
                                      exact: r(litres, rate), unit: "minutes")
        case .crowd:
            let length = rng.int(in: 30...70), width = rng.int(in: 20...35), density = rng.int(in: 1...4)
            return StreetMathQuestion(topic: rawValue, text: "A square measuring \(length) m by \(width) m is packed with about \(density) \(density == 1 ? "person" : "people") per square metre. Roughly how many people are there?",
                                      exact: Rational(length * width * density), unit: "people")
        }
    }
}
