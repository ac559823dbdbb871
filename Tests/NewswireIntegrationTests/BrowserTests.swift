import Foundation
import NewswirePublish
import Testing

/// Debian's headless-capable browser, when installed.
let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// What a person sees: the story pages of a pipeline run on the sample corpus, loaded in real
/// headless Chromium (which `Scripts/test` installs), checked for a story title, both sides'
/// figures of a conflicting story and a related-source link; a screenshot is kept.
@Suite(.serialized, .enabled(if: chromiumPath != nil, "no chromium; Scripts/test installs it"))
struct BrowserTests {
    static var chromium: String? { chromiumPath }

    /// Where screenshots are kept: NEWSWIRE_TEST_OUTPUT, else .build/test-output.
    static let output: URL = {
        let dir = ProcessInfo.processInfo.environment["NEWSWIRE_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? Harness.root.appendingPathComponent(".build/test-output")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// Headless Chromium's rendered DOM of `url` (after scripts, as a browser shows it), and a
    /// phone-width screenshot.
    func render(_ url: String, screenshot: String) throws -> String {
        let profile = try Harness.temporaryFolder()
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                      "--user-data-dir=\(profile.path)", "--window-size=420,1400"]
        let dom = try runChromium(common + ["--dump-dom", url])
        _ = try runChromium(common + ["--screenshot=\(Self.output.appendingPathComponent(screenshot).path)", url])
        return dom
    }

    func runChromium(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.chromium!)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theStoryPagesShowTitlesConflictingFiguresAndSourceLinks() throws {
        let dir = try Harness.temporaryFolder()
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        try PipelineTests.pipelineFile(workdir: dir, ports: Harness.ports(10)).write(to: yaml, atomically: true, encoding: .utf8)
        let run = try Harness.run("newswire", ["run", yaml.path, "--exit-when-done"], timeout: 180)
        #expect(run.status == 0, "\(String(decoding: run.stderr, as: UTF8.self))")

        // Serve the finished store, as `newswire-publish` does beside a pipeline.
        let database = dir.appendingPathComponent("newswire.sqlite").path
        let ports = Harness.ports(2)
        let publish = try Harness.start("newswire-publish", [
            "--database", database, "--export", "", "--input", "tcp://127.0.0.1:\(ports[0])",
            "--http-port", "\(ports[1])"], log: dir.appendingPathComponent("publish.log"))
        defer { Harness.stop(publish) }
        let base = "http://127.0.0.1:\(ports[1])"
        try waitUntilServing(base)

        let store = try ArticleStore(path: database)
        let stories = try store.storyIDs().compactMap { try store.story(id: $0) }
        let list = try render(base + "/", screenshot: "stories.png")
        #expect(stories.contains { list.contains(escapeHTML($0.title)) }, "no story title on the story list")

        // The story whose sources disagree on a figure, as the API reports it.
        let conflicting = try stories.first(where: { story in try figures(of: story.storyId, base: base).contains { $0.conflict } })
        let story = try #require(conflicting, "no story with conflicting figures in the sample corpus")
        let page = try render(base + "/stories/\(story.storyId)", screenshot: "story-conflict.png")
        #expect(page.contains(escapeHTML(story.title)))
        let conflict = try #require(try figures(of: story.storyId, base: base).first(where: { $0.conflict }))
        let texts = Set(conflict.claims.map { $0.text })
        #expect(texts.count >= 2)
        for text in texts { #expect(page.contains(escapeHTML(text)), "the page does not show the figure '\(text)'") }
        // Each related source links to its article page (the sample corpus's own URLs are file://,
        // which a page served over http must not offer as links).
        #expect(page.contains("href=\"/articles/"), "no related-source link on the story page")
        #expect(!page.contains("href=\"file:"), "a file:// URL offered as a link")
    }

    struct Figure: Decodable { var about: String?; var conflict: Bool; var claims: [Claim] }
    struct Claim: Decodable { var text: String; var source: String? }
    struct StoryFigures: Decodable { var figures: [Figure]? }

    func figures(of id: String, base: String) throws -> [Figure] {
        let data = try Data(contentsOf: URL(string: base + "/api/stories/\(id)")!)
        return try JSONDecoder().decode(StoryFigures.self, from: data).figures ?? []
    }

    func waitUntilServing(_ base: String) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if (try? Data(contentsOf: URL(string: base + "/healthz")!)) != nil { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        Issue.record("publish did not serve \(base) within 20 s")
    }

    func escapeHTML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
