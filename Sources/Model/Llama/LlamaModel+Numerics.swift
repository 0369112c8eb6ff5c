import Numerics

extension LlamaModel {
    /// Checks that every vector `numerics` rounds splits into whole blocks or groups of its format: activations
    /// entering products (`embeddingLength` and `feedForwardLength` values) and KV rows (`kvDimension` values).
    static func checkNumerics(_ numerics: NumericsMode, hyper h: LlamaHyperparameters) throws(ModelError) {
        let activations = numerics.activationFormat
        for (what, length) in [("activations", h.embeddingLength), ("activations", h.feedForwardLength)]
        where length % activations.rowMultiple != 0 {
            throw .unsupportedNumerics(name: what, format: activations.name,
                                       reason: "vectors of \(length) values are not whole blocks of \(activations.rowMultiple)")
        }
        if h.kvDimension % numerics.kv.rowMultiple != 0 {
            throw .unsupportedNumerics(name: "KV cache", format: numerics.kv.name,
                                       reason: "rows of \(h.kvDimension) values are not whole blocks of \(numerics.kv.rowMultiple)")
        }
    }

    /// Rounds one token's keys and values (`count` floats each) to ``NumericsMode/kv`` before they are written into
    /// the cache (each row one tensor for scales); nothing for fp32.
    func roundForCache(_ keys: UnsafeMutablePointer<Float>, _ values: UnsafeMutablePointer<Float>, count: Int) {
        let format = numerics.kv
        guard !format.isIdentity else { return }
        format.round(keys, count: count, rowLength: count)
        format.round(values, count: count, rowLength: count)
    }
}
