import Testing
@testable import Reasoning

@Suite struct StrategyRegistryTests {
    @Test func parsesTheCommandLineForm() throws {
        let spec = try StrategySpec(parsing: "short-m-at-k: k=8, m=3")
        #expect(spec == StrategySpec(name: "short-m-at-k", parameters: ["k": 8, "m": 3]))
        #expect(spec.description == "short-m-at-k:k=8,m=3")
        #expect(try StrategySpec(parsing: "majority") == StrategySpec(name: "majority"))
        #expect(try StrategySpec(parsing: "early-stop:confidence=0.9").description == "early-stop:confidence=0.9")
    }

    @Test func everyNameResolves() throws {
        for name in StrategyRegistry.names where name != "budget" {
            _ = try StrategyRegistry.resolve(StrategySpec(name: name))
        }
        let budget = try StrategyRegistry.resolve(parsing: "budget:tokens=500,k=4")
        #expect(budget.label == "budget:k=4,tokens=500")
        #expect(try StrategyRegistry.resolve(parsing: "short-m-at-k:k=8,m=3").label == "short-m-at-k:k=8,m=3")
        guard case .acrossProblems = try StrategyRegistry.resolve(parsing: "adaptive") else {
            Issue.record("adaptive should decide problems together")
            return
        }
    }

    @Test func defaultSpecsAllResolve() throws {
        for n in [1, 2, 3, 8, 64] {
            for spec in StrategyRegistry.defaultSpecs(samples: n) { _ = try StrategyRegistry.resolve(spec) }
        }
    }

    @Test func aTypoSuggestsTheClosestName() {
        #expect(throws: ReasoningError.unknownStrategy(name: "majorty", suggestion: "majority", known: StrategyRegistry.names)) {
            try StrategyRegistry.resolve(parsing: "majorty")
        }
        let message = ReasoningError.unknownStrategy(name: "majorty", suggestion: "majority", known: ["single", "majority"])
            .description
        #expect(message == "unknown strategy 'majorty'. Did you mean 'majority'? Expected one of: single, majority.")
    }

    @Test func badParametersAreRejectedWithTheirRange() {
        #expect(throws: ReasoningError.unknownStrategyParameter(strategy: "majority", parameter: "m", known: ["k"])) {
            try StrategyRegistry.resolve(parsing: "majority:m=3")
        }
        #expect(throws: ReasoningError.invalidStrategyParameter(strategy: "short-m-at-k", parameter: "m", value: 5, requirement: "m ≤ k = 4")) {
            try StrategyRegistry.resolve(parsing: "short-m-at-k:k=4,m=5")
        }
        #expect(throws: ReasoningError.invalidStrategyParameter(strategy: "majority", parameter: "k", value: 2.5, requirement: "a whole number ≥ 1")) {
            try StrategyRegistry.resolve(parsing: "majority:k=2.5")
        }
        #expect(throws: ReasoningError.invalidStrategyParameter(strategy: "early-stop", parameter: "confidence", value: 1, requirement: "a number in (0.5, 1)")) {
            try StrategyRegistry.resolve(parsing: "early-stop:confidence=1")
        }
        #expect(throws: ReasoningError.self) { try StrategyRegistry.resolve(parsing: "budget") }
        #expect(throws: ReasoningError.self) { try StrategyRegistry.resolve(parsing: "adaptive:first=8,samples=4") }
    }

    @Test func malformedTextSaysWhere() {
        #expect(throws: ReasoningError.malformedStrategy(text: "majority:k", position: 9, reason: "expected key=value, found 'k'")) {
            try StrategySpec(parsing: "majority:k")
        }
        #expect(throws: ReasoningError.malformedStrategy(text: "majority:k=x", position: 11, reason: "'x' is not a finite number")) {
            try StrategySpec(parsing: "majority:k=x")
        }
        #expect(throws: ReasoningError.self) { try StrategySpec(parsing: ":k=1") }
        #expect(throws: ReasoningError.self) { try StrategySpec(parsing: "majority:k=1,k=2") }
    }
}
