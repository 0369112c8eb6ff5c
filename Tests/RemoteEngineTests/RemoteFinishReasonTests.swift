import Testing
@testable import RemoteEngine
import Engine

@Suite("FinishReason from a remote server")
struct RemoteFinishReasonTests {
    @Test("finish_reason and stop_reason map to ours", arguments: [
        ("length", RemoteStopReason.absent, [String](), FinishReason.length),
        ("length", .text("\n"), ["\n"], .length),
        ("stop", .text("\n"), ["\n"], .stop),          // vLLM: a stop string matched
        ("stop", .null, ["\n"], .endOfSequence),       // vLLM: end-of-sequence token
        ("stop", .token(2), [], .endOfSequence),       // vLLM: a stop token id
        ("stop", .absent, [], .endOfSequence),         // llama.cpp, no stop strings asked for
        ("stop", .absent, ["###"], .stop),             // llama.cpp with stop strings: assumed a stop string
        ("eos", .absent, [], .endOfSequence),
        ("content_filter", .absent, [], .endOfSequence),
    ])
    func mapping(finish: String, stopReason: RemoteStopReason, stops: [String], expected: FinishReason) {
        #expect(FinishReason(remote: finish, stopReason: stopReason, requestedStops: stops) == expected)
    }
}
