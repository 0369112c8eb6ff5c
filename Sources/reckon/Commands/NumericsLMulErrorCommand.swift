import ArgumentParser
import Foundation
import Numerics

extension NumericsCommand {
    /// `reckon numerics lmul-error`: L-Mul's mean relative error on random N(0,1) pairs, beside fp8 rounding.
    struct LMulError: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lmul-error",
            abstract: "Measure L-Mul's mean relative error on N(0,1) pairs, beside fp8 e4m3 and e5m2 rounding.",
            discussion: """
                L-Mul (Luo & Sun 2024) replaces a multiplication by an integer addition of the operands' bit \
                patterns. Operands are fp32 N(0,1) draws rounded to --mantissa-bits fraction bits; errors are \
                |approx - exact| / |exact| against the exact product of the unrounded operands, as fractions \
                (0.0571 = 5.71 %). JSON keys: mantissaBits, offsetExponent, pairs, seed, meanRelativeError, \
                maxRelativeError, fp8E4M3MeanRelativeError, fp8E4M3RoundedProductMeanRelativeError, \
                fp8E5M2MeanRelativeError, fp8E5M2RoundedProductMeanRelativeError (the fp8 figures round the operands, \
                and for "RoundedProduct" also the product, to that format).
                """)

        @Option(help: "Fraction bits of the L-Mul operands (1...23; 23 = plain fp32).")
        var mantissaBits: Int = 3

        @Option(help: "Number of random operand pairs.")
        var pairs: Int = 1_000_000

        @Option(help: "Seed of the operand generator (the same seed gives the same pairs).")
        var seed: UInt64 = 1

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func validate() throws {
            guard LMul.fp32MantissaBits.contains(mantissaBits) else {
                throw ValidationError("--mantissa-bits must be in 1...23 (fp32 has 23 fraction bits), found \(mantissaBits)")
            }
            guard pairs >= 1 else { throw ValidationError("--pairs must be at least 1, found \(pairs)") }
        }

        func run() throws {
            let report = LMulErrorStudy.measure(mantissaBits: mantissaBits, pairs: pairs, seed: seed)
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            case .text:
                func percent(_ x: Double) -> String { String(format: "%.3f %%", x * 100) }
                print("L-Mul m=\(report.mantissaBits) (offset 2^-\(report.offsetExponent)), "
                      + "\(report.pairs) N(0,1) pairs, seed \(report.seed)")
                print("  L-Mul mean relative error          \(percent(report.meanRelativeError))"
                      + "  (max \(percent(report.maxRelativeError)))")
                print("  fp8 e4m3 operands, exact product   \(percent(report.fp8E4M3MeanRelativeError))")
                print("  fp8 e4m3 operands and product      \(percent(report.fp8E4M3RoundedProductMeanRelativeError))")
                print("  fp8 e5m2 operands, exact product   \(percent(report.fp8E5M2MeanRelativeError))")
                print("  fp8 e5m2 operands and product      \(percent(report.fp8E5M2RoundedProductMeanRelativeError))")
            }
        }
    }
}
