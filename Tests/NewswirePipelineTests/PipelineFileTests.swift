import Foundation
import Testing
@testable import NewswirePipeline

@Suite struct PipelineFileTests {
    @Test func aStageNamingAnUnknownLinkIsRejected() throws {
        let yaml = """
        name: t
        workdir: var/t
        links: {}
        stages:
          - { name: a, command: x, input: nowhere }
        """
        #expect(throws: PipelineError.self) { try PipelineFile.parse(yaml) }
    }

    static let minimal = """
    name: t
    workdir: var/t
    links: {}
    stages:
      - { name: a, command: x }
    """

    @Test func restartAndAcknowledgementsAreOptionalWithDefaults() throws {
        let file = try PipelineFile.parse(Self.minimal)
        #expect(file.restart == nil && file.acknowledgements == nil)
        #expect(file.restartPolicy == RestartPolicy(maxRestarts: 5, healthyAfter: 30))
    }

    @Test func restartAndAcknowledgementsParse() throws {
        let file = try PipelineFile.parse(Self.minimal + """

        restart: { max-restarts: 2, healthy-after: 12.5 }
        acknowledgements: "tcp://127.0.0.1:5631"
        """)
        #expect(file.restartPolicy.maxRestarts == 2)
        #expect(file.restartPolicy.healthyAfter == 12.5)
        #expect(file.acknowledgements == "tcp://127.0.0.1:5631")
    }

    @Test func aPartialRestartKeyKeepsTheOtherDefault() throws {
        let file = try PipelineFile.parse(Self.minimal + "\nrestart: { max-restarts: 1 }")
        #expect(file.restartPolicy == RestartPolicy(maxRestarts: 1, healthyAfter: 30))
    }

    @Test func negativeRestartSettingsAreRejected() {
        #expect(throws: PipelineError.self) { try PipelineFile.parse(Self.minimal + "\nrestart: { max-restarts: -1 }") }
    }

    @Test func theBundledPipelinesStillParse() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.appendingPathComponent("Pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for f in files { _ = try PipelineFile.load(path: dir.appendingPathComponent(f).path) }
    }
}

@Suite struct CommandStageSpecTests {
    static func file(_ stage: String) -> String {
        """
        name: t
        workdir: var/t
        links: { a: { in: "tcp://127.0.0.1:1", out: "tcp://127.0.0.1:2" } }
        stages:
          - \(stage)
        """
    }

    @Test func aCommandStageRunsTheAdapterWithItsProgramKindsAndTimeout() throws {
        let file = try PipelineFile.parse(Self.file(
            "{ name: langs, kind: command, run: [python3, x.py, --keep, en], accepts: [article.extracted], timeout: 5, input: a }"))
        #expect(file.stages[0].command == ["newswire", "command-stage", "--stage-name", "langs", "--timeout", "5.0",
                                           "--accepts", "article.extracted",
                                           "--run", "python3", "--run", "x.py", "--run", "--keep", "--run", "en"])
        #expect(file.stages[0].run == ["python3", "x.py", "--keep", "en"])
    }

    @Test func aCommandStageNeedsItsProgramAndKinds() {
        #expect(throws: PipelineError.self) { try PipelineFile.parse(Self.file("{ name: c, kind: command, accepts: [x], input: a }")) }
        #expect(throws: PipelineError.self) { try PipelineFile.parse(Self.file("{ name: c, kind: command, run: [sh], input: a }")) }
        #expect(throws: PipelineError.self) { try PipelineFile.parse(Self.file("{ name: c, kind: lambda, command: x, input: a }")) }
    }

    @Test func scriptPathsResolveAgainstThePipelineFilesFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-spec-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        try "print()".write(to: dir.appendingPathComponent("plugins/f.py"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("p.yaml").path
        try Self.file("{ name: c, kind: command, run: [python3, plugins/f.py, not/a/file], accepts: [x], input: a }")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let file = try PipelineFile.load(path: path)
        #expect(file.stages[0].run == ["python3", dir.appendingPathComponent("plugins/f.py").standardizedFileURL.path, "not/a/file"])
        #expect(file.stages[0].command.contains(dir.appendingPathComponent("plugins/f.py").standardizedFileURL.path))
    }
}

