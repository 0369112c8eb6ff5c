import Foundation
import Testing

/// `reckon tasks steps` and `reckon verify-steps --verifier exact` through the built binary (issue 13, part 2).
@Suite struct StepsCLITests {
    @Test func stepsThenExactVerifierScoresOne() throws {
        var lines: [String] = []
        for family in ["arithmetic-add", "arithmetic-mul", "hanoi", "word-problems"] {
            let output = try TasksCLITests.run(["tasks", "steps", family, "--seed", "4", "--count", "10", "--error-rate", "0.5",
                                                "--format", "jsonl"])
            #expect(output.status == 0, "stderr: \(output.stderr)")
            let objects = try TasksCLITests.jsonLines(output.stdout)
            #expect(objects.count == 10)
            for object in objects {
                let steps = try #require(object["steps"] as? [String])
                let label = try #require(object["label"] as? Int)
                #expect((-1..<steps.count).contains(label))
                #expect(object["family"] as? String == family && object["problem"] is String)
                #expect((label == -1) == (object["error_kind"] is NSNull), "\(object)")
            }
            lines += output.stdout.split(separator: "\n").map(String.init)
        }
        let file = try TasksCLITests.temporaryFile(lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let verified = try TasksCLITests.run(["verify-steps", "--input", file.path, "--verifier", "exact", "--format", "json"])
        #expect(verified.status == 0, "stderr: \(verified.stderr)")
        let report = try #require(try TasksCLITests.jsonLines(verified.stdout).first)
        #expect(report["f1"] as? Double == 1 && report["errorAccuracy"] as? Double == 1 && report["correctAccuracy"] as? Double == 1)
        #expect(report["solutions"] as? Int == 40)
        let text = try TasksCLITests.run(["verify-steps", "--input", file.path, "--verifier", "exact"])
        #expect(text.stdout.contains("F1                100.0%"), "\(text.stdout)")
    }

    @Test func errorsAreClear() throws {
        let unknown = try TasksCLITests.run(["tasks", "steps", "hanoy", "--seed", "1"])
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean 'hanoi'?"), "\(unknown.stderr)")
        let rate = try TasksCLITests.run(["tasks", "steps", "hanoi", "--seed", "1", "--error-rate", "2"])
        #expect(rate.status == 64 && rate.stderr.contains("--error-rate must be a number in 0...1"), "\(rate.stderr)")
        let file = try TasksCLITests.temporaryFile(
            #"{"family":"hanoi","problem":"p","steps":["Move disk 1 from peg 0 to peg 2."],"label":0,"data":{"disks":"x"}}"# + "\n"
                + #"{"family":"hanoi","problem":"p","steps":["a"],"label":3}"# + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = try TasksCLITests.run(["verify-steps", "--input", file.path, "--verifier", "exact"])
        #expect(bad.status == 65 && bad.stderr.contains("line 2: label 3 is not -1 or a step index"), "\(bad.stderr)")
        let first = try TasksCLITests.temporaryFile(
            #"{"family":"hanoi","problem":"p","steps":["Move disk 1 from peg 0 to peg 2."],"label":0,"data":{"disks":"x"}}"# + "\n")
        defer { try? FileManager.default.removeItem(at: first) }
        let data = try TasksCLITests.run(["verify-steps", "--input", first.path, "--verifier", "exact"])
        #expect(data.status == 65 && data.stderr.contains("line 1: step data of family 'hanoi' is malformed"), "\(data.stderr)")
    }

    /// `--verifier self` with a predictions file that covers every solution reuses them without loading a model:
    /// the stored predictions (made up here) are scored as ProcessBench scores them.
    @Test func selfVerifierReusesStoredPredictions() throws {
        let steps = try TasksCLITests.run(["tasks", "steps", "arithmetic-add", "--seed", "9", "--count", "6", "--error-rate", "0.5"])
        #expect(steps.status == 0, "stderr: \(steps.stderr)")
        let objects = try TasksCLITests.jsonLines(steps.stdout)
        // Predictions: right for even positions, -1 for odd ones, and one unreadable (null) at position 1.
        var predictions: [String] = []
        var erroneous = 0, errorHits = 0, correct = 0, correctHits = 0
        for (position, object) in objects.enumerated() {
            let id = try #require(object["id"] as? String), label = try #require(object["label"] as? Int)
            let prediction: Int? = position == 1 ? nil : position % 2 == 0 ? label : -1
            predictions.append(#"{"id":"\#(id)","label":\#(label),"prediction":\#(prediction.map(String.init) ?? "null")}"#)
            if label == -1 {
                correct += 1
                if prediction == -1 { correctHits += 1 }
            } else {
                erroneous += 1
                if prediction == label { errorHits += 1 }
            }
        }
        let input = try TasksCLITests.temporaryFile(steps.stdout)
        let stored = try TasksCLITests.temporaryFile(predictions.joined(separator: "\n") + "\n")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: stored)
        }
        let output = try TasksCLITests.run(["verify-steps", "--input", input.path, "--verifier", "self", "--predictions", stored.path,
                                            "--model", "/nonexistent/model.gguf", "--format", "json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let report = try #require(try TasksCLITests.jsonLines(output.stdout).first)
        #expect(report["erroneous"] as? Int == erroneous && report["erroneousHits"] as? Int == errorHits)
        #expect(report["correct"] as? Int == correct && report["correctHits"] as? Int == correctHits)
        #expect(report["unparsed"] as? Int == 1)
        #expect(output.stderr.contains("[6/6]") && output.stderr.contains("(reused)"))
    }
}
