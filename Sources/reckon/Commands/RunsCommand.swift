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

    /// A command failure whose message says what to do (printed as `Error: …` without the usage text).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Opens an existing run database (never creates one: a mistyped path must not yield an empty file).
    static func openStore(_ path: String) throws -> RunStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure(description: "run database '\(path)' does not exist; pass the --db file written by `reckon eval`")
        }
        return try RunStore(path: path)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per run: id, task, model, progress, pass@1.")

        @Option(help: "SQLite run database.") var db: String

        func run() throws {
            let runs = try RunsCommand.openStore(db).runs()
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
                guard FileManager.default.createFile(atPath: out, contents: nil) else {
                    throw Failure(description: "cannot create output file '\(out)'; check the folder exists and is writable")
                }
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
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
