import ArgumentParser
import Numerics

/// `reckon numerics`: inspect the low-precision number formats Reckon can compute with.
struct NumericsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numerics",
        abstract: "Inspect low-precision number formats.",
        subcommands: [Codes.self, LMulError.self])

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// `reckon numerics codes FORMAT`: every code of a format and its exact value.
    struct Codes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every code of an element format and its value, in code order.",
            discussion: """
                Formats: \(ElementFormat.allCases.map(\.description).joined(separator: ", ")).
                JSON: an array of {"code": n, "value": v}; non-finite values are the strings "nan", "inf", "-inf". \
                Values are exact (printed as the shortest decimal that reads back as the same double).
                """)

        @Argument(help: ArgumentHelp("Element format, e.g. fp8-e4m3 or fp4-e2m1.", valueName: "format"))
        var numberFormat: String

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func validate() throws {
            guard ElementFormat(name: numberFormat) != nil else {
                throw ValidationError(
                    "unknown number format '\(numberFormat)'; valid formats: "
                        + ElementFormat.allCases.map(\.description).joined(separator: ", "))
            }
        }

        func run() throws {
            guard let element = ElementFormat(name: numberFormat) else { return }
            let values = element.decodedValues
            switch format {
            case .json:
                let entries = values.enumerated().map { code, value in
                    "{\"code\": \(code), \"value\": \(Self.jsonValue(value))}"
                }
                print("[\n" + entries.joined(separator: ",\n") + "\n]")
            case .text:
                let traits = element.traits
                let digits = (traits.bitWidth + 3) / 4
                print("\(element): \(traits.bitWidth) bits (\(traits.isSigned ? "sign, " : "")\(traits.exponentBits) "
                      + "exponent, \(traits.mantissaBits) mantissa), bias \(traits.bias), \(traits.codeCount) codes")
                for (code, value) in values.enumerated() {
                    let hex = String(code, radix: 16)
                    print("0x" + String(repeating: "0", count: digits - hex.count) + hex + "  " + Self.textValue(value))
                }
            }
        }

        /// A JSON number that reads back as exactly `value`, or the contract's string for a non-finite value.
        static func jsonValue(_ value: Float) -> String {
            if value.isNaN { return "\"nan\"" }
            if value.isInfinite { return value < 0 ? "\"-inf\"" : "\"inf\"" }
            return Double(value).description
        }

        static func textValue(_ value: Float) -> String {
            if value.isNaN { return "nan" }
            if value.isInfinite { return value < 0 ? "-inf" : "inf" }
            return Double(value).description
        }
    }
}
