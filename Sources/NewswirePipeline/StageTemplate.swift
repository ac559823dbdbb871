import Foundation

/// `newswire new-stage NAME`: a new Swift stage, ready to build and test, in this package — its
/// library (the `Stage`), a one-line executable, a unit test driven by the sample corpus's
/// recording of its input kind, the three targets in Package.swift, and a pipeline file with
/// the stage in its place.
public struct StageTemplate: Sendable {
    public let name: String
    public let input: String
    public let output: String

    /// Where each input kind sits in the default pipeline: the recording of it, the link it
    /// arrives on, and the stage that reads that link today.
    static let places: [String: (fixture: String, link: String, consumer: String)] = [
        "article.fetched": ("fetched.jsonl", "fetched", "normalize"),
        "article.normalized": ("normalized.jsonl", "normalized", "extract"),
        "article.extracted": ("extracted.jsonl", "extracted", "publish"),
    ]

    /// The line Package.swift keeps for new stages: targets are inserted above it.
    public static let marker = "        // newswire new-stage adds targets above this line."

    public init(name: String, input: String = "article.extracted", output: String? = nil) throws(StageTemplateError) {
        guard name.range(of: #"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"#, options: .regularExpression) != nil else {
            throw .badName(name)
        }
        guard Self.places[input] != nil else { throw .unknownInput(input, known: Self.places.keys.sorted()) }
        self.name = name
        self.input = input
        self.output = output ?? input
    }

    /// `keyword-tags` → `KeywordTags`.
    public var typeName: String { name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() }
    public var library: String { "Newswire\(typeName)Stage" }
    public var executable: String { "newswire-\(name)" }
    public var testTarget: String { "\(library)Tests" }
    /// The body field the template stage adds, so its effect is visible in the store.
    public var field: String { typeName.prefix(1).lowercased() + typeName.dropFirst() }

    /// Every file to write, by path relative to the package root.
    public var files: [String: String] {
        [
            "Sources/\(library)/\(typeName)Stage.swift": stageSource,
            "Sources/\(executable)/main.swift": "import \(library)\n\n\(typeName)Command.main()\n",
            "Tests/\(testTarget)/\(typeName)StageTests.swift": testSource,
            "Pipelines/\(name).yaml": pipeline,
        ]
    }

    /// Package.swift with the stage's targets inserted above ``marker``.
    public func package(_ manifest: String) throws(StageTemplateError) -> String {
        guard manifest.contains(Self.marker) else { throw .noMarker }
        guard !manifest.contains("name: \"\(library)\"") else { throw .exists(library) }
        let targets = """
                    .target(name: "\(library)", dependencies: [
                        "NewswireStageSDK", "NewswireWire", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    ]),
                    .executableTarget(name: "\(executable)", dependencies: ["\(library)"]),
                    .testTarget(name: "\(testTarget)", dependencies: ["\(library)", "NewswireStageSDK", "NewswireWire"]),

            """
        return manifest.replacingOccurrences(of: Self.marker, with: targets + Self.marker)
    }