@Suite struct PipelineCheckTests {
    static let good = """
        name: t
        workdir: var/t
        links:
          a: { in: "tcp://127.0.0.1:1", out: "tcp://127.0.0.1:2" }
          b: { in: "tcp://127.0.0.1:3", out: "tcp://127.0.0.1:4" }
        stages:
          - { name: one, command: x, output: a }
          - { name: two, command: y, input: a, output: b, replicas: 2 }
          - { name: three, command: z, input: b }
        """

    func problems(_ yaml: String) -> [String] { PipelineCheck(yaml: yaml).problems.map(\.description) }

    @Test func aGoodFileHasNoProblems() {
        #expect(PipelineCheck(yaml: Self.good).problems.isEmpty)
        #expect(PipelineCheck(yaml: Self.good).file?.stages.count == 3)
    }

    @Test func anUnknownKeyIsNamedWithItsLineAndTheKeyMeant() {
        let yaml = Self.good.replacingOccurrences(of: "replicas: 2", with: "replica: 2")
        #expect(problems(yaml) == ["line 8: stage 'two': unknown key 'replica' (did you mean 'replicas'?); known keys: "
                                   + PipelineCheck.stageKeys.joined(separator: ", ")])
        #expect(problems(Self.good + "\nrestart: { max-restart: 3 }").first?.hasPrefix("line 10: restart: unknown key 'max-restart' (did you mean 'max-restarts'?)") == true)
    }

    @Test func syntaxAndTypeErrorsNameTheirLine() {
        #expect(problems("name: x\nworkdir: [\n").first?.hasPrefix("line 3: not valid YAML") == true)
        #expect(problems(Self.good.replacingOccurrences(of: "replicas: 2", with: "replicas: two"))
                == ["line 8: stages[2].replicas: expected a whole number"])
        #expect(problems("- a\n- b").first?.contains("a pipeline file is a mapping") == true)
    }

    @Test func namesReplicasLinksAddressesAndCyclesAreChecked() {
        let twice = Self.good.replacingOccurrences(of: "name: three", with: "name: one")
        #expect(problems(twice).contains { $0.hasPrefix("line 9: stage 'one' is named twice (first on line 7)") })
        let none = Self.good.replacingOccurrences(of: "replicas: 2", with: "replicas: 0")
        #expect(problems(none) == ["line 8: stage 'two' needs at least 1 replica, not 0"])
        let typo = Self.good.replacingOccurrences(of: "input: b", with: "input: bb")
        #expect(problems(typo).contains("line 9: stage 'three' names link 'bb' (did you mean 'b'?), which is not under links:"))
        let shared = Self.good.replacingOccurrences(of: "tcp://127.0.0.1:3", with: "tcp://127.0.0.1:2")
        #expect(problems(shared).contains { $0.contains("uses tcp://127.0.0.1:2, which link 'a' out uses already") })
        let loop = Self.good.replacingOccurrences(of: "{ name: one, command: x, output: a }", with: "{ name: one, command: x, input: b, output: a }")
        #expect(problems(loop).contains { $0.contains("the stages form a cycle: one → two → three → one") || $0.contains("cycle") })
    }

    @Test func aLinkWithOnlyOneEndIsAWarningNotAnError() throws {
        let open = Self.good.replacingOccurrences(of: "  - { name: three, command: z, input: b }\n", with: "")
            .replacingOccurrences(of: "  - { name: three, command: z, input: b }", with: "")
        let check = PipelineCheck(yaml: open)
        #expect(check.errors.isEmpty)
        #expect(check.warnings.map(\.message) == ["no stage reads link 'b' (what enters it waits for `newswire record --pull`)"])
        _ = try PipelineFile.parse(open)
    }

    @Test func parsingRefusesWhatTheCheckFinds() {
        #expect(throws: PipelineError.self) { try PipelineFile.parse(Self.good.replacingOccurrences(of: "replicas: 2", with: "replica: 2")) }
    }

    @Test func theGraphDrawsTheChainAndTheDot() throws {
        let file = try PipelineFile.parse(Self.good)
        #expect(PipelineGraph.text(file) == "one ─[a]─▶ two ×2 ─[b]─▶ three\n")
        let dot = PipelineGraph.dot(file)
        #expect(dot.hasPrefix("digraph \"t\" {"))
        #expect(dot.contains("\"one\" -> \"two\" [label=\"a\"];"))
        #expect(dot.contains("\"two\" [label=\"two ×2\"];"))
    }
}
