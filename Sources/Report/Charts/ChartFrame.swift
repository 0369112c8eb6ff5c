/// The shared geometry and decoration of every chart: the SVG element, title, plot box, axis labels,
/// grid lines, ticks and legend. Coordinates are SVG pixels (y grows downward).
struct ChartFrame {
    var width: Double = 900
    var height: Double = 420
    var left: Double = 64
    var right: Double = 580
    var top: Double = 40
    var bottom: Double = 364
    var title: String
    var xLabel: String
    var yLabel: String

    /// Opens `<svg>` with its title, the plot box and the axis labels.
    func open() -> String {
        let w = Markup.coordinate(width), h = Markup.coordinate(height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        svg += "role=\"img\" aria-label=\"\(Markup.escape(title))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<title>\(Markup.escape(title))</title>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        svg += text(x: left, y: 22, Markup.escape(title), anchor: "start", extra: " font-size=\"15\" font-weight=\"bold\"")
        svg += text(x: (left + right) / 2, y: bottom + 42, Markup.escape(xLabel), anchor: "middle")
        let middle = Markup.coordinate((top + bottom) / 2)
        svg += "<text x=\"16\" y=\"\(middle)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(middle))\">\(Markup.escape(yLabel))</text>\n"
        return svg
    }

    func close() -> String {
        "<rect x=\"\(Markup.coordinate(left))\" y=\"\(Markup.coordinate(top))\" width=\"\(Markup.coordinate(right - left))\" "
            + "height=\"\(Markup.coordinate(bottom - top))\" fill=\"none\" stroke=\"#333333\"/>\n</svg>\n"
    }

    /// A vertical grid line with its tick label under the plot.
    func xTick(at x: Double, label: String, major: Bool = true) -> String {
        var svg = line(x, top, x, bottom, stroke: major ? "#dddddd" : "#f0f0f0")
        if major { svg += text(x: x, y: bottom + 18, Markup.escape(label), anchor: "middle") }
        return svg
    }

    /// A horizontal grid line with its tick label left of the plot.
    func yTick(at y: Double, label: String) -> String {
        line(left, y, right, y, stroke: "#dddddd") + text(x: left - 6, y: y + 4, Markup.escape(label), anchor: "end")
    }

    /// Legend entries to the right of the plot: a colour swatch (dashed when `dashed`) and the escaped name.
    func legend(_ entries: [(name: String, color: String, dashed: Bool)]) -> String {
        var svg = ""
        for (index, entry) in entries.enumerated() {
            let y = top + 10 + Double(index) * 20
            svg += "<line x1=\"\(Markup.coordinate(right + 14))\" y1=\"\(Markup.coordinate(y))\" x2=\"\(Markup.coordinate(right + 38))\" "
            svg += "y2=\"\(Markup.coordinate(y))\" stroke=\"\(entry.color)\" stroke-width=\"2.5\""
            svg += entry.dashed ? " stroke-dasharray=\"5 3\"/>\n" : "/>\n"
            svg += text(x: right + 44, y: y + 4, Markup.escape(entry.name), anchor: "start")
        }
        return svg
    }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(Markup.coordinate(x1))\" y1=\"\(Markup.coordinate(y1))\" x2=\"\(Markup.coordinate(x2))\" "
            + "y2=\"\(Markup.coordinate(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    /// `escaped` must already be escaped.
    func text(x: Double, y: Double, _ escaped: String, anchor: String, extra: String = "") -> String {
        "<text x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y))\" text-anchor=\"\(anchor)\"\(extra)>\(escaped)</text>\n"
    }
}
