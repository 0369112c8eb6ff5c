import Exact

/// A templated word problem: wording with `{placeholders}`, sampled variables, constraints and an exact answer
/// expression (GSM-Symbolic style: numbers are decoupled from the wording).
///
/// ## File format (plain text, UTF-8)
/// ```
/// # comment lines start with '#'; blank lines are ignored
/// template: shop-apples                  # starts a template; id in lowercase kebab-case, unique in the file
/// text: {name} buys {bags} bags with {per} apples in each and eats {eaten}.
///   How many apples are left?           # lines starting with whitespace continue the text
/// var name = choice(names)               # a built-in list (names, fruits, snacks, tools, animals, cities)
/// var bags = range(2, 9)                 # integers 2…9 inclusive
/// var per = range(4, 20, 2) scaled       # step 2; "scaled": the upper bound is ×10^(scale−1) at the `scale` knob
/// var colour = choice(red, green, blue)  # literal items (all numeric → numbers, else words)
/// let total = bags * per                 # derived value (may use earlier names)
/// constraint eaten < total               # every constraint must hold (rejection sampling)
/// answer: total - eaten                  # exact rational arithmetic; see TemplateExpression
/// unit: apples                           # optional, shown in the question's closing instruction
/// ```
/// Placeholders `{expr}` may hold any expression (`{bags * per}`); `{{` and `}}` are literal braces.
/// Numbers render as integers, terminating decimals (≤ 4 places) or p/q.
/// Errors are ``TasksError/malformedLine(line:reason:)`` naming the file, template id and field.
public struct WordProblemTemplate: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case range(lower: Int, upper: Int, step: Int, scaled: Bool)
        case choice([TemplateExpression.Value])
        case derived(TemplateExpression)
    }
    public struct Declaration: Sendable, Equatable {
        public var name: String
        public var source: Source
        public var line: Int
    }
    enum Segment: Sendable, Equatable { case literal(String), value(TemplateExpression) }

    public let id: String
    public let declarations: [Declaration]
    public let constraints: [TemplateExpression]
    public let answer: TemplateExpression
    public let unit: String?
    let segments: [Segment]
    /// The wording as written (with placeholders).
    public let text: String

    /// One sampled problem.
    public struct Sample: Sendable, Equatable {
        public var question: String
        public var answer: Rational
        /// Variable values in declaration order, rendered as text.
        public var assignment: [String]
    }

    /// Draws variables until every constraint holds and the answer evaluates to a number; nil after `attempts` draws.
    public func sample(rng: inout TaskRNG, scale: Int = 1, attempts: Int = 10_000) -> Sample? {
        var factor = 1
        for _ in 1..<max(scale, 1) { factor *= 10 }
        draw: for _ in 0..<attempts {
            var env: [String: TemplateExpression.Value] = [:]
            for d in declarations {
                switch d.source {
                case .range(let lo, let hi, let step, let scaled):
                    let top = scaled ? hi * factor : hi
                    env[d.name] = .number(Rational(lo + step * rng.int(in: 0...((top - lo) / step))))
                case .choice(let items):
                    env[d.name] = rng.pick(items)
                case .derived(let e):
                    guard let v = try? e.evaluate(env) else { continue draw }
                    env[d.name] = v
                }
            }
            for c in constraints {
                guard case .bool(true)? = try? c.evaluate(env) else { continue draw }
            }
            guard case .number(let value)? = try? answer.evaluate(env) else { continue draw }
            var question = ""
            for s in segments {
                switch s {
                case .literal(let t): question += t
                case .value(let e):
                    guard let v = try? e.evaluate(env) else { continue draw }
                    question += v.description
                }
            }
            return Sample(question: question, answer: value, assignment: declarations.map { "\($0.name)=\(env[$0.name]!.description)" })
        }
        return nil
    }
}
