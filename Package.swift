// swift-tools-version:6.0
import PackageDescription

// Hot kernels are compiled with optimisation even in debug builds, so that `swift test` (a debug build)
// runs the real model at usable speed. unsafeFlags are allowed because Reckon is a root package.
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]
let optimisedC: [CSetting] = [.unsafeFlags(["-O2"])]

let package = Package(
    name: "Reckon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reckon", targets: ["reckon"]),
        .executable(name: "reckon-bench", targets: ["ReckonBench"]),
        .executable(name: "tasks-bench", targets: ["TasksBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "CKernels", cSettings: optimisedC),
        .target(name: "Numerics", dependencies: ["CKernels"], swiftSettings: optimised),
        .target(name: "GGUF", dependencies: ["Numerics"], swiftSettings: optimised),
        .target(name: "Tokenizer", dependencies: ["GGUF"], swiftSettings: optimised),
        .target(name: "Model", dependencies: ["Numerics", "GGUF"], swiftSettings: optimised),
        .target(name: "Sampling", dependencies: ["Numerics"], swiftSettings: optimised),
        .target(name: "Engine", dependencies: ["Model", "Tokenizer", "Sampling"]),
        .target(name: "Tasks", swiftSettings: optimised),
        .target(name: "Analysis", swiftSettings: optimised),
        .executableTarget(
            name: "reckon",
            dependencies: ["Engine", "Tasks", "Analysis", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "TasksBench", dependencies: ["Tasks"], path: "Benchmarks/TasksBench", swiftSettings: optimised),
        .executableTarget(
            name: "ReckonBench", dependencies: ["Engine"], path: "Benchmarks/ReckonBench", swiftSettings: optimised),

        .target(name: "TestSupport", dependencies: ["Engine"], path: "Tests/TestSupport"),
        .testTarget(name: "NumericsTests", dependencies: ["Numerics"]),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TokenizerTests", dependencies: ["Tokenizer", "Engine", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Engine", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"]),
        .testTarget(name: "TasksTests", dependencies: ["Tasks"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "reckonTests", dependencies: ["reckon", "TestSupport"]),
    ]
)
