import ArgumentParser
import Foundation
import Reasoning
import Store

/// `reckon runs list|show|export`: inspect and export the evaluation runs stored in a SQLite file.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show and export evaluation runs stored by `reckon eval`.",
        subcommands: [List.self, Show.self, Export.self])

    /// Opens an existing run database for reading only: never creates, migrates or writes one (a mistyped path
    /// must not yield an empty file, and another application's database is left as it is).
    static func openStore(_ path: String) throws -> RunStore {
        guard let kind = FileKind.of(path, followingLinks: true) else {
            throw CommandFailure("run database '\(path)' does not exist; pass the --db file written by `reckon eval`",
                                 status: .noInput)
        }
        guard kind == .regular else {
            throw CommandFailure("run database '\(path)' is \(kind.phrase), not a file; pass the --db file written by `reckon eval`",
                                 status: .noInput)
        }
        return try RunStore(readingAt: path)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per run: id, task, model, progress, pass@1.")

        @Option(help: "SQLite run database.") var db: String
        @Option(help: "Output format: text (tab-separated) or json (one array of runs).") var format: OutputFormat = .text

        func run() throws {
            let runs = try RunsCommand.openStore(db).runs()
            if format == .json {
                let formatter = ISO8601DateFormatter()
                print(try jsonLine(runs.map { run in
                    RunLine(id: run.id, identity_hash: run.identityHash, task: run.configuration.task,
                            difficulty: run.configuration.difficulty, model: run.modelIdentifier,
                            problems: run.problemCount, samples: run.sampleCount,
                            expected_samples: run.expectedSampleCount, correct: run.correctCount,
                            created_at: formatter.string(from: run.createdAt),
                            finished_at: run.finishedAt.map { formatter.string(from: $0) })
                }))
                return
            }
            if runs.isEmpty {
                print("no runs in \(db)")
                return
            }
            print("id\ttask\tmodel\tsamples\tcorrect\tfinished\tcreated")
            let formatter = ISO8601DateFormatter()
            for run in runs {
                let finished = run.finishedAt.map { formatter.string(from: $0) } ?? "no"
                print(
                    "\(run.id)\t\(run.configuration.task)\t\(run.modelIdentifier)\t\(run.sampleCount)/\(run.expectedSampleCount)"
                        + "\t\(run.correctCount)\t\(finished)\t\(formatter.string(from: run.createdAt))")
            }
        }
    }

    /// One run in `runs list --format json`.
    struct RunLine: Encodable {
        let id: Int64
        let identity_hash: String
        let task: String
        let difficulty: [String: String]
        let model: String
        let problems: Int
        let samples: Int
        let expected_samples: Int
        let correct: Int
        let created_at: String
        let finished_at: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(identity_hash, forKey: .identity_hash)
            try container.encode(task, forKey: .task)
            try container.encode(difficulty, forKey: .difficulty)
            try container.encode(model, forKey: .model)
            try container.encode(problems, forKey: .problems)
            try container.encode(samples, forKey: .samples)
            try container.encode(expected_samples, forKey: .expected_samples)
            try container.encode(correct, forKey: .correct)
            try container.encode(created_at, forKey: .created_at)
            try container.encode(finished_at, forKey: .finished_at)  // null while unfinished
        }

        enum CodingKeys: String, CodingKey {
            case id, identity_hash, task, difficulty, model, problems, samples, expected_samples, correct, created_at,
                 finished_at
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A run's full configuration and counts, as JSON.")

        @Option(help: "SQLite run database.") var db: String
        @Option(name: .customLong("run"), help: "Run id (see `reckon runs list`).") var runID: Int64

        func run() throws {
            let stored = try RunsCommand.openStore(db).run(id: runID)
            let formatter = ISO8601DateFormatter()
            let summary = RunSummary(
                id: stored.id, identityHash: stored.identityHash, configuration: stored.configuration,
                modelFileSHA256: stored.modelFileSHA256, reckonVersion: stored.reckonVersion,
                createdAt: formatter.string(from: stored.createdAt), finishedAt: stored.finishedAt.map { formatter.string(from: $0) },
                problems: stored.problemCount, samples: stored.sampleCount, expectedSamples: stored.expectedSampleCount,
                correct: stored.correctCount)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        }

        struct RunSummary: Encodable {
            var id: Int64
            var identityHash: String
            var configuration: EvalConfiguration
            var modelFileSHA256: String?
            var reckonVersion: String
            var createdAt: String
            var finishedAt: String?
            var problems: Int
            var samples: Int
            var expectedSamples: Int
            var correct: Int
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One line per sample (run, problem id, sample index, text, tokens, verdict…) as JSON Lines or CSV.")

        @Option(help: "SQLite run database.") var db: String
        @Option(help: "jsonl or csv (RFC 4180, CRLF records).") var format: RunExport.Format = .jsonl
        @Option(name: .customLong("run"), help: "Only this run (default: every run).") var runID: Int64?
        @Option(help: "Output file (default: standard output).") var out: String?

        func run() throws {
            let store = try RunsCommand.openStore(db)
            let handle: FileHandle
            if let out {
                handle = try OutputFile.openForWriting(out, option: "--out")
            } else {
                handle = FileHandle.standardOutput
            }
            var buffer = Data()
            try RunExport.export(from: store, runs: runID.map { [$0] }, format: format) { line in
                buffer.append(contentsOf: line.utf8)
                if buffer.count >= 1 << 16 {
                    handle.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            handle.write(buffer)
            if out != nil { try handle.close() }
        }
    }
}

extension RunExport.Format: ExpressibleByArgument {}
