import Tasks

/// Every strategy by name, with its documented parameters; turns a ``StrategySpec`` into a runnable strategy.
///
/// | name | parameters (default) |
/// |---|---|
/// | `single` | — |
/// | `pass-at-k` | `k` samples (whole pool) — oracle verifier |
/// | `majority` | `k` voters (whole pool) |
/// | `weighted-logprob` | `k` voters (whole pool) |
/// | `weighted-verifier` | `k` voters (whole pool) |
/// | `best-of-n` | `k` candidates (whole pool) |
/// | `short-m-at-k` | `k` started (whole pool), `m` finishers (1) |
/// | `early-stop` | `confidence` (0.95), `k` most samples (whole pool), `min` samples (1) |
/// | `budget` | `tokens` per problem (required), `k` most samples (whole pool) |
/// | `adaptive` | `first` round (4), `samples` mean per problem (8), `confidence` (0.95), `rounds` (1), `solvability` exponent (1) |
public enum StrategyRegistry {
    /// One documented parameter.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var summary: String
        /// Default value; `nil` means "the whole pool" for sample counts, or "required" when `required` is set.
        public var defaultValue: Double?
        public var required: Bool
    }

    /// One registry entry.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var summary: String
        public var parameters: [Parameter]
        /// Whether it decides problems together (``MultiProblemStrategy``).
        public var acrossProblems: Bool
    }

    private static func count(_ name: String, _ summary: String, _ value: Double? = nil) -> Parameter {
        Parameter(name: name, summary: summary, defaultValue: value, required: false)
    }

    /// All strategies, in display order.
    public static let entries: [Entry] = [
        Entry(name: "single", summary: "the first sample's answer", parameters: [], acrossProblems: false),
        Entry(
            name: "pass-at-k", summary: "solved if any of k samples is correct (oracle verifier)",
            parameters: [count("k", "samples drawn")], acrossProblems: false),
        Entry(
            name: "majority", summary: "most frequent answer of k samples",
            parameters: [count("k", "samples voting")], acrossProblems: false),
        Entry(
            name: "weighted-logprob", summary: "vote weighted by exp(mean token log-probability)",
            parameters: [count("k", "samples voting")], acrossProblems: false),
        Entry(
            name: "weighted-verifier", summary: "vote weighted by the verifier's score",
            parameters: [count("k", "samples voting")], acrossProblems: false),
        Entry(
            name: "best-of-n", summary: "the sample with the best verifier score",
            parameters: [count("k", "candidates scored")], acrossProblems: false),
        Entry(
            name: "short-m-at-k", summary: "start k, vote among the first m to finish (ties to the shortest)",
            parameters: [count("k", "samples started"), count("m", "finishers voting", 1)], acrossProblems: false),
        Entry(
            name: "early-stop", summary: "sample until the vote margin is certain at the confidence",
            parameters: [
                count("confidence", "P(leader truly ahead) to stop, in (0.5, 1)", 0.95),
                count("k", "most samples"), count("min", "fewest samples before stopping", 1),
            ], acrossProblems: false),
        Entry(
            name: "budget", summary: "majority vote of the samples that fit in a per-problem token budget",
            parameters: [
                Parameter(name: "tokens", summary: "generated tokens per problem", defaultValue: nil, required: true),
                count("k", "most samples"),
            ], acrossProblems: false),
        Entry(
            name: "adaptive", summary: "first round, then the budget moves to hard-but-solvable problems",
            parameters: [
                count("first", "first-round samples per problem", 4),
                count("samples", "mean samples per problem in all", 8),
                count("confidence", "leader certainty that settles a problem, in (0.5, 1)", 0.95),
                count("rounds", "rounds the rest of the budget is spent in, re-estimating before each", 1),
                count("solvability", "exponent w ≥ 0 on solvability in the priority u·s^w (0: uncertainty only)", 1),
            ], acrossProblems: true),
    ]

    /// Registry names in display order.
    public static var names: [String] { entries.map(\.name) }

    /// The entry named `name`.
    /// - Throws: ``ReasoningError/unknownStrategy(name:suggestion:known:)`` with the closest name.
    public static func entry(_ name: String) throws(ReasoningError) -> Entry {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw .unknownStrategy(name: name, suggestion: EditDistance.closest(to: name, among: names), known: names)
        }
        return entry
    }

    /// Reads `name[:key=value,…]` and resolves it.
    public static func resolve(parsing text: String) throws(ReasoningError) -> ResolvedStrategy {
        try resolve(StrategySpec(parsing: text))
    }

    /// Checks the spec's name, parameter names and ranges, and builds the strategy.
    /// - Throws: ``ReasoningError`` `.unknownStrategy`, `.unknownStrategyParameter` or `.invalidStrategyParameter`.
    public static func resolve(_ spec: StrategySpec) throws(ReasoningError) -> ResolvedStrategy {
        let entry = try entry(spec.name)
        let known = entry.parameters.map(\.name)
        for key in spec.parameters.keys.sorted() where !known.contains(key) {
            throw .unknownStrategyParameter(strategy: spec.name, parameter: key, known: known)
        }
        let reader = ParameterReader(spec: spec, entry: entry)
        switch spec.name {
        case "single":
            return .perProblem(SingleSample())
        case "pass-at-k":
            return .perProblem(RepeatedSampling(k: try reader.count("k")))
        case "majority":
            return .perProblem(MajorityVote(k: try reader.count("k")))
        case "weighted-logprob":
            return .perProblem(WeightedVote(weighting: .meanLogProbability, k: try reader.count("k")))
        case "weighted-verifier":
            return .perProblem(WeightedVote(weighting: .verifierScore, k: try reader.count("k")))
        case "best-of-n":
            return .perProblem(BestOfN(k: try reader.count("k")))
        case "short-m-at-k":
            let k = try reader.count("k")
            let m = try reader.count("m") ?? 1
            if let k, m > k {
                throw .invalidStrategyParameter(strategy: spec.name, parameter: "m", value: Double(m), requirement: "m ≤ k = \(k)")
            }
            return .perProblem(ShortMAtK(k: k, m: m))
        case "early-stop":
            return .perProblem(
                EarlyStop(
                    confidence: try reader.probability("confidence"), k: try reader.count("k"),
                    minimum: try reader.count("min") ?? 1))
        case "budget":
            guard let tokens = try reader.count("tokens") else {
                throw .invalidStrategyParameter(
                    strategy: spec.name, parameter: "tokens", value: .nan, requirement: "a whole number ≥ 1 (required)")
            }
            return .perProblem(TokenBudget(tokens: tokens, k: try reader.count("k")))
        case "adaptive":
            let first = try reader.count("first") ?? 4
            let samples = try reader.count("samples") ?? 8
            guard samples >= first else {
                throw .invalidStrategyParameter(
                    strategy: spec.name, parameter: "samples", value: Double(samples), requirement: "≥ first = \(first)")
            }
            return .acrossProblems(
                AdaptiveAllocation(
                    first: first, samples: samples, confidence: try reader.probability("confidence"),
                    rounds: try reader.count("rounds") ?? 1, solvabilityExponent: try reader.nonNegative("solvability")))
        default:
            throw .unknownStrategy(name: spec.name, suggestion: nil, known: names)
        }
    }

    /// A useful default set for a run with `samples` samples per problem: single, pass@n, majority@n, both
    /// weighted votes, best-of-n, short-1@n and short-3@n (when n ≥ 3), early stop, and, when n ≥ 8, adaptive
    /// with a first round of max(3, n/4) and a mean of n/2 samples per problem.
    public static func defaultSpecs(samples n: Int) -> [StrategySpec] {
        var specs = [
            StrategySpec(name: "single"),
            StrategySpec(name: "pass-at-k"),
            StrategySpec(name: "majority"),
            StrategySpec(name: "weighted-logprob"),
            StrategySpec(name: "weighted-verifier"),
            StrategySpec(name: "best-of-n"),
            StrategySpec(name: "short-m-at-k", parameters: ["m": 1]),
        ]
        if n >= 3 { specs.append(StrategySpec(name: "short-m-at-k", parameters: ["m": 3])) }
        specs.append(StrategySpec(name: "early-stop"))
        if n >= 8 {
            specs.append(StrategySpec(name: "adaptive", parameters: ["first": Double(max(3, n / 4)), "samples": Double(n / 2)]))
        }
        return specs
    }
}

