import Testing
@testable import Answers

/// Issue 13, class 5: matrices and vectors in `pmatrix`, `bmatrix`, `array` and `\left[…\right]` forms, element by
/// element with the number rules; near-misses: a transpose, another shape, one entry off.
@Suite struct AnswerClassMatrixTests {
    static let m = "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}"

    static let cases: [EquivalenceCase] = [
        .init(m, m, true),
        .init(m, "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", true),
        .init(m, "\\begin{bmatrix}1&2\\\\3&4\\\\\\end{bmatrix}", true),
        .init(m, "\\left[\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right]", true),
        .init(m, "\\left( \\begin{matrix} 1 & 2 \\\\ \\hline 3 & 4 \\end{matrix} \\right)", true),
        .init(m, "[[1, 2], [3, 4]]", true),
        .init(m, "\\begin{pmatrix} 1 & 3 \\\\ 2 & 4 \\end{pmatrix}", false),
        .init(m, "\\begin{pmatrix} 1 & 2 & 3 & 4 \\end{pmatrix}", false),
        .init(m, "\\begin{pmatrix} 1 & 2 \\\\ 3 & 5 \\end{pmatrix}", false),
        .init(m, "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\\\ 5 & 6 \\end{pmatrix}", false),
        .init(m, "(1, 2, 3, 4)", false),
        .init("\\begin{pmatrix} 1/2 & 0 \\\\ 0 & 2 \\end{pmatrix}", "\\begin{pmatrix} 0.5 & 0 \\\\ 0 & 2 \\end{pmatrix}", true),
        .init("\\begin{pmatrix} 1/3 \\\\ 1 \\end{pmatrix}", "\\begin{pmatrix} 0.333 \\\\ 1 \\end{pmatrix}", true),
        .init("\\begin{pmatrix} 1/3 \\\\ 1 \\end{pmatrix}", "\\begin{pmatrix} 0.33 \\\\ 1 \\end{pmatrix}", false),
        .init("\\begin{pmatrix} 2x & 0 \\\\ 0 & 1 \\end{pmatrix}", "\\begin{pmatrix} x+x & 0 \\\\ 0 & 1 \\end{pmatrix}", true),
        // Vectors: one column or one row, also against a tuple
        .init("\\begin{pmatrix} 3 \\\\ -1 \\end{pmatrix}", "\\begin{pmatrix} 3 \\\\ -1 \\end{pmatrix}", true),
        .init("\\begin{pmatrix} 3 \\\\ -1 \\end{pmatrix}", "\\begin{pmatrix} -1 \\\\ 3 \\end{pmatrix}", false),
        .init("\\begin{pmatrix} 3 \\\\ -1 \\end{pmatrix}", "(3, -1)", true),
        .init("\\begin{pmatrix} 3 \\\\ -1 \\end{pmatrix}", "(-1, 3)", false),
        .init("(3, -1, 2)", "\\begin{bmatrix} 3 & -1 & 2 \\end{bmatrix}", true),
    ]

    @Test(arguments: cases) func matrices(_ row: EquivalenceCase) { row.verify() }

    @Test func rewritingIsPlainBrackets() {
        #expect(MatrixRewriting.rewrite("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}") == "⟦⟦ a , b ⟧,⟦ c , d ⟧⟧")
        #expect(MatrixRewriting.rewrite("\\begin{array}{cc} 1 & 2 \\end{array}") == "⟦⟦ 1 , 2 ⟧⟧")
        #expect(MatrixRewriting.rewrite("\\begin{cases} x \\end{cases}") == "\\begin{cases} x \\end{cases}")
    }
}
