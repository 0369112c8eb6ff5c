/// ProcessBench's measures of a step verifier (Zheng et al. 2024, `run_eval.py`): on erroneous solutions
/// (label ≥ 0) the prediction must equal the earliest wrong step exactly; on correct ones (label −1) it must be
/// −1; F1 is the harmonic mean of the two accuracies. A missing prediction (unparseable output) is a miss in
/// both sets.
public struct ProcessBenchScore: Sendable, Equatable, Codable {
    /// Solutions with an error (label ≥ 0), and how many of them got exactly their label.
    public private(set) var erroneous = 0
    public private(set) var erroneousHits = 0
    /// Solutions without an error (label −1), and how many were predicted −1.
    public private(set) var correct = 0
    public private(set) var correctHits = 0
    /// Predictions that could not be read (counted as misses).
    public private(set) var unparsed = 0

    public init() {}

    /// Adds one solution: its label (−1 or a step index) and the verifier's prediction (nil when unreadable).
    public mutating func add(label: Int, prediction: Int?) {
        if prediction == nil { unparsed += 1 }
        if label == -1 {
            correct += 1
            if prediction == -1 { correctHits += 1 }
        } else {
            erroneous += 1
            if prediction == label { erroneousHits += 1 }
        }
    }

    /// Accuracy on erroneous solutions, in 0...1 (0 when there are none).
    public var errorAccuracy: Double { erroneous == 0 ? 0 : Double(erroneousHits) / Double(erroneous) }
    /// Accuracy on correct solutions, in 0...1 (0 when there are none).
    public var correctAccuracy: Double { correct == 0 ? 0 : Double(correctHits) / Double(correct) }
    /// 2·e·c / (e + c) of the two accuracies, in 0...1 (0 when both are 0).
    public var f1: Double {
        let sum = errorAccuracy + correctAccuracy
        return sum == 0 ? 0 : 2 * errorAccuracy * correctAccuracy / sum
    }

    enum CodingKeys: String, CodingKey {
        case erroneous, erroneousHits, correct, correctHits, unparsed, errorAccuracy, correctAccuracy, f1
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(erroneous, forKey: .erroneous)
        try container.encode(erroneousHits, forKey: .erroneousHits)
        try container.encode(correct, forKey: .correct)
        try container.encode(correctHits, forKey: .correctHits)
        try container.encode(unparsed, forKey: .unparsed)
        try container.encode(errorAccuracy, forKey: .errorAccuracy)
        try container.encode(correctAccuracy, forKey: .correctAccuracy)
        try container.encode(f1, forKey: .f1)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        erroneous = try container.decode(Int.self, forKey: .erroneous)
        erroneousHits = try container.decode(Int.self, forKey: .erroneousHits)
        correct = try container.decode(Int.self, forKey: .correct)
        correctHits = try container.decode(Int.self, forKey: .correctHits)
        unparsed = try container.decode(Int.self, forKey: .unparsed)
    }
}
