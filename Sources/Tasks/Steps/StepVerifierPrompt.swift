/// The prompt a model gets to find the earliest wrong step (ProcessBench's critic protocol: paragraphs numbered
/// from 0 in `<paragraph_i>` tags, the answer an index or −1 in `\boxed{}`), and the reading of its reply.
public enum StepVerifierPrompt {
    /// The critic prompt for one solution.
    public static func text(problem: String, steps: [String]) -> String {
        var text = "The following is a math problem and a solution split into paragraphs, numbered from 0. "
            + "Review the paragraphs one by one and find the earliest paragraph that contains an error "
            + "(a wrong calculation, a number copied wrong, a wrong operation, an illegal or useless move).\n\n"
            + "[Problem]\n\(problem)\n\n[Solution]\n"
        for (index, step) in steps.enumerated() {
            text += "<paragraph_\(index)>\n\(step)\n</paragraph_\(index)>\n"
        }
        text += "\nGive the index of the earliest paragraph with an error in \\boxed{}, for example \\boxed{2}. "
            + "If every paragraph is correct, give \\boxed{-1}."
        return text
    }

    /// The index in the reply's last `\boxed{…}` (brace-free contents, an integer in −1..<stepCount); nil when
    /// there is none or it is anything else (a miss, as ProcessBench counts unreadable replies).
    public static func prediction(in reply: String, stepCount: Int) -> Int? {
        let bytes = Array(reply.utf8)
        let marker = Array("\\boxed{".utf8)
        guard bytes.count >= marker.count else { return nil }
        var start = bytes.count - marker.count
        while start >= 0 && !bytes[start..<(start + marker.count)].elementsEqual(marker) { start -= 1 }
        guard start >= 0 else { return nil }
        let rest = bytes[(start + marker.count)...]
        guard let close = rest.firstIndex(of: UInt8(ascii: "}")) else { return nil }
        let contents = String(decoding: rest[..<close], as: UTF8.self)
        let inside = contents.filter { !$0.isWhitespace }
        guard inside.count <= 20, let value = Int(inside), value >= -1, value < stepCount else { return nil }
        return value
    }
}
