import Exact
import Foundation
import Testing
@testable import Tasks

/// A minimal family used to test the core plumbing.
struct EchoFamily: TaskFamily {
    let id = "echo-test"
    let version = 1
    let summary = "Repeat a number."
    let parameters: [DifficultyParameter] = [
        .integer("digits", 1...5, default: 2, "digits of the number"),
        .choice("style", ["plain", "fancy"], default: "plain", "prompt style"),
    ]
    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = rng.digits(difficulty.int("digits"))
        return TaskInstance(
            id: TaskInstance.makeID(family: id, seed: seed, index: index), family: id, version: version, seed: seed,
            index: index, params: difficulty.values, prompt: "Say \(n).\n\"quoted\"",
            boxedPrompt: "Say \(n) in \\boxed{}.", answer: String(n), data: ["n": String(n)])
    }
    func grade(response: String, instance: TaskInstance) -> Verdict {
        response == instance.answer ? .correct(extracted: response) : .incorrect(extracted: response)
    }
}

@Suite struct TaskFamilyTests {
    @Test func difficultyFillsDefaultsAndValidates() throws {
        let family = EchoFamily()
        let d = try family.difficulty(["digits": "04"])
        #expect(d.int("digits") == 4)
        #expect(d.string("style") == "plain")
        #expect(throws: TasksError.parameterOutOfRange(name: "digits", value: "9", expected: "integer 1...5")) {
            try family.difficulty(["digits": "9"])
        }
        #expect(throws: TasksError.parameterOutOfRange(name: "style", value: "odd", expected: "one of plain, fancy")) {
            try family.difficulty(["style": "odd"])
        }
        do {
            _ = try family.difficulty(["digit": "3"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("did you mean 'digits'"))
        }
    }

    @Test func canonicalJSONLineIsSortedAndParsesBack() throws {
        let family = EchoFamily()
        let instance = family.generate(seed: 5, difficulty: family.defaultDifficulty, index: 3)
        let line = instance.canonicalJSONLine
        #expect(line.hasPrefix("{\"answer\":\""))
        #expect(line.contains("\\\"quoted\\\""))
        #expect(line.contains("\\\\boxed{}"))
        #expect(!line.contains("\n"))
        let decoded = try JSONDecoder().decode(TaskInstance.self, from: Data(line.utf8))
        #expect(decoded == instance)
        // Same bytes as Foundation's sorted-keys encoder modulo slash escaping, checked through a round trip.
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["seed"] as? Int == 5)
        #expect(object?["id"] as? String == "echo-test-5-3")
    }

    @Test func canonicalJSONEscapesControlCharacters() {
        var out = ""
        CanonicalJSON.appendEscaped("a\u{01}b\tc/é", to: &out)
        #expect(out == "\"a\\u0001b\\tc/é\"")
    }

    @Test func determinismHashIsStableAndSensitive() throws {
        let family = EchoFamily()
        let h1 = family.determinismHash(seed: 42, count: 10)
        let h2 = family.determinismHash(seed: 42, count: 10)
        let h3 = family.determinismHash(seed: 43, count: 10)
        #expect(h1 == h2 && h1 != h3 && h1.count == 64)
    }

    @Test func registryFindsAndSuggests() throws {
        let registry = try TaskRegistry(families: [EchoFamily()])
        #expect(try registry.family("echo-test").id == "echo-test")
        #expect(throws: TasksError.unknownFamily("echo-tset", suggestion: "echo-test")) {
            try registry.family("echo-tset")
        }
        #expect(throws: TasksError.unknownFamily("zzz", suggestion: nil)) { try registry.family("zzz") }
        #expect(throws: TasksError.duplicateFamily("echo-test")) {
            try TaskRegistry(families: [EchoFamily(), EchoFamily()])
        }
        let message = TasksError.unknownFamily("echo-tset", suggestion: "echo-test").description
        #expect(message.contains("did you mean 'echo-test'?"))
    }
}
