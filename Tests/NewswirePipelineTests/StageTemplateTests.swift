import Foundation
import Testing
@testable import NewswirePipeline

@Suite struct StageTemplateTests {
    @Test func namesBecomeTargetsTypesAndAField() throws {
        let t = try StageTemplate(name: "keyword-tags")
        #expect(t.typeName == "KeywordTags")
        #expect(t.library == "NewswireKeywordTagsStage")
        #expect(t.executable == "newswire-keyword-tags")
        #expect(t.field == "keywordTags")
        #expect(t.output == "article.extracted")
        #expect(Set(t.files.keys) == ["Sources/NewswireKeywordTagsStage/KeywordTagsStage.swift", "Sources/newswire-keyword-tags/main.swift",
                                      "Tests/NewswireKeywordTagsStageTests/KeywordTagsStageTests.swift", "Pipelines/keyword-tags.yaml"])
    }

    @Test func badNamesAndUnknownInputsAreRefused() {
        for bad in ["", "Upper", "9lives", "two words", "trailing-", "a_b"] {
            #expect(throws: StageTemplateError.self) { try StageTemplate(name: bad) }
        }
        #expect(throws: StageTemplateError.self) { try StageTemplate(name: "x", input: "story.updated") }
    }

    @Test func thePackageGainsThreeTargetsAboveTheMarkerOnce() throws {
        let t = try StageTemplate(name: "tags")
        let manifest = "targets: [\n\(StageTemplate.marker)\n]"
        let edited = try t.package(manifest)
        #expect(edited.contains(#".target(name: "NewswireTagsStage""#))
        #expect(edited.contains(#".executableTarget(name: "newswire-tags", dependencies: ["NewswireTagsStage"])"#))
        #expect(edited.contains(#".testTarget(name: "NewswireTagsStageTests""#))
        #expect(edited.hasSuffix(StageTemplate.marker + "\n]"))
        #expect(throws: StageTemplateError.self) { try t.package(edited) }
        #expect(throws: StageTemplateError.self) { try t.package("targets: []") }
    }

    /// The stage sits on its input's link, in front of the stage that read it, and the file is a valid pipeline.
    @Test(arguments: [("article.fetched", "normalize"), ("article.normalized", "extract"), ("article.extracted", "publish")])
    func thePipelineFilePutsTheStageInItsPlace(input: String, before consumer: String) throws {
        let t = try StageTemplate(name: "tags", input: input)
        let file = try PipelineFile.parse(try #require(t.files["Pipelines/tags.yaml"]))
        let stage = try #require(file.stages.first { $0.name == "tags" })
        #expect(stage.command == ["newswire-tags"])
        #expect(file.stages.first { $0.name == consumer }?.input == "tags")
        #expect(stage.output == "tags")
        #expect(PipelineCheck(yaml: t.files["Pipelines/tags.yaml"]!).problems.isEmpty)
    }

    @Test func writingRefusesToOverwriteAndNeedsAPackage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-template-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let t = try StageTemplate(name: "tags")
        #expect(throws: StageTemplateError.self) { try t.write(into: root) }
        try "targets: [\n\(StageTemplate.marker)\n]".write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let written = try t.write(into: root)
        #expect(written.count == 5)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/newswire-tags/main.swift").path))
        #expect(throws: StageTemplateError.self) { try t.write(into: root) }
    }
}
