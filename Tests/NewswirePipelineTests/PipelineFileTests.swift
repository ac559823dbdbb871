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
