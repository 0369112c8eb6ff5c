import Foundation
import Sampling
import Testing
@testable import Reasoning

/// A run's identity covers the family's version and every sampling setting, while runs made before those settings
/// existed keep theirs. Golden JSON and hashes from `Scripts/oracle/eval_identity.py` (Python's json + hashlib).
@Suite struct EvalConfigurationIdentityTests {
    static let base = FoundationsTests.configuration

    @Test("without a version, penalty or stop strings the identity is the one runs had before")
    func legacyIdentityIsKept() {
        #expect(Self.base.taskVersion == nil)
        #expect(Self.base.identityHash() == "ad4eed8b1cebe94624b89f62db4c501e7af064256c9b112897ee1863380c83ed")
    }

    @Test func taskVersionIsPartOfTheIdentity() {
        var versioned = Self.base
        versioned.taskVersion = 2
        #expect(versioned.identityJSON == #"{"chat":true,"difficulty":{"digits":"3"},"maxTokens":64,"minP":0.05,"model":"scripted","problems":6,"promptStyle":"boxed","samples":5,"seed":7,"task":"addition","taskVersion":2,"temperature":0.8,"topK":40,"topP":0.95}"#)
        #expect(versioned.identityHash() == "b3f99b1e79f67ae31cc8c25540de95c1ecfdf2efda9bb89da5a722e54f89b5cb")
        var other = versioned
        other.taskVersion = 3
        #expect(other.identityHash() != versioned.identityHash())
    }

    @Test func repetitionPenaltyAndStopStringsArePartOfTheIdentity() {
        var everything = Self.base
        everything.taskVersion = 1
        everything.sampling.repetitionPenalty = 1.1
        everything.sampling.penaltyWindow = 32
        everything.stop = ["\n\n", "Q:"]
        #expect(everything.identityJSON == #"{"chat":true,"difficulty":{"digits":"3"},"maxTokens":64,"minP":0.05,"model":"scripted","penaltyWindow":32,"problems":6,"promptStyle":"boxed","repetitionPenalty":1.1,"samples":5,"seed":7,"stop":["\n\n","Q:"],"task":"addition","taskVersion":1,"temperature":0.8,"topK":40,"topP":0.95}"#)
        #expect(everything.identityHash() == "1ecfe5c6c46da8c9238686b9f8acd1cbebe2b22ed782df11dc40a2dbf027d137")
        // The window only matters with a penalty: without one it does not change the identity.
        var window = Self.base
        window.sampling.penaltyWindow = 8
        #expect(window.identityHash() == Self.base.identityHash())
    }

    @Test("a configuration stored before sampling was grouped still decodes; a new one round-trips")
    func storedConfigurationsDecode() throws {
        let legacy = #"{"chat":true,"difficulty":{"digits":"3"},"maxTokens":64,"minP":0.05,"model":"scripted","problems":6,"promptStyle":"boxed","samples":5,"seed":7,"strategies":[],"task":"addition","temperature":0.8,"topK":40,"topP":0.95}"#
        let decoded = try JSONDecoder().decode(EvalConfiguration.self, from: Data(legacy.utf8))
        #expect(decoded == Self.base)
        #expect(decoded.identityHash() == Self.base.identityHash())
        var full = Self.base
        full.taskVersion = 4
        full.stop = ["###"]
        full.sampling.repetitionPenalty = 1.3
        #expect(try JSONDecoder().decode(EvalConfiguration.self, from: JSONEncoder().encode(full)) == full)
    }

    @Test("sampling settings are validated with the sampler's own ranges")
    func samplingIsValidated() {
        var bad = Self.base
        bad.sampling.repetitionPenalty = 0
        #expect(throws: ReasoningError.self) { try bad.validate() }
        var empty = Self.base
        empty.stop = [""]
        #expect(throws: ReasoningError.invalidConfiguration(field: "stop", value: "\"\"", requirement: "non-empty stop strings")) {
            try empty.validate()
        }
    }
}