    /// Writes the files and edits Package.swift under `root`; refuses to overwrite anything.
    public func write(into root: URL) throws(StageTemplateError) -> [String] {
        let manifestURL = root.appendingPathComponent("Package.swift")
        guard let manifest = try? String(contentsOf: manifestURL, encoding: .utf8) else { throw .noPackage(root.path) }
        let edited = try package(manifest)
        for path in files.keys where FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            throw .exists(path)
        }
        do {
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            try edited.write(to: manifestURL, atomically: true, encoding: .utf8)
        } catch { throw .cannotWrite("\(error)") }
        return files.keys.sorted() + ["Package.swift"]
    }

    // MARK: The files

    var stageSource: String {
        """
        import ArgumentParser
        import Foundation
        import NewswireStageSDK
        import NewswireWire

        /// `\(input)` → `\(output)`, with `\(field)` added to the body (the words of its text,
        /// counted): replace `process` with what the stage is for.
        public struct \(typeName)Stage: Stage {
            public let name = "\(name)"
            public let accepts: [MessageKind] = ["\(input)"]

            public init() {}

            public func process(_ message: Message) throws -> [Message] {
                // Bodies are JSON: keep every field (a later stage may need one this one does not know).
                guard var body = try JSONSerialization.jsonObject(with: message.body) as? [String: Any] else {
                    throw StageError.failed(stage: name, reason: "the body is not a JSON object")
                }
                let text = body["text"] as? String ?? ""
                body["\(field)"] = ["words": text.split(whereSeparator: \\.isWhitespace).count]
                let output = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
                return [Message(header: Header(id: message.header.id, kind: "\(output)"), body: output, raw: message.raw)]
            }
        }

        /// `\(executable)`: the stage on the pipeline's sockets, or `--once` on JSON Lines.
        public struct \(typeName)Command: ParsableCommand {
            public static let configuration = CommandConfiguration(commandName: "\(executable)", abstract: "\(input) → \(output).")
            @OptionGroup public var options: StageOptions
            public init() {}
            public func run() throws { try options.run(\(typeName)Stage()) }
        }

        """
    }

    var testSource: String {
        let fixture = Self.places[input]!.fixture
        return """
        import Foundation
        import NewswireStageSDK
        import NewswireWire
        import Testing
        import \(library)

        /// \(typeName)Stage on the sample corpus's recording of `\(input)`, in-process.
        @Suite struct \(typeName)StageTests {
            static let recording = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../NewswireIntegrationTests/Fixtures/\(fixture)").standardizedFileURL

            @Test func everyRecordedMessageGetsItsField() throws {
                let inputs = try JSONLines.lines(in: Data(contentsOf: Self.recording)).map { try JSONLines.message(from: $0) }
                #expect(!inputs.isEmpty)
                let processor = StageProcessor(stage: \(typeName)Stage(), replica: "test")
                for input in inputs {
                    guard case .outputs(let outputs) = processor.handle(input) else {
                        Issue.record("\\(input.header.id) became a dead letter")
                        continue
                    }
                    #expect(outputs.count == 1)
                    #expect(outputs.first?.header.kind == "\(output)")
                    let first = try #require(outputs.first)
                    let body = try #require(try JSONSerialization.jsonObject(with: first.body) as? [String: Any])
                    #expect(body["\(field)"] != nil)
                    #expect(outputs.first?.header.trace.last?.stage == "\(name)")
                }
            }

            @Test func anotherKindIsADeadLetter() throws {
                let message = Message(header: Header(id: "x", kind: "other.kind"), body: Data("{}".utf8))
                guard case .deadLetter = StageProcessor(stage: \(typeName)Stage(), replica: "test").handle(message) else {
                    Issue.record("expected a dead letter")
                    return
                }
            }
        }

        """
    }

    /// The default pipeline with the stage on its input's link, before the stage that read it.
    var pipeline: String {
        let place = Self.places[input]!
        let links = ["fetched", "normalized", "extracted"]
        var linkLines = links.enumerated().map { i, l in
            "  \(l): { in: \"tcp://127.0.0.1:57\(i)1\", out: \"tcp://127.0.0.1:57\(i)2\", tap: \"tcp://127.0.0.1:57\(i)3\" }"
        }
        linkLines.append("  \(name): { in: \"tcp://127.0.0.1:5791\", out: \"tcp://127.0.0.1:5792\", tap: \"tcp://127.0.0.1:5793\" }")
        func reads(_ consumer: String, _ link: String) -> String { consumer == place.consumer ? name : link }
        return """
        # The default pipeline with the \(name) stage (newswire new-stage) reading \(place.link) before \(place.consumer).
        # Run it with `Scripts/launch Pipelines/\(name).yaml` after `swift build`.
        name: \(name)
        workdir: ../var/\(name)
        acknowledgements: "tcp://127.0.0.1:5781"
        links:
        \(linkLines.joined(separator: "\n"))
        stages:
          - { name: fetch, command: newswire-fetch, finite: true, output: fetched,
              args: [samples, --until-done, --acknowledgements, "tcp://127.0.0.1:5781"] }
          - { name: normalize, command: newswire-normalize, input: \(reads("normalize", "fetched")), output: normalized }
          - { name: extract, command: newswire-extract, input: \(reads("extract", "normalized")), output: extracted }
          - { name: \(name), command: \(executable), input: \(place.link), output: \(name) }
          - { name: publish, command: newswire-publish, input: \(reads("publish", "extracted")),
              args: [--database, ../var/\(name)/newswire.sqlite, --export, ../var/\(name)/articles.jsonl,
                     --acknowledgements, "tcp://127.0.0.1:5781", --http-port, "8080"] }

        """
    }
}

public enum StageTemplateError: Error, CustomStringConvertible {
    case badName(String)
    case unknownInput(String, known: [String])
    case noPackage(String)
    case noMarker
    case exists(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .badName(let n): "'\(n)' is not a stage name: lower-case letters, digits and hyphens, starting with a letter (e.g. keyword-tags)"
        case .unknownInput(let k, let known): "a new stage can read \(known.joined(separator: ", ")), not \(k)"
        case .noPackage(let p): "no Package.swift in \(p): run newswire new-stage at the root of the Newswire package"
        case .noMarker: "Package.swift has no line '\(StageTemplate.marker.trimmingCharacters(in: .whitespaces))' to add targets above"
        case .exists(let p): "\(p) exists already: choose another name"
        case .cannotWrite(let r): "cannot write the stage: \(r)"
        }
    }
}
