// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Newswire",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "NewswireStageSDK", targets: ["NewswireStageSDK"]),
        .library(name: "NewswireWire", targets: ["NewswireWire"]),
        .executable(name: "newswire", targets: ["newswire"]),
        .executable(name: "newswire-fetch", targets: ["newswire-fetch"]),
        .executable(name: "newswire-normalize", targets: ["newswire-normalize"]),
        .executable(name: "newswire-extract", targets: ["newswire-extract"]),
        .executable(name: "newswire-publish", targets: ["newswire-publish"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries, wrapped thinly.
        .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ", pkgConfig: "libzmq",
                       providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        // Transport and protocol.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        .target(name: "Zlib", dependencies: ["CZlib"]),
        .target(name: "NewswireWire", dependencies: [.product(name: "Crypto", package: "swift-crypto")], resources: [.copy("Schemas")]),
        .target(name: "NewswireStageSDK", dependencies: [
            "ZeroMQ", "NewswireWire",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // Stage logic: plain libraries, no sockets.
        // Formats fetch reads and writes: feeds, OPML, sitemaps; web archives.
        .target(name: "NewswireFeeds", dependencies: ["CLibXML2", "NewswireWire"]),
        .target(name: "NewswireWARC", dependencies: ["Zlib", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "NewswireFetch", dependencies: [
            "NewswireWire", "NewswireStageSDK", "NewswireFeeds", "NewswireWARC", "Zlib",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // A loopback HTTP server for fetch's tests and benchmarks.
        .target(name: "NewswireFetchTesting", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .target(name: "NewswireNormalize", dependencies: ["NewswireWire", "CLibXML2"]),
        .target(name: "NewswireExtract", dependencies: ["NewswireWire"]),
        // The normalize and extract stages as Stage conformances and commands (their libraries stay socket-free).
        .target(name: "NewswireStages", dependencies: [
            "NewswireNormalize", "NewswireExtract", "NewswireStageSDK", "NewswireWire",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "NewswirePublish", dependencies: [
            "NewswireWire", "NewswireStageSDK",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The read side of the store: HTTP API, story pages, feeds out.
        .target(name: "NewswireStoreTesting", dependencies: [
            "NewswirePublish",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "NewswireWeb", dependencies: [
            "NewswirePublish", "NewswireWire", "NewswireStageSDK",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], resources: [.copy("Templates")]),
        .target(name: "NewswirePipeline", dependencies: [
            "NewswireWire", "NewswireStageSDK", "ZeroMQ",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Executables: thin shells.
        .executableTarget(name: "newswire-fetch", dependencies: ["NewswireFetch"]),
        .executableTarget(name: "newswire-normalize", dependencies: ["NewswireStages"]),
        .executableTarget(name: "newswire-extract", dependencies: ["NewswireStages"]),
        .executableTarget(name: "newswire-publish", dependencies: ["NewswireWeb"]),
        .executableTarget(name: "newswire", dependencies: [
            "NewswirePipeline", "NewswireStageSDK", "NewswireNormalize", "NewswireExtract",
            "NewswireFetch", "ZeroMQ", "NewswirePublish", "NewswireWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Measurements for Scripts/bench.
        .executableTarget(name: "newswire-bench", dependencies: [
            "ZeroMQ", "NewswireNormalize", "NewswireExtract", "NewswireStageSDK", "NewswireFetchTesting", "NewswirePublish",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // newswire new-stage adds targets above this line.

        // Tests.
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "NewswireWireTests", dependencies: ["NewswireWire"]),
        .testTarget(name: "NewswireStageSDKTests", dependencies: ["NewswireStageSDK", "ZeroMQ"]),
        .testTarget(name: "NewswireFetchTests", dependencies: ["NewswireFetch", "NewswireStageSDK", "NewswireWire", "NewswireFetchTesting"]),
        .testTarget(name: "NewswireFeedsTests", dependencies: ["NewswireFeeds"]),
        .testTarget(name: "NewswireWARCTests", dependencies: ["NewswireWARC", "Zlib", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ZlibTests", dependencies: ["Zlib"]),
        .testTarget(name: "NewswireNormalizeTests", dependencies: ["NewswireNormalize"]),
        .testTarget(name: "NewswireExtractTests", dependencies: ["NewswireExtract"]),
        .testTarget(name: "NewswireStagesTests", dependencies: ["NewswireStages", "NewswireStageSDK", "NewswireWire"]),
        .testTarget(name: "NewswirePublishTests", dependencies: ["NewswirePublish", "NewswireStoreTesting", "NewswireStageSDK", "NewswireWire"]),
        .testTarget(name: "NewswireWebTests", dependencies: [
            "NewswireWeb", "NewswirePublish", "NewswireWire", "NewswireStoreTesting",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "NewswirePipelineTests", dependencies: ["NewswirePipeline", "NewswireStageSDK", "ZeroMQ"]),
        .testTarget(name: "NewswireIntegrationTests", dependencies: [
            "NewswireWire", "NewswirePipeline", "NewswirePublish", "NewswireStageSDK", "ZeroMQ", "NewswireFetchTesting", "NewswireStoreTesting",
        ], resources: [.copy("Fixtures")]),
    ]
)
