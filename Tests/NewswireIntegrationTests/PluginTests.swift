import Foundation
import NewswirePublish
import NewswireWire
import Testing

/// A stage written in Python (Pipelines/plugins/keyword_alerts.py) runs inside a real
/// pipeline between extract and publish, and what it adds reaches the store.
/// Needs NEWSWIRE_PYTHON, a Python with pyzmq; Scripts/test provides one.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NEWSWIRE_PYTHON"] != nil))
struct PluginTests {
    @Test func pythonStageInThePipeline() throws {
        let python = try #require(ProcessInfo.processInfo.environment["NEWSWIRE_PYTHON"])
        let dir = try Harness.temporaryFolder()
        let p = Harness.ports(13)
        func tcp(_ i: Int) -> String { "\"tcp://127.0.0.1:\(p[i])\"" }
        let yaml = """
        name: plugin
        workdir: \(dir.path)
        links:
          fetched:    { in: \(tcp(0)), out: \(tcp(1)) }
          normalized: { in: \(tcp(2)), out: \(tcp(3)) }
          extracted:  { in: \(tcp(4)), out: \(tcp(5)) }
          alerted:    { in: \(tcp(6)), out: \(tcp(7)) }
        stages:
          - { name: fetch, command: newswire-fetch, finite: true, output: fetched,
              args: [\(Harness.samples.path), --acknowledgements, \(tcp(9))] }
          - { name: normalize, command: newswire-normalize, input: fetched, output: normalized }
          - { name: extract, command: newswire-extract, input: normalized, output: extracted }
          - { name: alerts, command: [\(python), \(Harness.root.path)/Pipelines/plugins/keyword_alerts.py],
              args: [--keywords, "strike,flood"], input: extracted, output: alerted }
          - { name: publish, command: newswire-publish, input: alerted,
              args: [--database, \(dir.path)/newswire.sqlite, --export, "", --acknowledgements, \(tcp(9))] }
        """
        let file = dir.appendingPathComponent("pipeline.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try Harness.run("newswire", ["run", file.path, "--exit-when-done"], timeout: 180)
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")

        let store = try ArticleStore(path: dir.appendingPathComponent("newswire.sqlite").path)
        var flagged = 0
        for id in try store.articleIDs() {
            let json = try #require(try store.articleJSON(id: id))
            let body = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let alerts = try #require(body["alerts"] as? [[String: Any]], "article \(id) did not pass through the plug-in")
            let text = try #require(body["text"] as? String)
            // The keywords each article really mentions (word starts, any case).
            let expected = Set(["strike", "flood"].filter {
                text.range(of: "\\b\($0)", options: [.regularExpression, .caseInsensitive]) != nil
            })
            #expect(Set(alerts.compactMap { $0["keyword"] as? String }) == expected, "\(id)")
            if !expected.isEmpty { flagged += 1 }
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path).filter { $0.hasSuffix(".html") }
        #expect(try store.count() == pages.count)
        #expect(flagged > 0)
    }
}
