import Exact

/// Word problems (`word-problems`) solved one operation per step: the template's answer expression (with its
/// `let` values inlined, each computed once) evaluated innermost first, e.g. `120 × 70 = 8400`, then
/// `Final answer: 79`. Operators are written `+`, `−`, `×`, `÷` so that a fraction `7/2` reads as one number.
///
/// Errors: a slipped digit in a result, a number copied wrong from the problem, the wrong operation (each time the
/// arithmetic of the step itself is right or consistently wrong, and later steps use the value written).
public struct WordProblemSteps: StepFamily {
    public init() {}
    public var id: String { "word-problems" }
    public var taskFamily: any TaskFamily { WordProblemsFamily() }
    public var errorKinds: [StepErrorKind] { [.slippedDigit, .copiedWrong, .wrongOperation] }

    static let symbols: [String: String] = ["+": "+", "-": "−", "*": "×", "/": "÷"]

    /// An operand: a number from the problem or the result of an earlier operation.
    enum Operand: Equatable { case value(Rational), step(Int) }
    struct Operation: Equatable { var op: String; var left: Operand; var right: Operand }

    /// The operations computing the answer, in order; nil when the data names no built-in template, the
    /// assignment does not parse, or the expression uses anything but + − × ÷ on numbers.
    static func plan(_ data: [String: String]) -> [Operation]? {
        guard let id = data["template"], let template = WordProblemTemplate.builtIn.first(where: { $0.id == id }),
              let assignment = data["assignment"], assignment.utf8.count <= 100_000 else { return nil }
        var values: [String: Rational] = [:]
        for pair in assignment.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            if let number = Rational.parse(String(parts[1])) { values[String(parts[0])] = number }
        }
        var lets: [String: TemplateExpression] = [:]
        for declaration in template.declarations {
            if case .derived(let expression) = declaration.source { lets[declaration.name] = expression }
        }
        var operations: [Operation] = []
        var computed: [String: Operand] = [:]
        func operand(_ e: TemplateExpression, depth: Int) -> Operand? {
            guard depth < 64 else { return nil }
            switch e {
            case .number(let r): return .value(r)
            case .name(let name):
                if let known = computed[name] { return known }
                if let expression = lets[name] {
                    guard let result = operand(expression, depth: depth + 1) else { return nil }
                    computed[name] = result
                    return result
                }
                return values[name].map(Operand.value)
            case .binary(let op, let a, let b) where symbols[op] != nil:
                guard let left = operand(a, depth: depth + 1), let right = operand(b, depth: depth + 1) else { return nil }
                operations.append(Operation(op: op, left: left, right: right))
                return .step(operations.count - 1)
            default:
                return nil
            }
        }
        guard operand(template.answer, depth: 0) != nil, !operations.isEmpty else { return nil }
        return operations
    }

    static func apply(_ op: String, _ x: Rational, _ y: Rational) -> Rational? {
        switch op {
        case "+": return x + y
        case "-": return x - y
        case "*": return x * y
        case "/": return x / y
        default: return nil
        }
    }

    static func render(_ r: Rational) -> String { TemplateExpression.render(r) }

    /// `r` with one digit slipped (integers), else `r + 1`.
    static func slip(_ r: Rational, using rng: inout TaskRNG) -> Rational {
        guard r.isInteger else { return r + Rational(1) }
        let slipped = Rational.parse(StepText.slip(r.magnitude.numerator.description, using: &rng)) ?? r + Rational(1)
        return r.isNegative ? -slipped : slipped
    }

    public func problem(from instance: TaskInstance) -> StepProblem {
        let body = instance.prompt.components(separatedBy: "\n\n").first ?? instance.prompt
        var data: [String: String] = [:]
        for key in ["template", "assignment"] { data[key] = instance.data[key] ?? "" }
        return StepProblem(statement: body + " Solve it one arithmetic operation per step.", data: data)
    }

    public func solve(_ problem: StepProblem, fault: StepFault?) -> [String]? {
        guard let operations = Self.plan(problem.data) else { return nil }
        var results: [Rational] = []
        var steps: [String] = []
        for (index, operation) in operations.enumerated() {
            var x: Rational, y: Rational
            switch operation.left { case .value(let v): x = v; case .step(let k): x = results[k] }
            switch operation.right { case .value(let v): y = v; case .step(let k): y = results[k] }
            var op = operation.op
            var rng = TaskRNG(seed: fault?.draw ?? 0)
            let here = fault?.step == index ? fault?.kind : nil
            switch here {
            case .copiedWrong?:
                var copied: [Bool] = []
                if case .value = operation.left { copied.append(true) }
                if case .value = operation.right { copied.append(false) }
                guard !copied.isEmpty else { return nil }
                if rng.pick(copied) { x = Self.slip(x, using: &rng) } else { y = Self.slip(y, using: &rng) }
            case .wrongOperation?:
                op = rng.pick(["+", "-", "*", "/"].filter { $0 != operation.op })
            case .slippedDigit?, nil: break
            default: return nil
            }
            guard var z = Self.apply(op, x, y) else { return nil }
            if here == .slippedDigit { z = Self.slip(z, using: &rng) }
            results.append(z)
            steps.append("\(Self.render(x)) \(Self.symbols[op]!) \(Self.render(y)) = \(Self.render(z))")
        }
        var answer = results.last!
        if fault?.step == operations.count {
            guard fault?.kind == .slippedDigit else { return nil }
            var rng = TaskRNG(seed: fault!.draw)
            answer = Self.slip(answer, using: &rng)
        } else if let fault, fault.step > operations.count {
            return nil
        }
        steps.append("Final answer: \(Self.render(answer))")
        return steps
    }

    /// Reads `x op y = z` (op one of + − × ÷; each number an integer, decimal or fraction).
    static func parse(_ step: String) -> (op: String, x: Rational, y: Rational, z: Rational)? {
        guard step.utf8.count <= 10_000 else { return nil }
        let sides = step.components(separatedBy: " = ")
        guard sides.count == 2, let z = Rational.parse(sides[1]) else { return nil }
        for (op, symbol) in symbols {
            let operands = sides[0].components(separatedBy: " \(symbol) ")
            if operands.count == 2, let x = Rational.parse(operands[0]), let y = Rational.parse(operands[1]) {
                return (op, x, y, z)
            }
        }
        return nil
    }

    public func firstWrongStep(_ steps: [String], data: [String: String]) throws(TasksError) -> Int {
        guard let operations = Self.plan(data) else {
            throw .invalidStepData(family: id, reason: "expected \"template\" naming a built-in template whose answer uses "
                + "+ - * / only, and \"assignment\" as name=value pairs separated by ';'")
        }
        var results: [Rational] = []
        for (index, operation) in operations.enumerated() {
            guard index < steps.count else { return steps.count }
            let x: Rational, y: Rational
            switch operation.left { case .value(let v): x = v; case .step(let k): x = results[k] }
            switch operation.right { case .value(let v): y = v; case .step(let k): y = results[k] }
            guard let z = Self.apply(operation.op, x, y), let claim = Self.parse(steps[index]),
                  claim.op == operation.op, claim.x == x, claim.y == y, claim.z == z
            else { return index }
            results.append(z)
        }
        let last = operations.count
        guard last < steps.count else { return steps.count }
        let prefix = "Final answer: "
        guard steps[last].hasPrefix(prefix), Rational.parse(String(steps[last].dropFirst(prefix.count))) == results.last
        else { return last }
        return last + 1 < steps.count ? last + 1 : -1
    }
}
