import Foundation
import Reasoning
import Tasks

/// Exports stored samples, one line per sample: JSON Lines or CSV (RFC 4180: fields containing a comma,
/// a double quote, CR or LF are quoted and inner quotes doubled; records end with CRLF).
public enum RunExport {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    /// One exported sample. `problemID` is the stored instance id (nil when the problem was not stored).
    public struct Line: Sendable, Equatable, Encodable {
        public var run: Int64
        public var problemID: String?
        public var sample: SampleRecord

        public init(run: Int64, problemID: String?, sample: SampleRecord) {
            self.run = run
            self.problemID = problemID
            self.sample = sample
        }

        enum CodingKeys: String, CodingKey {
            case run, problemID = "problem_id", problem, sample, seed, text, promptTokens = "prompt_tokens"
            case generatedTokens = "generated_tokens", finishReason = "finish_reason"
            case meanLogProbability = "mean_logprob", verdict, score, extracted, answerKey = "answer_key"
        }

        /// Every key is written; absent values are `null`. A non-finite log-probability is written as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(run, forKey: .run)
            try container.encode(problemID, forKey: .problemID)
            try container.encode(sample.problem, forKey: .problem)
            try container.encode(sample.sample, forKey: .sample)
            try container.encode(sample.seed, forKey: .seed)
            try container.encode(sample.text, forKey: .text)
            try container.encode(sample.promptTokens, forKey: .promptTokens)
            try container.encode(sample.generatedTokens, forKey: .generatedTokens)
            try container.encode(sample.finishReason, forKey: .finishReason)
            try container.encode(
                sample.meanLogProbability.isFinite ? sample.meanLogProbability : nil, forKey: .meanLogProbability)
            try container.encode(sample.verdict, forKey: .verdict)
            try container.encode(sample.score.isFinite ? sample.score : nil, forKey: .score)
            try container.encode(sample.extracted, forKey: .extracted)
            try container.encode(sample.answerKey, forKey: .answerKey)
        }
    }

    /// CSV column names, in order.
    public static let csvColumns = [
        "run", "problem_id", "problem", "sample", "seed", "verdict", "score", "prompt_tokens", "generated_tokens",
        "finish_reason", "mean_logprob", "extracted", "answer_key", "text",
    ]

    /// The CSV header record (with its CRLF terminator).
    public static var csvHeader: String { csvColumns.joined(separator: ",") + "\r\n" }

    /// One JSON object on one line (no trailing newline); keys sorted, newlines inside text escaped.
    public static func jsonLine(_ line: Line) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(line), as: UTF8.self)
    }

    /// One CSV record, terminated by CRLF. Empty field = absent value.
    public static func csvRecord(_ line: Line) -> String {
        let s = line.sample
        let fields: [String] = [
            String(line.run), line.problemID ?? "", String(s.problem), String(s.sample), String(s.seed), s.verdict,
            number(s.score), String(s.promptTokens), String(s.generatedTokens), s.finishReason,
            number(s.meanLogProbability), s.extracted ?? "", s.answerKey ?? "", s.text,
        ]
        return fields.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// Quotes `value` when it contains a comma, a double quote, CR or LF (RFC 4180), doubling inner quotes.
    public static func csvField(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }

    /// Writes every sample of `runs` (all runs when nil) to `emit`, one line (record) per call, header first for CSV.
    public static func export(
        from store: RunStore, runs: [Int64]? = nil, format: Format, emit: (String) throws -> Void
    ) throws {
        let ids = try runs ?? store.runs().map(\.id)
        if format == .csv { try emit(csvHeader) }
        for run in ids {
            let problems = try store.problems(run: run)
            for sample in try store.samples(run: run) {
                let line = Line(run: run, problemID: problems[sample.problem]?.id, sample: sample)
                switch format {
                case .jsonl: try emit(jsonLine(line) + "\n")
                case .csv: try emit(csvRecord(line))
                }
            }
        }
    }
}
