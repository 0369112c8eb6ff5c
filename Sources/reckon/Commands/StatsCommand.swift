import Analysis
import ArgumentParser
import Foundation

/// `reckon stats …`: evaluation statistics computed from counts given on the command line.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Evaluation statistics (unbiased pass@k, exact maj@k) from counts.",
        subcommands: [PassAtKCommand.self, MajorityAtKCommand.self])

    /// Formats a statistic with 6 significant digits (C's %.6g).
    static func format(_ value: Double) -> String { String(format: "%.6g", value) }

    struct PassAtKCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pass-at-k",
            abstract: "Unbiased pass@k = 1 − C(n−c,k)/C(n,k): chance that k of the n samples include a correct one.")

        @Option(help: "Samples drawn for the problem (n ≥ 1).") var n: Int
        @Option(help: "Correct samples among them (0 ≤ c ≤ n).") var c: Int
        @Option(help: "Samples per attempt (1 ≤ k ≤ n).") var k: Int
        @Option(help: "Output format: text (the value) or json ({\"pass_at_k\",\"n\",\"c\",\"k\"}).")
        var format: OutputFormat = .text

        func run() throws {
            let value = try PassAtK.estimate(samples: n, correct: c, k: k)
            switch format {
            case .text: print(StatsCommand.format(value))
            case .json:
                struct Output: Encodable { let pass_at_k: Double; let n: Int; let c: Int; let k: Int }
                print(try jsonLine(Output(pass_at_k: value, n: n, c: c, k: k)))
            }
        }
    }

    struct MajorityAtKCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "maj-at-k",
            abstract: "Exact expected majority-vote accuracy over all k-subsets of the given answers.")

        @Option(help: "Comma-separated final answer of each sample, e.g. a,b,a,c (an empty entry = no answer).")
        var answers: String
        @Option(help: "The correct answer.") var correct: String
        @Option(help: "Samples per vote (1 ≤ k ≤ number of answers).") var k: Int
        @Option(help: "Tie rule: split (ties broken uniformly at random, expected credit) or wrong (ties score 0).")
        var ties: TieRule = .splitEvenly
        @Option(help: "Output format: text (the value) or json ({\"maj_at_k\",\"k\",\"samples\",\"ties\"}).")
        var format: OutputFormat = .text

        func run() throws {
            let labels: [String?] = answers.split(separator: ",", omittingEmptySubsequences: false).map {
                let trimmed = $0.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            }
            let reference = correct.trimmingCharacters(in: .whitespaces)
            let value = try MajorityAtK.estimate(VoteTally(answers: labels, correct: reference), k: k, ties: ties)
            switch format {
            case .text: print(StatsCommand.format(value))
            case .json:
                struct Output: Encodable { let maj_at_k: Double; let k: Int; let samples: Int; let ties: String }
                print(try jsonLine(Output(maj_at_k: value, k: k, samples: labels.count, ties: ties.rawValue)))
            }
        }
    }
}

extension TieRule: ExpressibleByArgument {}
