import Foundation
import Testing
@testable import Analysis

@Suite struct PowerLawFitTests {
    static let truths: [(a: Double, b: Double)] = [(-2.5, -0.5), (-0.8, -0.3), (-4.0, -0.9), (-1.2, -0.15)]

    private static func gaussian(_ rng: inout AnalysisRNG) -> Double {
        let u = max(rng.unitDouble(), 1e-300), v = rng.unitDouble()
        return sqrt(-2 * log(u)) * cos(2 * Double.pi * v)
    }

    @Test func recoversParametersFromExactCurves() throws {
        for truth in Self.truths {
            let law = ExponentiatedPowerLaw(a: truth.a, b: truth.b)
            let points = (1...200).map { CoveragePoint(k: Double($0), coverage: law.coverage(at: Double($0))) }
            for method in [PowerLawFit.Method.logLinear, .refinedOnCoverage] {
                let fit = try PowerLawFit.fit(points, method: method)
                #expect(abs(fit.a - truth.a) <= 1e-9 * abs(truth.a), "\(truth) \(method): a=\(fit.a)")
                #expect(abs(fit.b - truth.b) <= 1e-9 * abs(truth.b), "\(truth) \(method): b=\(fit.b)")
                #expect(fit.rSquared > 1 - 1e-12)
            }
        }
    }

    @Test func recoversParametersFromNoisyCurves() throws {
        for seed in UInt64(1)...20 {
            var rng = AnalysisRNG(seed: seed)
            let truth = Self.truths[Int(seed) % Self.truths.count]
            let law = ExponentiatedPowerLaw(a: truth.a, b: truth.b)
            // Noise on coverage itself (σ = 0.005), kept inside (0, 1).
            let points = (1...300).map { k -> CoveragePoint in
                let noisy = law.coverage(at: Double(k)) + 0.005 * Self.gaussian(&rng)
                return CoveragePoint(k: Double(k), coverage: min(max(noisy, 1e-6), 1 - 1e-6))
            }
            let refined = try PowerLawFit.fit(points, method: .refinedOnCoverage)
            #expect(abs(refined.a - truth.a) <= 0.05 * abs(truth.a), "seed \(seed) truth \(truth): a=\(refined.a)")
            #expect(abs(refined.b - truth.b) <= 0.05 * abs(truth.b) + 0.01, "seed \(seed) truth \(truth): b=\(refined.b)")
            #expect(refined.rSquared > 0.95, "seed \(seed)")
            // Multiplicative noise in log(−log c) space suits the log-linear fit.
            let logPoints = (1...300).map { k -> CoveragePoint in
                let y = log(-truth.a) + truth.b * log(Double(k)) + 0.03 * Self.gaussian(&rng)
                return CoveragePoint(k: Double(k), coverage: exp(-exp(y)))
            }
            let linear = try PowerLawFit.fit(logPoints, method: .logLinear)
            #expect(abs(linear.a - truth.a) <= 0.03 * abs(truth.a), "seed \(seed) truth \(truth): a=\(linear.a)")
            #expect(abs(linear.b - truth.b) <= 0.01, "seed \(seed) truth \(truth): b=\(linear.b)")
        }
    }

    @Test func saturationPointIsTheFirstKReachingTheTarget() throws {
        for truth in Self.truths {
            let law = ExponentiatedPowerLaw(a: truth.a, b: truth.b)
            for target in [0.05, 0.3, 0.5, 0.8, 0.9, 0.95] {
                let k = try law.saturationPoint(target: target)
                #expect(law.coverage(at: Double(k)) >= target, "\(truth) target \(target) k=\(k)")
                if k > 1 { #expect(law.coverage(at: Double(k - 1)) < target, "\(truth) target \(target) k=\(k)") }
                let closedForm = pow(log(target) / truth.a, 1 / truth.b)
                #expect(abs(Double(k) - max(1, closedForm.rounded(.up))) <= 1, "\(truth) target \(target)")
                #expect(abs(law.coverage(at: try law.samplesToReach(coverage: target)) - target) <= 1e-12)
            }
        }
    }

    @Test func saturationErrorsSayWhy() throws {
        let falling = ExponentiatedPowerLaw(a: -1, b: 0.2)
        #expect(try falling.saturationPoint(target: 0.3) == 1)  // c(1) = e^-1 ≈ 0.37 already above
        do {
            _ = try falling.saturationPoint(target: 0.5)
            Issue.record("expected unreachable")
        } catch {
            guard case .targetUnreachable = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("b ≥ 0"))
        }
        let rising = ExponentiatedPowerLaw(a: -2, b: -0.5)
        #expect(throws: AnalysisError.invalidValue(name: "target coverage", value: 1, requirement: "in (0, 1) (exclusive)")) {
            try rising.saturationPoint(target: 1)
        }
        do {
            _ = try ExponentiatedPowerLaw(a: -2, b: -0.001).saturationPoint(target: 0.999)
            Issue.record("expected beyond range")
        } catch {
            guard case .saturationBeyondRange = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func fitErrors() throws {
        let flat = [CoveragePoint(k: 1, coverage: 0), CoveragePoint(k: 2, coverage: 1), CoveragePoint(k: 4, coverage: 0.5)]
        #expect(throws: AnalysisError.tooFewFitPoints(usable: 1, total: 3)) { try PowerLawFit.fit(flat) }
        #expect(throws: AnalysisError.invalidValue(name: "coverage", value: 1.5, requirement: "in [0, 1]")) {
            try PowerLawFit.fit([CoveragePoint(k: 1, coverage: 1.5)])
        }
        #expect(throws: AnalysisError.invalidValue(name: "k", value: 0, requirement: "finite and > 0")) {
            try PowerLawFit.fit([CoveragePoint(k: 0, coverage: 0.5)])
        }
        #expect(AnalysisError.tooFewFitPoints(usable: 1, total: 3).description.contains("Draw more samples"))
    }
}
