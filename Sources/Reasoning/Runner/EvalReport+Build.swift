import Analysis

extension EvalReport {
    /// Builds the report from stored samples (no generation): groups them by problem, applies every strategy of
    /// `configuration.strategies` (``StrategyRegistry/defaultSpecs(samples:)`` when empty) and computes the curves.
    /// Only problems `0..<configuration.problems` and samples `0..<configuration.samples` are used.
    /// - Throws: ``ReasoningError`` when a strategy spec does not resolve.
    public static func build(
        configuration: EvalConfiguration, samples: [SampleRecord], costs: CostContext
    ) throws(ReasoningError) -> EvalReport {
        let pools = Self.nonEmptyPools(samples, problems: configuration.problems, samplesPerProblem: configuration.samples)
        let specs = configuration.strategies.isEmpty
            ? StrategyRegistry.defaultSpecs(samples: configuration.samples) : configuration.strategies
        var reports: [StrategyReport] = []
        for spec in specs {
            let strategy = try StrategyRegistry.resolve(spec)
            reports.append(StrategyReport(spec: spec, label: strategy.label, outcomes: strategy.apply(to: pools, costs: costs)))
        }
        let depth = pools.map(\.count).min() ?? 0
        var passAtK: [CurvePoint] = []
        var majorityAtK: [CurvePoint] = []
        var fit: CoverageFitSummary?
        if depth >= 1 {
            let outcomes = pools.compactMap { pool in try? ProblemOutcome(samples: pool.count, correct: pool.filter(\.isCorrect).count) }
            let tallies = pools.compactMap { try? Self.voteTally($0) }
            if let curve = try? CoverageCurve(outcomes, maxK: depth) {
                passAtK = curve.points.map { CurvePoint(k: Int($0.k), value: $0.coverage) }
                if let result = try? PowerLawFit.coverageLaw(of: curve) {
                    fit = CoverageFitSummary(a: result.a, b: result.b, rSquared: result.rSquared, usablePoints: result.usablePoints)
                }
            }
            for k in 1...depth {
                if let value = try? MajorityAtK.mean(tallies, k: k) { majorityAtK.append(CurvePoint(k: k, value: value)) }
            }
        }
        return EvalReport(
            configuration: configuration, identityHash: configuration.identityHash(), problems: pools.count,
            samplesPerProblem: depth, strategies: reports, passAtK: passAtK, majorityAtK: majorityAtK,
            coverageFit: fit)
    }

    /// Samples grouped by problem (index `0..<problems`), each pool in sample order, keeping samples
    /// `0..<samplesPerProblem`. Allocates `problems` pools: for a validated configuration only (at most
    /// ``EvalConfiguration/maximumProblems``); ``nonEmptyPools(_:problems:samplesPerProblem:)`` takes any.
    public static func pools(_ samples: [SampleRecord], problems: Int, samplesPerProblem: Int) -> [[SampleRecord]] {
        var pools = [[SampleRecord]](repeating: [], count: max(0, problems))
        for sample in samples where pools.indices.contains(sample.problem) && (0..<max(0, samplesPerProblem)).contains(sample.sample) {
            pools[sample.problem].append(sample)
        }
        return pools.map { $0.sorted { $0.sample < $1.sample } }
    }

    /// The pools of ``pools(_:problems:samplesPerProblem:)`` that hold samples, in problem order. Costs memory in
    /// proportion to the samples only (never to `problems`, which a stored configuration may state as anything).
    public static func nonEmptyPools(_ samples: [SampleRecord], problems: Int, samplesPerProblem: Int) -> [[SampleRecord]] {
        var byProblem: [Int: [SampleRecord]] = [:]
        for sample in samples where (0..<max(0, problems)).contains(sample.problem)
            && (0..<max(0, samplesPerProblem)).contains(sample.sample) {
            byProblem[sample.problem, default: []].append(sample)
        }
        return byProblem.keys.sorted().map { byProblem[$0]!.sorted { $0.sample < $1.sample } }
    }

    /// The majority-vote tally of one pool: correct samples form the correct cluster, other answered samples
    /// cluster by answer key, samples without a key abstain.
    public static func voteTally(_ pool: [SampleRecord]) throws(AnalysisError) -> VoteTally {
        var others: [String: Int] = [:]
        var correct = 0, abstentions = 0
        for sample in pool {
            if sample.isCorrect {
                correct += 1
            } else if let key = sample.answerKey {
                others[key, default: 0] += 1
            } else {
                abstentions += 1
            }
        }
        return try VoteTally(correct: correct, others: Array(others.values), abstentions: abstentions)
    }
}
