import Foundation
import Reasoning
import Testing
@testable import Store

@Suite struct RunExportTests {
    static let tricky = "He said \"hi, there\"\nthen left,\r\nbye"

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(RunExport.csvField("plain") == "plain")
        #expect(RunExport.csvField("") == "")
        #expect(RunExport.csvField("a,b") == "\"a,b\"")
        #expect(RunExport.csvField("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(RunExport.csvField("two\nlines") == "\"two\nlines\"")
        #expect(RunExport.csvField("cr\rhere") == "\"cr\rhere\"")
    }

    @Test func csvRecordMatchesHandWrittenRecord() {
        var sample = StoreFixtures.sample(problem: 2, sample: 1, text: Self.tricky, verdict: "incorrect")
        sample.extracted = "1,5"
        sample.answerKey = nil
        let line = RunExport.Line(run: 3, problemID: "arithmetic-7-2", sample: sample)
        let expected = "3,arithmetic-7-2,2,1,201,incorrect,0.0,22,31,stop,-0.5,\"1,5\",,"
            + "\"He said \"\"hi, there\"\"\nthen left,\r\nbye\"\r\n"
        #expect(RunExport.csvRecord(line) == expected)
        #expect(RunExport.csvHeader
            == "run,problem_id,problem,sample,seed,verdict,score,prompt_tokens,generated_tokens,finish_reason,mean_logprob,extracted,answer_key,text\r\n")
    }

    @Test func jsonLineIsOneLineAndParsesBack() throws {
        var sample = StoreFixtures.sample(problem: 0, sample: 3, text: Self.tricky)
        sample.answerKey = nil
        sample.meanLogProbability = .nan
        let text = try RunExport.jsonLine(RunExport.Line(run: 1, problemID: nil, sample: sample))
        #expect(!text.contains("\n") && !text.contains("\r"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["text"] as? String == Self.tricky)
        #expect(object["problem"] as? Int == 0)
        #expect(object["sample"] as? Int == 3)
        #expect(object["verdict"] as? String == "correct")
        #expect(object["generated_tokens"] as? Int == 33)
        #expect(object["answer_key"] is NSNull)
        #expect(object["problem_id"] is NSNull)
        #expect(object["mean_logprob"] is NSNull)
        #expect(object.keys.count == 14)
    }

    @Test func jsonLineOfASimpleSampleMatchesHandWrittenText() throws {
        let sample = SampleRecord(
            problem: 0, sample: 1, seed: 9, text: "x/2", promptTokens: 3, generatedTokens: 4, finishReason: "stop",
            meanLogProbability: -0.5, verdict: "correct", score: 1, extracted: "4", answerKey: "4")
        let text = try RunExport.jsonLine(RunExport.Line(run: 2, problemID: "p", sample: sample))
        #expect(text == #"{"answer_key":"4","extracted":"4","finish_reason":"stop","generated_tokens":4,"mean_logprob":-0.5,"#
            + #""problem":0,"problem_id":"p","prompt_tokens":3,"run":2,"sample":1,"score":1,"seed":9,"text":"x/2","verdict":"correct"}"#)
    }

    @Test func exportWritesOneLinePerSampleForEveryRun() throws {
        let store = try RunStore(path: ":memory:")
        let first = try store.openRun(StoreFixtures.configuration(seed: 1), reckonVersion: "0.1.0")
        let second = try store.openRun(StoreFixtures.configuration(seed: 2), reckonVersion: "0.1.0")
        try store.saveProblem(run: first, index: 0, instance: StoreFixtures.instance(index: 0))
        try store.save([StoreFixtures.sample(problem: 0, sample: 0, text: Self.tricky), StoreFixtures.sample(problem: 0, sample: 1)], run: first)
        try store.save([StoreFixtures.sample(problem: 1, sample: 0)], run: second)
        var jsonl: [String] = []
        try RunExport.export(from: store, format: .jsonl) { jsonl.append($0) }
        #expect(jsonl.count == 3)
        #expect(jsonl.allSatisfy { $0.hasSuffix("}\n") && $0.dropLast().firstIndex(of: "\n") == nil })
        #expect(jsonl[0].contains(#""problem_id":"arithmetic-7-0""#))
        var csv: [String] = []
        try RunExport.export(from: store, runs: [second], format: .csv) { csv.append($0) }
        #expect(csv == [RunExport.csvHeader, RunExport.csvRecord(RunExport.Line(run: second, problemID: nil, sample: StoreFixtures.sample(problem: 1, sample: 0)))])
    }
}
