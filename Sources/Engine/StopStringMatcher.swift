/// Watches generated text for stop strings while streaming it.
///
/// Text that could still be the beginning of a stop string is held back until it is decided, so a stop string is
/// never partly shown to the user.
struct StopStringMatcher: Sendable {
    let stops: [String]
    private(set) var text = ""
    private var emitted = 0

    init(stops: [String]) { self.stops = stops.filter { !$0.isEmpty } }

    /// Appends new text; returns what can be shown now and whether a stop string was found.
    mutating func append(_ piece: String) -> (visible: String, stopped: Bool) {
        text += piece
        if let cut = earliestStop() {
            let visible = String(text[text.index(text.startIndex, offsetBy: emitted)..<cut])
            text = String(text[..<cut])
            emitted = text.count
            return (visible, true)
        }
        let holdBack = longestPendingPrefix()
        let end = text.count - holdBack
        guard end > emitted else { return ("", false) }
        let visible = String(text[text.index(text.startIndex, offsetBy: emitted)..<text.index(text.startIndex, offsetBy: end)])
        emitted = end
        return (visible, false)
    }

    /// Text held back at the end (no stop string completed).
    mutating func flush() -> String {
        let rest = String(text.dropFirst(emitted))
        emitted = text.count
        return rest
    }

    private func earliestStop() -> String.Index? {
        stops.compactMap { text.range(of: $0)?.lowerBound }.min()
    }

    /// Length in characters of the longest suffix of `text` that is a proper prefix of some stop string.
    private func longestPendingPrefix() -> Int {
        var best = 0
        for stop in stops {
            for length in stride(from: min(stop.count - 1, text.count), to: best, by: -1)
            where text.hasSuffix(String(stop.prefix(length))) {
                best = length
                break
            }
        }
        return best
    }
}
