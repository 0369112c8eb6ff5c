/// Pairs every `{` with the `}` that closes it, for a whole text in one pass.
///
/// A stack of open positions is kept while scanning: a `}` closes the most recent unclosed `{`, and a `}` with no
/// open brace is ignored. This is the same pairing as counting depth forward from each `{` until it returns to
/// zero, but O(n) time and memory for the whole text instead of O(n) per brace, so that text nested 100,000
/// deep (or 100,000 unclosed braces) costs one scan.
public enum BraceMatching {
    /// `closing[i]` is the offset of the `}` closing the `{` at offset `i` (offsets from `startIndex`); `-1` when
    /// `i` is not a `{` or it is never closed.
    public static func closingIndices<Elements: RandomAccessCollection>(
        in elements: Elements, open: Elements.Element, close: Elements.Element
    ) -> [Int] where Elements.Element: Equatable, Elements.Index == Int {
        let start = elements.startIndex
        var closing = [Int](repeating: -1, count: elements.count)
        var stack: [Int] = []
        for i in elements.indices {
            let element = elements[i]
            if element == open {
                stack.append(i - start)
            } else if element == close, let opened = stack.popLast() {
                closing[opened] = i - start
            }
        }
        return closing
    }

    /// `next[i]` is the offset of the first element at or after offset `i` that satisfies `isWanted`, or
    /// `elements.count` when there is none (one backward pass).
    public static func nextIndices<Elements: RandomAccessCollection>(
        in elements: Elements, where isWanted: (Elements.Element) -> Bool
    ) -> [Int] where Elements.Index == Int {
        let start = elements.startIndex
        var next = [Int](repeating: elements.count, count: elements.count + 1)
        var i = elements.count - 1
        while i >= 0 {
            next[i] = isWanted(elements[start + i]) ? i : next[i + 1]
            i -= 1
        }
        return next
    }
}
