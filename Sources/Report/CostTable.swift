import Foundation

/// The cost table: one row per strategy setting with accuracy (and its 95 % bootstrap interval), mean
/// per-problem cost, where that cost comes from (measured online or estimated by replay), the KV memory held, an
/// energy estimate, and whether the setting is on the run's accuracy-vs-tokens frontier.
enum CostTable {
    static let headers = [
        "strategy", "setting", "cost", "accuracy", "95 % interval", "samples", "prompt tokens", "generated tokens",
        "FLOPs", "KV held", "energy (est.)", "frontier",
    ]

    static func html(_ chart: ReportData.StrategyChartData) -> String {
        let series = chart.series
        var html = "<table class=\"cost\">\n"
        if !chart.title.isEmpty { html += "<caption>\(Markup.escape(chart.title))</caption>\n" }
        html += "<thead><tr>" + headers.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for entry in series {
            for point in entry.points {
                let cells = [
                    Markup.escape(entry.name), Markup.escape(point.setting), point.measured ? "measured" : "estimated",
                    String(format: "%.4f", point.accuracy), interval(point.accuracyLow, point.accuracyHigh),
                    compact(point.samplesUsed), compact(point.promptTokens), compact(point.generatedTokens),
                    point.flops.map(engineering) ?? "—", kvHeld(point), point.energyJoules.map(joules) ?? "—",
                    point.onFrontier ? "●" : "",
                ]
                html += "<tr>" + cells.enumerated().map { $0.offset < 3 ? "<td>\($0.element)</td>" : "<td class=\"n\">\($0.element)</td>" }.joined() + "</tr>\n"
            }
        }
        if series.allSatisfy(\.points.isEmpty) { html += "<tr><td colspan=\"\(headers.count)\">no strategy results</td></tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    /// "[0.2500, 0.7500]", or "—" without an interval.
    static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "—" }
        return String(format: "[%.4f, %.4f]", low, high)
    }

    /// Online: the measured peak ("1.5 MiB (12 pages)"); replay: the estimate from the cost model.
    static func kvHeld(_ point: ReportData.StrategyPoint) -> String {
        if point.measured {
            guard let held = point.measuredPeakKVBytes else { return "—" }
            return bytes(held) + (point.measuredPeakKVPages.map { " (" + compact($0) + " pages)" } ?? "")
        }
        return point.kvCacheBytes.map(bytes) ?? "—"
    }

    /// 3.3e-6 → "3.3 µJ".
    static func joules(_ value: Double) -> String {
        let units: [(Double, String)] = [(1, "J"), (1e-3, "mJ"), (1e-6, "µJ"), (1e-9, "nJ")]
        for (scale, unit) in units where abs(value) >= scale { return String(format: "%.3g", value / scale) + " " + unit }
        return String(format: "%.3g pJ", value * 1e12)
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
