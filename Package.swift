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
        .executable(name: "serve-load", targets: ["ServeLoad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "CKernels", cSettings: optimisedC),
        .target(name: "Random", swiftSettings: optimised),
        .target(name: "Numerics", dependencies: ["CKernels"], swiftSettings: optimised),
        .target(name: "GGUF", dependencies: ["Numerics"], swiftSettings: optimised),
        .target(name: "Tokenizer", dependencies: ["GGUF"], swiftSettings: optimised),
        .target(name: "Model", dependencies: ["Numerics", "GGUF"], swiftSettings: optimised),
        .target(name: "Sampling", dependencies: ["Numerics", "Random"], swiftSettings: optimised),
        .target(name: "Engine", dependencies: ["Model", "Tokenizer", "Sampling"]),
        .target(name: "ModelStore"),
        .target(
            name: "RemoteEngine",
            dependencies: [
                "Engine", "Sampling", "Tokenizer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // async-http-client → swift-algorithms → swift-numerics, whose umbrella module is also called
                // `Numerics`; aliasing it here lets both share the graph (Reckon's own `Numerics` keeps its name).
                .product(name: "Numerics", package: "swift-numerics", moduleAliases: ["Numerics": "SwiftNumerics"]),
            ]),
        .target(
            name: "Exact",
            dependencies: [.product(name: "BigInt", package: "BigInt"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: optimised),
        .target(
            name: "Answers", dependencies: ["Exact", "Random", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: optimised),
        .target(
            name: "Tasks", dependencies: ["Answers", "Exact", "Random", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: optimised),
        .target(name: "Analysis", dependencies: ["Random"], swiftSettings: optimised),
        // Per-token cost of an arithmetic (FLOPs, bytes, ACE, energy estimate); formats by name from Numerics' tables.
        .target(name: "Cost", dependencies: ["Numerics"]),
        .target(name: "Reasoning", dependencies: ["Engine", "Answers", "Exact", "Tasks", "Analysis", "Random"]),
        .target(name: "Store", dependencies: ["Reasoning", "Tasks", "Cost", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Report", dependencies: ["Analysis", "Reasoning", "Store", "Cost"]),
        // `reckon serve`: OpenAI-compatible HTTP (Hummingbird 2) over one shared LiveBatch.
        .target(
            name: "Serve",
            dependencies: [
                "Engine", "Tokenizer", "Sampling", "Random", "Reasoning",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .executableTarget(
            name: "reckon",
            dependencies: ["Serve", "Engine", "Model", "ModelStore", "RemoteEngine", "Answers", "Exact", "Tasks", "Analysis", "Reasoning", "Store", "Report", "Cost", .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "TasksBench", dependencies: ["Tasks"], path: "Benchmarks/TasksBench", swiftSettings: optimised),
        .executableTarget(
            name: "ReckonBench", dependencies: ["Engine", "ModelStore"], path: "Benchmarks/ReckonBench", swiftSettings: optimised),
        // Load generator for Benchmarks/serve-load: streamed chat requests against an OpenAI-compatible server.
        .executableTarget(
            name: "ServeLoad",
            dependencies: [
                "Random",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/ServeLoad"),

        .target(name: "TestSupport", dependencies: ["Engine", "ModelStore", "Random"], path: "Tests/TestSupport"),
        .testTarget(name: "RandomTests", dependencies: ["Random"]),
        .testTarget(name: "NumericsTests", dependencies: ["Numerics", "Random"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TokenizerTests", dependencies: ["Tokenizer", "Engine", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Engine", "GGUF", "Random", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "Random"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"]),
        .testTarget(name: "ModelStoreTests", dependencies: ["ModelStore"]),
        .testTarget(
            name: "RemoteEngineTests",
            dependencies: [
                "RemoteEngine", "Engine", "Sampling",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(
            name: "ExactTests", dependencies: ["Exact", .product(name: "BigInt", package: "BigInt")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "AnswersTests", dependencies: ["Answers", "Exact", "Random"]),
        .testTarget(
            name: "TasksTests", dependencies: ["Tasks", "Exact", "Random", .product(name: "BigInt", package: "BigInt")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Random"]),
        .testTarget(name: "CostTests", dependencies: ["Cost", "Numerics"]),
        .testTarget(name: "ReasoningTests", dependencies: ["Reasoning", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Cost", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Cost"]),
        .testTarget(
            name: "ServeTests",
            dependencies: [
                "Serve", "Engine", "Model", "Random", "Reasoning", "Sampling", "Tokenizer", "TestSupport", "RemoteEngine",
                "Tasks",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(name: "reckonTests", dependencies: ["reckon", "TestSupport"]),
    ]
)
