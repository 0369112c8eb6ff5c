extension TaskFamily {
    /// Assembles an instance with the standard id `"<family>-<seed>-<index>"`; the plain and boxed prompts
    /// share `body` and differ only in the closing instruction.
    func standardInstance(seed: UInt64, index: Int, difficulty: Difficulty, body: String, plainSuffix: String,
                      boxedSuffix: String, answer: String, data: [String: String]) -> TaskInstance {
        TaskInstance(id: "\(id)-\(seed)-\(index)", family: id, version: version, seed: seed, index: index,
                     params: difficulty.values, prompt: body + "\n\n" + plainSuffix,
                     boxedPrompt: body + "\n\n" + boxedSuffix, answer: answer, data: data)
    }

    /// A verdict for an instance whose `data` lacks what grading needs (e.g. made by another family version).
    func missingDataVerdict(_ key: String) -> Verdict {
        Verdict(kind: .unparseable, score: 0, extracted: nil,
                detail: "instance data field '\(key)' is missing or malformed; regenerate the instance with \(id) v\(version)",
                metrics: [:])
    }
}

extension Dictionary where Key == String, Value == String {
    func intValue(_ key: String) -> Int? { self[key].flatMap { Int($0) } }
}
