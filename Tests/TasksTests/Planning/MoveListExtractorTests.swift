import Testing
@testable import Tasks

@Suite struct MoveListExtractorTests {
    @Test func readsLastMovesAssignment() throws {
        let text = "try moves = [[1,0,1]] ... no wait.\nFinal: moves = [[1, 0, 2], [2, 0, 1]] done"
        guard case .found(let items, let raw) = MoveListExtractor.extract(from: text) else { Issue.record("not found"); return }
        #expect(items == [.list([.int(1), .int(0), .int(2)]), .list([.int(2), .int(0), .int(1)])])
        #expect(raw == "[[1, 0, 2], [2, 0, 1]]")
    }

    @Test func readsBoxedAndBareLists() {
        let boxed = #"The answer is \boxed{[['R', 0, 1], ("B", 2, 0)]}."#
        #expect(MoveListExtractor.extract(from: boxed)
                == .found(items: [.list([.text("R"), .int(0), .int(1)]), .list([.text("B"), .int(2), .int(0)])],
                          text: #"[['R', 0, 1], ("B", 2, 0)]"#))
        let bare = "Solution:\n[[A_1, a_1], [A_1]]\nThat is all."
        #expect(MoveListExtractor.extract(from: bare)
                == .found(items: [.list([.text("A_1"), .text("a_1")]), .list([.text("A_1")])], text: "[[A_1, a_1], [A_1]]"))
        #expect(MoveListExtractor.extract(from: "moves: []") == .found(items: [], text: "[]"))
        #expect(MoveListExtractor.extract(from: "moves = [[1,0,2],]") == .found(items: [.list([.int(1), .int(0), .int(2)])], text: "[[1,0,2],]"))
    }

    @Test func reportsUnreadableLists() {
        guard case .notFound(let reason) = MoveListExtractor.extract(from: "moves = [[1, 0, 2], [2, 0") else {
            Issue.record("expected failure"); return
        }
        #expect(reason.contains("could not be read"))
        guard case .notFound(let none) = MoveListExtractor.extract(from: "I give up.") else { Issue.record("expected failure"); return }
        #expect(none.contains("no move list found"))
        guard case .notFound(let bad) = MoveListExtractor.extract(from: "moves = [[1, 0, 2] [2, 0, 1]]") else {
            Issue.record("expected failure"); return
        }
        #expect(bad.contains("expected ',' or ']'"))
    }
}
