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
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // C libraries, wrapped thinly.
        .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ", pkgConfig: "libzmq",
                       providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        // Transport and protocol.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        .target(name: "NewswireWire", dependencies: [.product(name: "Crypto", package: "swift-crypto")], resources: [.copy("Schemas")]),
        .target(name: "NewswireStageSDK", dependencies: [
            "ZeroMQ", "NewswireWire",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // Stage logic: plain libraries, no sockets.
        .target(name: "NewswireFetch", dependencies: ["NewswireWire", "NewswireStageSDK"]),
        .target(name: "NewswireNormalize", dependencies: ["NewswireWire", "CLibXML2"]),
        .target(name: "NewswireExtract", dependencies: ["NewswireWire"]),
        .target(name: "NewswirePublish", dependencies: [
            "NewswireWire", "NewswireStageSDK",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "NewswirePipeline", dependencies: [
            "NewswireWire", "NewswireStageSDK", "ZeroMQ",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Executables: thin shells.
        .executableTarget(name: "newswire-fetch", dependencies: [
            "NewswireFetch", "NewswireStageSDK", "ZeroMQ",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "newswire-normalize", dependencies: [
            "NewswireNormalize", "NewswireStageSDK",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "newswire-extract", dependencies: [
            "NewswireExtract", "NewswireStageSDK",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "newswire-publish", dependencies: [
            "NewswirePublish", "NewswireStageSDK",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "newswire", dependencies: [
            "NewswirePipeline", "NewswireStageSDK", "NewswireNormalize", "NewswireExtract",
            "NewswireFetch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Measurements for Scripts/bench.
        .executableTarget(name: "newswire-bench", dependencies: [
            "ZeroMQ", "NewswireNormalize", "NewswireExtract", "NewswireStageSDK",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests.
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "NewswireWireTests", dependencies: ["NewswireWire"]),
        .testTarget(name: "NewswireStageSDKTests", dependencies: ["NewswireStageSDK", "ZeroMQ"]),
        .testTarget(name: "NewswireFetchTests", dependencies: ["NewswireFetch", "NewswireStageSDK"]),
        .testTarget(name: "NewswireNormalizeTests", dependencies: ["NewswireNormalize"]),
        .testTarget(name: "NewswireExtractTests", dependencies: ["NewswireExtract"]),
        .testTarget(name: "NewswirePublishTests", dependencies: ["NewswirePublish"]),
        .testTarget(name: "NewswirePipelineTests", dependencies: ["NewswirePipeline"]),
        .testTarget(name: "NewswireIntegrationTests", dependencies: [
            "NewswireWire", "NewswirePipeline", "NewswirePublish", "NewswireStageSDK", "ZeroMQ",
        ], resources: [.copy("Fixtures")]),
    ]
)
