import Foundation
import Reasoning

/// One row of the `runs` table with counts of its stored problems and samples.
public struct StoredRun: Sendable, Equatable {
    /// Row id; stable for the life of the file.
    public var id: Int64
    /// `EvalConfiguration.identityHash()` (SHA-256 hex); unique per file.
    public var identityHash: String
    /// The full configuration, including the strategies last requested for the run.
    public var configuration: EvalConfiguration
    /// The model identifier (`configuration.model`).
    public var modelIdentifier: String
    /// SHA-256 hex of the model file, when the run was opened with one.
    public var modelFileSHA256: String?
    /// Version of Reckon that created the run.
    public var reckonVersion: String
    /// When the run was created.
    public var createdAt: Date
    /// When `markFinished` was last called; nil while the run is incomplete.
    public var finishedAt: Date?
    /// Problems stored for the run.
    public var problemCount: Int
    /// Samples stored for the run.
    public var sampleCount: Int
    /// Stored samples whose verdict is `correct`.
    public var correctCount: Int

    public init(
        id: Int64, identityHash: String, configuration: EvalConfiguration, modelIdentifier: String,
        modelFileSHA256: String?, reckonVersion: String, createdAt: Date, finishedAt: Date?, problemCount: Int,
        sampleCount: Int, correctCount: Int
    ) {
        self.id = id
        self.identityHash = identityHash
        self.configuration = configuration
        self.modelIdentifier = modelIdentifier
        self.modelFileSHA256 = modelFileSHA256
        self.reckonVersion = reckonVersion
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.problemCount = problemCount
        self.sampleCount = sampleCount
        self.correctCount = correctCount
    }

    /// Samples the configuration asks for (`problems × samples`).
    public var expectedSampleCount: Int { configuration.problems * configuration.samples }
}
