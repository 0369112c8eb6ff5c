/// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies; yellow left out, it is unreadable
/// on white) plus two Tol colours, cycled by series index. Series past the palette are drawn dashed.
enum Palette {
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255", "#999933", "#888888"]

    /// Whether the series at `index` has cycled past the palette (and should be dashed to stay distinct).
    static func isRepeat(_ index: Int) -> Bool { index >= colors.count }

    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
