import Exact

import Foundation

extension WordProblemTemplate {
    /// Built-in word lists usable as `choice(<list>)`.
    public static let builtInLists: [String: [String]] = [
        "names": ["Amara", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena",
                  "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tove"],
        "fruits": ["apples", "pears", "plums", "oranges", "peaches", "lemons", "apricots", "mangoes"],
        "snacks": ["cookies", "crackers", "muffins", "pretzels", "granola bars", "rice cakes"],
        "tools": ["hammers", "wrenches", "screwdrivers", "drills", "saws", "chisels"],
        "animals": ["goats", "sheep", "ducks", "rabbits", "hens", "geese"],
        "cities": ["Lisbon", "Oslo", "Nairobi", "Lima", "Hanoi", "Quebec", "Perth", "Tunis"],
    ]

    /// Reads templates from a file. - Throws: ``TasksError/malformedLine(line:reason:)`` (line 0 when the file
    /// cannot be read).
    public static func load(from path: String) throws(TasksError) -> [WordProblemTemplate] {
        guard let text = readTextFile(path) else {
            throw .malformedLine(line: 0, reason: "\(path): cannot read the template file; check that it exists and is UTF-8 text")
        }
        return try parse(text, source: path)
    }

    static func readTextFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Parses every template in `text` (format in the type's documentation). `source` names the file in errors.
    public static func parse(_ text: String, source: String = "templates") throws(TasksError) -> [WordProblemTemplate] {
        var drafts: [Draft] = []
        var lastWasText = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = String(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            let trimmed = line.puzzleTrimmed()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { lastWasText = false; continue }
            func fail(_ field: String, _ message: String) -> TasksError {
                let who = drafts.last.map { "template '\($0.id)', " } ?? ""
                return .malformedLine(line: lineNumber, reason: "\(source): \(who)field '\(field)': \(message)")
            }
            if line.first?.isWhitespace == true, lastWasText, drafts.last != nil {
                drafts[drafts.count - 1].text += " " + trimmed
                continue
            }
            lastWasText = false
            let (key, rest) = splitField(trimmed)
            if key == "template" {
                guard !rest.isEmpty, rest.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
                    throw fail("template", "expected an id in lowercase kebab-case (e.g. 'shop-apples'), found '\(rest)'")
                }
                if drafts.contains(where: { $0.id == rest }) { throw fail("template", "duplicate template id '\(rest)'") }
                drafts.append(Draft(id: rest, line: lineNumber))
                continue
            }
            guard drafts.last != nil else {
                throw .malformedLine(line: lineNumber, reason: "\(source): '\(trimmed)' is outside a template; start one with 'template: <id>'")
            }
            var d = drafts.removeLast()
            defer { drafts.append(d) }
            switch key {
            case "text":
                guard d.textLine == nil else { throw fail("text", "the template already has a text (continue it on indented lines)") }
                d.text = rest; d.textLine = lineNumber; lastWasText = true
            case "answer":
                guard d.answer == nil else { throw fail("answer", "the template already has an answer") }
                d.answer = try expression(rest, fail: { fail("answer", $0) }); d.answerLine = lineNumber
            case "unit":
                d.unit = rest
            case "constraint":
                d.constraints.append((try expression(rest, fail: { fail("constraint", $0) }), lineNumber))
            case "var", "let":
                guard let eq = rest.firstIndex(of: "=") else { throw fail(key, "expected '\(key) <name> = …'") }
                let name = String(rest[..<eq]).puzzleTrimmed(), body = String(rest[rest.index(after: eq)...]).puzzleTrimmed()
                guard let first = name.first, first.isLetter || first == "_",
                      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), name.allSatisfy(\.isASCII) else {
                    throw fail(key, "'\(name)' is not a valid variable name (letters, digits, '_')")
                }
                guard !["and", "or", "not"].contains(name), TemplateExpression.functions[name] == nil else {
                    throw fail(key, "'\(name)' is reserved")
                }
                if d.declarations.contains(where: { $0.name == name }) { throw fail(key, "variable '\(name)' is declared twice") }
                let src: Source = key == "let"
                    ? .derived(try expression(body, fail: { fail("let \(name)", $0) }))
                    : try variableSource(body, fail: { fail("var \(name)", $0) })
                d.declarations.append(Declaration(name: name, source: src, line: lineNumber))
            default:
                throw fail(key, "unknown field (expected template, text, var, let, constraint, answer or unit)")
            }
        }
        var templates: [WordProblemTemplate] = []
        for d in drafts { templates.append(try d.build(source: source)) }
        guard !templates.isEmpty else {
            throw .malformedLine(line: 1, reason: "\(source): no templates found; start one with 'template: <id>'")
        }
        return templates
    }

    static func splitField(_ line: String) -> (String, String) {
        // "key: rest" or "key rest" (var/let/constraint allow the space form).
        var key = ""
        var i = line.startIndex
        while i < line.endIndex, line[i].isLetter { key.append(line[i]); i = line.index(after: i) }
        var rest = line[i...]
        if rest.first == ":" { rest = rest.dropFirst() }
        return (key.lowercased(), String(rest).puzzleTrimmed())
    }

    static func expression(_ text: String, fail: (String) -> TasksError) throws(TasksError) -> TemplateExpression {
        switch TemplateExpression.parse(text) {
        case .success(let e): return e
        case .failure(let error): throw fail(error.description)
        }
    }

    static func variableSource(_ body: String, fail: (String) -> TasksError) throws(TasksError) -> Source {
        var text = body
        var scaled = false
        if text.hasSuffix(" scaled") { scaled = true; text = String(text.dropLast(7)).puzzleTrimmed() }
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw fail("expected range(lo, hi[, step]) or choice(a, b, …), found '\(body)'")
        }
        let fn = String(text[..<open]).puzzleTrimmed()
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let items = inner.split(separator: ",", omittingEmptySubsequences: false).map { String($0).puzzleTrimmed() }
        switch fn {
        case "range":
            let numbers = items.compactMap { Int($0) }
            guard numbers.count == items.count, (2...3).contains(numbers.count) else {
                throw fail("range needs 2 or 3 integers (lo, hi[, step]), found '\(inner)'")
            }
            let lo = numbers[0], hi = numbers[1], step = numbers.count == 3 ? numbers[2] : 1
            guard lo <= hi, step >= 1 else { throw fail("range needs lo ≤ hi and step ≥ 1, found '\(inner)'") }
            guard abs(lo) <= 1_000_000_000, abs(hi) <= 1_000_000_000 else { throw fail("range bounds must stay within ±10^9") }
            return .range(lower: lo, upper: hi, step: step, scaled: scaled)
        case "choice":
            guard !scaled else { throw fail("'scaled' applies to range only") }
            if items.count == 1, let list = builtInLists[items[0]] { return .choice(list.map { .text($0) }) }
            guard !items.isEmpty, !items.contains(where: \.isEmpty) else { throw fail("choice needs non-empty items separated by commas") }
            let numbers = items.compactMap(Rational.parse)
            if numbers.count == items.count { return .choice(numbers.map { .number($0) }) }
            return .choice(items.map { .text($0) })
        default:
            throw fail("unknown source '\(fn)' (expected range or choice)")
        }
    }

    /// A template being read (fields may arrive in any order).
    struct Draft {
        var id: String
        var line: Int
        var text = ""
        var textLine: Int?
        var declarations: [Declaration] = []
        var constraints: [(TemplateExpression, Int)] = []
        var answer: TemplateExpression?
        var answerLine: Int?
        var unit: String?

        func build(source: String) throws(TasksError) -> WordProblemTemplate {
            func fail(_ line: Int, _ field: String, _ message: String) -> TasksError {
                .malformedLine(line: line, reason: "\(source): template '\(id)', field '\(field)': \(message)")
            }
            guard let textLine else { throw fail(line, "text", "missing; add 'text: …'") }
            guard let answer, let answerLine else { throw fail(line, "answer", "missing; add 'answer: <expression>'") }
            // Names must be declared before use (derived values may only use earlier names).
            var known = Set<String>()
            for d in declarations {
                if case .derived(let e) = d.source, let missing = e.names.subtracting(known).sorted().first {
                    throw fail(d.line, "let \(d.name)", "unknown variable '\(missing)' (declare it on an earlier line)")
                }
                known.insert(d.name)
            }
            let declared = known.sorted().joined(separator: ", ")
            for (c, l) in constraints {
                if let missing = c.names.subtracting(known).sorted().first {
                    throw fail(l, "constraint", "unknown variable '\(missing)' (declared: \(declared))")
                }
            }
            if let missing = answer.names.subtracting(known).sorted().first {
                throw fail(answerLine, "answer", "unknown variable '\(missing)' (declared: \(declared))")
            }
            var segments: [Segment] = []
            var literal = ""
            var chars = Array(text)[...]
            while let c = chars.first {
                chars = chars.dropFirst()
                if c == "{", chars.first == "{" { literal.append("{"); chars = chars.dropFirst(); continue }
                if c == "}", chars.first == "}" { literal.append("}"); chars = chars.dropFirst(); continue }
                if c == "}" { throw fail(textLine, "text", "unmatched '}' (write '}}' for a literal brace)") }
                if c != "{" { literal.append(c); continue }
                guard let close = chars.firstIndex(of: "}") else { throw fail(textLine, "text", "unclosed '{'") }
                let inner = String(chars[..<close])
                chars = chars[chars.index(after: close)...]
                let e: TemplateExpression
                switch TemplateExpression.parse(inner) {
                case .success(let parsed): e = parsed
                case .failure(let error): throw fail(textLine, "text", "placeholder {\(inner)}: \(error)")
                }
                if let missing = e.names.subtracting(known).sorted().first {
                    throw fail(textLine, "text", "placeholder {\(inner)} uses unknown variable '\(missing)' (declared: \(declared))")
                }
                if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                segments.append(.value(e))
            }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            let template = WordProblemTemplate(id: id, declarations: declarations, constraints: constraints.map(\.0),
                                               answer: answer, unit: unit, segments: segments, text: text)
            var rng = TaskRNG(seed: 0)
            guard template.sample(rng: &rng, attempts: 2_000) != nil else {
                throw fail(constraints.first?.1 ?? answerLine, constraints.isEmpty ? "answer" : "constraint",
                           "no draw out of 2000 satisfied every constraint with a numeric answer; widen the ranges or relax the constraints")
            }
            return template
        }
    }
}