/// Reads and range-checks one spec's parameters against its entry's defaults.
private struct ParameterReader {
    let spec: StrategySpec
    let entry: StrategyRegistry.Entry

    private func value(_ name: String) -> Double? {
        spec.parameters[name] ?? entry.parameters.first(where: { $0.name == name })?.defaultValue
    }

    /// A whole number ≥ 1, or `nil` when absent without a default.
    func count(_ name: String) throws(ReasoningError) -> Int? {
        guard let raw = value(name) else { return nil }
        guard raw.isFinite, raw == raw.rounded(), raw >= 1, raw <= 1e9 else {
            throw .invalidStrategyParameter(strategy: spec.name, parameter: name, value: raw, requirement: "a whole number ≥ 1")
        }
        return Int(raw)
    }

    /// A finite number ≥ 0 (default 1).
    func nonNegative(_ name: String) throws(ReasoningError) -> Double {
        let raw = value(name) ?? 1
        guard raw.isFinite, raw >= 0 else {
            throw .invalidStrategyParameter(strategy: spec.name, parameter: name, value: raw, requirement: "a finite number ≥ 0")
        }
        return raw
    }

    /// A number in (0.5, 1).
    func probability(_ name: String) throws(ReasoningError) -> Double {
        let raw = value(name) ?? 0.95
        guard raw > 0.5, raw < 1 else {
            throw .invalidStrategyParameter(strategy: spec.name, parameter: name, value: raw, requirement: "a number in (0.5, 1)")
        }
        return raw
    }
}
