import Exact

extension TaskFamily {
    /// SHA-256 (hex) over the canonical JSON lines (each followed by `\n`) of instances `0..<count` for
    /// `seed` at `difficulty` — the determinism golden.
    public func determinismHash(seed: UInt64 = 42, difficulty: Difficulty? = nil, count: Int = 100) -> String {
        let level = difficulty ?? defaultDifficulty
        var hasher = SHA256Hasher()
        for index in 0..<count {
            hasher.update(generate(seed: seed, difficulty: level, index: index).canonicalJSONLine)
            hasher.update("\n")
        }
        return hasher.finalizeHex()
    }
}
