/// Stage 4 of encoding: byte-level BPE on one pre-tokenized word.
///
/// The word's bytes start as one symbol each (the token spelling that byte in ``ByteLevelAlphabet``).
/// Then, repeatedly, the adjacent pair with the lowest merge rank is replaced by its merged token, the
/// leftmost such pair on ties (the order HF `tokenizers` uses), until no adjacent pair has a merge.
/// A priority queue over (rank, position) makes this O(n log n) in the word length n.
/// A byte whose one-character token is missing from the vocabulary is dropped (SmolLM2 lacks 21 bytes:
/// the controls 04 06 13 14 16 1D, and C0 C1 F1 F2 F5–FF, which valid UTF-8 rarely or never uses).
struct BytePairEncoder: Sendable {
    /// Token id of each byte's one-character token, or -1 when the vocabulary lacks it.
    let byteTokenIDs: [Int32]
    /// (left id, right id) packed as `left << 32 | right` → (rank, merged id) packed as `rank << 32 | merged`.
    let merges: [UInt64: UInt64]
    /// Builds the tables from the vocabulary's token → id map and `"left right"` merge rules.
    init(tokenIDs: [String: Int], mergeRules: [String]) throws(TokenizerError) {
        byteTokenIDs = ByteLevelAlphabet.characters.map { character in
            tokenIDs[String(character)].map { Int32($0) } ?? -1
        }
        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(mergeRules.count)
        for (rank, rule) in mergeRules.enumerated() {
            let parts = rule.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .invalidMerge(index: rank, rule: rule, reason: "it is not two tokens separated by one space")
            }
            let left = String(parts[0]), right = String(parts[1])
            guard let leftID = tokenIDs[left] else {
                throw .invalidMerge(index: rank, rule: rule, reason: "\"\(left)\" is not in the vocabulary")
            }
            guard let rightID = tokenIDs[right] else {
                throw .invalidMerge(index: rank, rule: rule, reason: "\"\(right)\" is not in the vocabulary")
            }
            guard let mergedID = tokenIDs[left + right] else {
                throw .invalidMerge(index: rank, rule: rule, reason: "\"\(left + right)\" is not in the vocabulary")
            }
            let key = UInt64(leftID) << 32 | UInt64(rightID)
            if table[key] == nil {  // the first (highest-priority) rule for a pair wins
                table[key] = UInt64(rank) << 32 | UInt64(mergedID)
            }
        }
        merges = table
    }

    /// Appends the token ids of the word `bytes` to `ids`; `scratch` is reused between words.
    func encode(_ bytes: UnsafeBufferPointer<UInt8>, into ids: inout [Int], scratch: inout Scratch) {
        let count = bytes.count
        if count == 0 { return }
        if count == 1 {
            appendSymbol(byteTokenIDs[Int(bytes[0])], to: &ids)
            return
        }
        scratch.reset(count: count)
        for index in 0..<count {
            scratch.symbols[index] = byteTokenIDs[Int(bytes[index])]
            scratch.previous[index] = Int32(index - 1)
            scratch.next[index] = index + 1 < count ? Int32(index + 1) : -1
        }
        for index in 0..<(count - 1) {
            pushPair(at: Int32(index), scratch: &scratch)
        }
        while let candidate = scratch.queue.popMinimum() {
            let position = Int(candidate.position)
            let nextPosition = Int(scratch.next[position])
            // Stale entries: the left symbol was absorbed, or either side changed since the pair was queued.
            guard scratch.symbols[position] == candidate.left, nextPosition >= 0,
                scratch.symbols[nextPosition] == candidate.right
            else { continue }
            scratch.symbols[position] = candidate.merged
            scratch.symbols[nextPosition] = -2  // absorbed
            let afterNext = scratch.next[nextPosition]
            scratch.next[position] = afterNext
            if afterNext >= 0 { scratch.previous[Int(afterNext)] = Int32(position) }
            let previous = scratch.previous[position]
            if previous >= 0 { pushPair(at: previous, scratch: &scratch) }
            if afterNext >= 0 { pushPair(at: Int32(position), scratch: &scratch) }
        }
        var position: Int32 = 0
        while position >= 0 {
            appendSymbol(scratch.symbols[Int(position)], to: &ids)
            position = scratch.next[Int(position)]
        }
    }

    private func pushPair(at position: Int32, scratch: inout Scratch) {
        let left = scratch.symbols[Int(position)]
        let right = scratch.symbols[Int(scratch.next[Int(position)])]
        guard left >= 0, right >= 0, let entry = merges[UInt64(left) << 32 | UInt64(right)] else { return }
        scratch.queue.push(
            MergeCandidate(
                rank: UInt32(truncatingIfNeeded: entry >> 32), position: position,
                left: left, right: right, merged: Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF)))
    }

    /// Bytes without a token of their own are dropped (as HF `tokenizers` does for SmolLM2, whose BPE model
    /// has no unknown token, and as llama.cpp does for every byte-level vocabulary).
    private func appendSymbol(_ symbol: Int32, to ids: inout [Int]) {
        if symbol >= 0 { ids.append(Int(symbol)) }
    }

    /// Working memory for ``encode(_:into:scratch:)``, kept between words to avoid allocations.
    struct Scratch {
        var symbols: [Int32] = []
        var previous: [Int32] = []
        var next: [Int32] = []
        var queue = MergeQueue()

        mutating func reset(count: Int) {
            if symbols.count < count {
                symbols = [Int32](repeating: 0, count: count)
                previous = symbols
                next = symbols
            }
            queue.removeAll()
        }
    }
}

/// A pair that may be merged: `left` at `position` followed by `right`, giving `merged` at `rank`.
struct MergeCandidate {
    var rank: UInt32
    var position: Int32
    var left: Int32
    var right: Int32
    var merged: Int32

    /// Lower rank first, then the leftmost position.
    var priority: UInt64 { UInt64(rank) << 32 | UInt64(UInt32(bitPattern: position)) }
}

/// A binary min-heap of merge candidates ordered by ``MergeCandidate/priority``.
struct MergeQueue {
    private var heap: [MergeCandidate] = []

    mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

    mutating func push(_ candidate: MergeCandidate) {
        heap.append(candidate)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if heap[parent].priority <= heap[child].priority { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    mutating func popMinimum() -> MergeCandidate? {
        guard let last = heap.popLast() else { return nil }
        if heap.isEmpty { return last }
        let minimum = heap[0]
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            if left >= heap.count { break }
            let right = left + 1
            var smallest = left
            if right < heap.count, heap[right].priority < heap[left].priority { smallest = right }
            if heap[parent].priority <= heap[smallest].priority { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return minimum
    }
}
