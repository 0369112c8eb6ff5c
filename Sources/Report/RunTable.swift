/// The runs overview (one row per run, a chosen subset of fields) and each run's full description table.
enum RunTable {
    /// Field names shown as overview columns, in order (absent fields print as an em dash).
    static let summaryColumns = ["Task", "Difficulty", "Model", "Samples", "pass@1", "Finished"]

    static func summary(_ runs: [ReportData.RunInfo]) -> String {
        var html = "<table class=\"runs\">\n<thead><tr><th>run</th>"
        html += summaryColumns.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for run in runs {
            html += "<tr><td>\(Markup.escape(run.title))</td>"
            for column in summaryColumns {
                let value = run.fields.first { $0.name == column }?.value ?? "—"
                html += "<td>\(Markup.escape(value))</td>"
            }
            html += "</tr>\n"
        }
        if runs.isEmpty { html += "<tr><td colspan=\"\(summaryColumns.count + 1)\">no runs</td></tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    static func details(_ run: ReportData.RunInfo) -> String {
        var html = "<table class=\"fields\">\n<tbody>\n"
        for field in run.fields {
            html += "<tr><th>\(Markup.escape(field.name))</th><td>\(Markup.escape(field.value))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
