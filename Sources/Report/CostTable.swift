import Foundation

/// The cost table: one row per strategy setting with accuracy and mean per-problem cost.
enum CostTable {
    static func html(_ chart: ReportData.StrategyChartData) -> String {
        let series = chart.series
        var html = "<table class=\"cost\">\n"
        if !chart.title.isEmpty { html += "<caption>\(Markup.escape(chart.title))</caption>\n" }
        html += "<thead><tr><th>strategy</th><th>setting</th><th>accuracy</th><th>samples</th>"
        html += "<th>prompt tokens</th><th>generated tokens</th><th>FLOPs</th><th>KV cache</th></tr></thead>\n<tbody>\n"
        for entry in series {
            for point in entry.points {
                let cells = [
                    Markup.escape(entry.name), Markup.escape(point.setting), String(format: "%.4f", point.accuracy),
                    compact(point.samplesUsed), compact(point.promptTokens), compact(point.generatedTokens),
                    point.flops.map(engineering) ?? "—", point.kvCacheBytes.map(bytes) ?? "—",
                ]
                html += "<tr>" + cells.enumerated().map { $0.offset < 2 ? "<td>\($0.element)</td>" : "<td class=\"n\">\($0.element)</td>" }.joined() + "</tr>\n"
            }
        }
        if series.allSatisfy(\.points.isEmpty) { html += "<tr><td colspan=\"8\">no strategy results</td></tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    static func compact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// 1.23e12 → "1.23 T".
    static func engineering(_ value: Double) -> String {
        let units: [(Double, String)] = [(1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, unit) in units where abs(value) >= scale { return String(format: "%.3g", value / scale) + " " + unit }
        return String(format: "%.3g", value)
    }

    static func bytes(_ value: Double) -> String {
        let units: [(Double, String)] = [(1_073_741_824, "GiB"), (1_048_576, "MiB"), (1024, "KiB")]
        for (scale, unit) in units where value >= scale { return String(format: "%.3g", value / scale) + " " + unit }
        return String(format: "%.0f B", value)
    }
}
