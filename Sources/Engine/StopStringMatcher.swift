/// Watches generated text for stop strings while streaming it.
///
/// Text that could still be the beginning of a stop string is held back until it is decided, so a stop string is
/// never partly shown to the user.
///
/// Positions are counted in Unicode scalars, not `Character`s: a piece that starts with a combining mark joins the
/// last character already shown, and counting characters would never show that mark.
struct StopStringMatcher: Sendable {
    let stops: [String]
    private(set) var text = ""
    /// Unicode scalars of `text` already returned.
    private var emitted = 0

    init(stops: [String]) { self.stops = stops.filter { !$0.isEmpty } }

    /// Appends new text; returns what can be shown now and whether a stop string was found.
    mutating func append(_ piece: String) -> (visible: String, stopped: Bool) {
        text += piece
        let scalars = text.unicodeScalars
        let shownEnd = scalars.index(scalars.startIndex, offsetBy: emitted)
        if let cut = earliestStop() {
            let visible = cut > shownEnd ? String(scalars[shownEnd..<cut]) : ""
            text = String(text[..<cut])
            emitted = text.unicodeScalars.count
            return (visible, true)
        }
        let holdBack = longestPendingPrefix()
        let end = scalars.count - holdBack
        guard end > emitted else { return ("", false) }
        let visible = String(scalars[shownEnd..<scalars.index(scalars.startIndex, offsetBy: end)])
        emitted = end
        return (visible, false)
    }

    /// Text held back at the end (no stop string completed).
    mutating func flush() -> String {
        let rest = String(text.unicodeScalars.dropFirst(emitted))
        emitted = text.unicodeScalars.count
        return rest
    }

    private func earliestStop() -> String.Index? {
        stops.compactMap { text.range(of: $0)?.lowerBound }.min()
    }

    /// Length in Unicode scalars of the longest suffix of `text` that is a proper prefix of some stop string.
    private func longestPendingPrefix() -> Int {
        let tail = Array(text.unicodeScalars.suffix(stops.map { $0.unicodeScalars.count }.max() ?? 0))
        var best = 0
        for stop in stops {
            let stopScalars = Array(stop.unicodeScalars)
            for length in stride(from: min(stopScalars.count - 1, tail.count), to: best, by: -1)
            where tail.suffix(length).elementsEqual(stopScalars.prefix(length)) {
                best = length
                break
            }
        }
        return best
    }
}
