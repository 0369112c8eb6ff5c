import Analysis
import ArgumentParser
import Engine
import Exact
import Foundation
import Reasoning
import RemoteEngine
import Tasks

/// `reckon verify-steps`: runs a step verifier over labelled solutions and prints ProcessBench's measures.
struct VerifyStepsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-steps",
        abstract: "Measure a step verifier on labelled step-by-step solutions (ProcessBench's accuracies and F1).",
        discussion: """
        The input is JSON Lines as `reckon tasks steps` writes them (at least family, problem, steps, label). \
        Verifiers: exact re-checks every step with the family's step checker (it must find every label: a check \
        of the data); self asks the model (the local engine, or --endpoint) for the earliest wrong step with \
        ProcessBench's critic prompt and reads the index (or -1) in its last \\boxed{}; an unreadable reply is a \
        miss. Measures: accuracy on erroneous solutions (the exact earliest-error index), accuracy on correct \
        ones (predicting -1), and F1, their harmonic mean. With --predictions FILE each prediction is appended to \
        FILE as it is made, and a later run with the same FILE reuses them (an interrupted run resumes).
        """)

    enum Verifier: String, ExpressibleByArgument, CaseIterable { case exact, `self` }

    @Option(help: "JSONL file of labelled solutions ('-' for standard input).") var input: String
    @Option(help: "Verifier: exact or self.") var verifier: Verifier
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Verify only the first N solutions.") var limit: Int?
    @Option(help: "self: JSONL file of predictions, appended to as they are made and reused on the next run.")
    var predictions: String?
    @Option(help: "self: most tokens of each review.") var maxTokens: Int = 512
    @Flag(help: "self: send the prompt as raw text instead of a chat message.") var noChat = false
    @Option(help: "self: OpenAI-compatible server base URL instead of the local engine.") var endpoint: String?
    @Option(help: "self: model name to ask the remote server for.") var modelName: String?
    @Option(help: "self: remote API, completions or chat.") var api: String = "chat"
    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be non-negative, found \(limit)") }
        guard (1...1_000_000).contains(maxTokens) else { throw ValidationError("--max-tokens must be in 1...1000000, found \(maxTokens)") }
        if endpoint != nil {
            guard modelName != nil else { throw ValidationError("--endpoint needs --model-name (the server's model id)") }
            guard RemoteAPI(rawValue: api) != nil else { throw ValidationError("--api must be completions or chat, got \(api)") }
        }
        if verifier == .exact && (endpoint != nil || predictions != nil) {
            throw ValidationError("--endpoint and --predictions apply to --verifier self only")
        }
    }

    func run() async throws {
        var solutions: [LabelledSolution] = []
        var lineNumbers: [Int] = []
        for (number, line) in JSONLines.numbered(try InputReading.read(input)) {
            if let limit, solutions.count >= limit { break }
            solutions.append(try LabelledSolution.parse(line: line, number: number))
            lineNumbers.append(number)
        }
        var score = ProcessBenchScore()
        switch verifier {
        case .exact:
            for (position, solution) in solutions.enumerated() {
                do {
                    score.add(label: solution.label, prediction: try ExactStepVerifier.prediction(for: solution))
                } catch {
                    throw TasksError.malformedLine(line: lineNumbers[position], reason: error.description)
                }
            }
        case .self:
            score = try await runSelf(solutions)
        }
        let report = Report(verifier: verifier.rawValue, solutions: solutions.count, score: score)
        switch format {
        case .json: print(try jsonLine(report))
        case .text: print(report.text)
        }
    }

    func runSelf(_ solutions: [LabelledSolution]) async throws -> ProcessBenchScore {
        var known: [String: Int?] = [:]
        var log: FileHandle?
        if let predictions {
            if FileManager.default.fileExists(atPath: predictions) {
                for (_, line) in JSONLines.numbered(try InputReading.read(predictions)) {
                    guard case .object(let object)? = try? Exact.JSONValue.parse(line), case .string(let id)? = object["id"] else { continue }
                    if case .number(let literal)? = object["prediction"], let value = Int(literal) { known[id] = value } else { known[id] = .some(nil) }
                }
            } else {
                FileManager.default.createFile(atPath: predictions, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: predictions) else {
                throw CommandFailure("cannot write --predictions file '\(predictions)'; check the path and its permissions",
                                     status: .cannotCreate)
            }
            handle.seekToEndOfFile()
            log = handle
        }
        // The model is loaded only when some solution has no stored prediction.
        var verifier: SelfStepVerifier?
        func loadedVerifier() throws -> SelfStepVerifier {
            if let verifier { return verifier }
            let generator: any TextGenerating
            if let endpoint, let modelName, let remoteAPI = RemoteAPI(rawValue: api) {
                generator = RemoteGenerator(baseURL: endpoint, modelName: modelName, api: remoteAPI)
            } else {
                generator = try modelOptions.makeEngine()
            }
            let made = SelfStepVerifier(generator: generator, maxTokens: maxTokens, chat: !noChat)
            verifier = made
            return made
        }
        var score = ProcessBenchScore()
        let clock = ContinuousClock()
        for (position, solution) in solutions.enumerated() {
            let prediction: Int?
            var note = "reused"
            if let stored = known[solution.id] {
                prediction = stored
            } else {
                let started = clock.now
                let judgement = try await loadedVerifier().judge(solution)
                prediction = judgement.prediction
                let seconds = Double((clock.now - started).components.attoseconds) * 1e-18 + Double((clock.now - started).components.seconds)
                note = String(format: "%.1f s", seconds)
                if let log {
                    var json = CanonicalJSON()
                    json.beginObject()
                    json.key("id"); json.string(solution.id)
                    json.key("label"); json.raw(String(solution.label))
                    json.key("prediction"); json.raw(prediction.map(String.init) ?? "null")
                    json.key("reply"); json.string(judgement.reply)
                    json.endObject()
                    log.write(Data((json.text + "\n").utf8))
                }
            }
            score.add(label: solution.label, prediction: prediction)
            printError("[\(position + 1)/\(solutions.count)] \(solution.id): label \(solution.label), predicted "
                + "\(prediction.map(String.init) ?? "nothing readable") (\(note)); F1 so far \(String(format: "%.3f", score.f1))")
        }
        try log?.close()
        return score
    }

    /// The printed result (JSON keys: verifier, solutions, errorAccuracy, correctAccuracy, f1 and the counts).
    struct Report: Encodable {
        var verifier: String
        var solutions: Int
        var score: ProcessBenchScore

        enum CodingKeys: String, CodingKey { case verifier, solutions }

        func encode(to encoder: any Encoder) throws {
            try score.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(verifier, forKey: .verifier)
            try container.encode(solutions, forKey: .solutions)
        }

        var text: String {
            func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
            return """
            verifier \(verifier): \(solutions) solutions (\(score.erroneous) with an error, \(score.correct) correct; \
            \(score.unparsed) unreadable predictions)
            error accuracy    \(percent(score.errorAccuracy)) (\(score.erroneousHits)/\(score.erroneous) earliest errors found exactly)
            correct accuracy  \(percent(score.correctAccuracy)) (\(score.correctHits)/\(score.correct) judged correct)
            F1                \(percent(score.f1))
            """
        }
    }
}
