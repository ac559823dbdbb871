import Foundation
import NewswireWire
import Testing
import ZeroMQ

/// `newswire replay` feeds a recording into a real normalize process over sockets and
/// `newswire record` captures its output: the same bodies as the one-shot golden recording.
@Suite(.serialized) struct RecordReplayTests {
    @Test func replayIntoAStageAndRecordItsOutput() throws {
        let dir = try Harness.temporaryFolder()
        let p = Harness.ports(2)
        let input = "tcp://127.0.0.1:\(p[0])", output = "tcp://127.0.0.1:\(p[1])"
        let expected = try Harness.messages(in: try Harness.fixture("normalized.jsonl"))
        let recording = dir.appendingPathComponent("recorded.jsonl")

        let recorder = try Harness.start("newswire", ["record", "--pull", output, recording.path, "--count", "\(expected.count)"],
                                         log: dir.appendingPathComponent("record.log"))
        let stage = try Harness.start("newswire-normalize", ["--input", input, "--bind-input", "--output", output,
                                                             "--dead-letter-file", dir.appendingPathComponent("dead.jsonl").path],
                                      log: dir.appendingPathComponent("normalize.log"))
        defer { Harness.stop(stage); Harness.stop(recorder) }

        let replay = try Harness.run("newswire", ["replay", try Harness.fixture("fetched.jsonl").path, input, "--rate", "200"])
        #expect(replay.status == 0)
        #expect(String(decoding: replay.stderr, as: UTF8.self).contains("replayed \(expected.count) message(s)"))

        let deadline = Date().addingTimeInterval(60)
        while recorder.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!recorder.isRunning, "the recorder did not get every message")
        let got = try Harness.messages(in: recording)
        #expect(got.count == expected.count)
        let byID = Dictionary(uniqueKeysWithValues: try got.map { ($0.header.id, try Harness.bodyObject($0)) })
        for m in expected {
            #expect(byID[m.header.id] == (try Harness.bodyObject(m)), "socket output for \(m.header.id) differs from one-shot")
        }
        #expect(got.allSatisfy { $0.header.trace.last?.stage == "normalize" })
    }

    /// Record, replay and tap never hang: each of these ends at once, or within its limit, with
    /// a message that says what to fix and a non-zero status.
    @Test(arguments: [
        (["record", "127.0.0.1:5613", "/tmp/newswire-never.jsonl", "--seconds", "30"], "is not a ZeroMQ address"),
        (["record", "tcp://127.0.0.1:5613", "/proc/none/x.jsonl", "--seconds", "30"], "cannot write /proc/none/x.jsonl"),
        (["replay", "/nonexistent/recording.jsonl", "tcp://127.0.0.1:1"], "cannot read the recording /nonexistent/recording.jsonl: no such file"),
        (["tap", "localhost:5623", "--seconds", "30"], "is not a ZeroMQ address"),
        (["tap", "fetched", "--pipeline", "/nonexistent.yaml"], "cannot read pipeline /nonexistent.yaml"),
        (["tap", "tcp://127.0.0.1:5623", "--filter", "kind"], "'kind' is not a filter"),
    ])
    func badArgumentsAreClearErrorsAtOnce(args: [String], says: String) throws {
        let start = Date()
        let result = try Harness.run("newswire", args, timeout: 20)
        #expect(result.status != 0)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains(says))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func replayToAnAddressNobodyListensOnGivesUpNamingIt() throws {
        let port = Harness.ports(1)[0]
        let start = Date()
        let result = try Harness.run("newswire", ["replay", try Harness.fixture("fetched.jsonl").path, "tcp://127.0.0.1:\(port)",
                                                  "--peer-timeout", "2"], timeout: 30)
        #expect(result.status != 0)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("nobody took a message at tcp://127.0.0.1:\(port) for 2 s"))
        #expect(Date().timeIntervalSince(start) < 15)
    }

    @Test func recordingOnABusyPortIsAnError() throws {
        let dir = try Harness.temporaryFolder()
        let address = "tcp://127.0.0.1:\(Harness.ports(1)[0])"
        let first = try Harness.start("newswire", ["record", "--pull", address, dir.appendingPathComponent("a.jsonl").path, "--seconds", "20"],
                                      log: dir.appendingPathComponent("a.log"))
        defer { Harness.stop(first) }
        Thread.sleep(forTimeInterval: 0.5)
        let second = try Harness.run("newswire", ["record", "--pull", address, dir.appendingPathComponent("b.jsonl").path, "--seconds", "20"],
                                     timeout: 20)
        #expect(second.status != 0)
        #expect(String(decoding: second.stderr, as: UTF8.self).contains("cannot bind \(address)"))
    }

    /// A tap shows what passes a link (its PUB tap: one summary line per message, or the full
    /// JSON of those a filter keeps), named by the link in the pipeline file; --seconds ends it.
    @Test func tapShowsMessagesPassingALinkAndFilters() throws {
        let dir = try Harness.temporaryFolder()
        let address = "tcp://127.0.0.1:\(Harness.ports(1)[0])"
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        try """
            name: tap
            workdir: \(dir.path)
            links:
              fetched: { in: "tcp://127.0.0.1:1", out: "tcp://127.0.0.1:2", tap: "\(address)" }
            stages:
              - { name: a, command: x, output: fetched }
              - { name: b, command: y, input: fetched }
            """.write(to: yaml, atomically: true, encoding: .utf8)
        let fetched = try Harness.messages(in: try Harness.fixture("fetched.jsonl"))
        // The link's tap, as its forwarder publishes it.
        let context = try Context()
        let publisher = try Socket(context, .pub)
        try publisher.setLinger(milliseconds: 0)
        try publisher.bind(address)
        defer { publisher.close() }
        let viewer = try Harness.start("newswire", ["tap", "fetched", "--pipeline", yaml.path, "--seconds", "6"],
                                       log: dir.appendingPathComponent("tap.log"))
        let filtered = try Harness.start("newswire", ["tap", address, "--seconds", "6", "--filter", "id=\(fetched[0].header.id)", "--full"],
                                         log: dir.appendingPathComponent("filtered.log"))
        defer { Harness.stop(viewer); Harness.stop(filtered) }
        // Subscriptions arrive a moment after connecting: publish until both have seen some.
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            for m in fetched { try publisher.send(m.frames()) }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let end = Date().addingTimeInterval(20)
        while (viewer.isRunning || filtered.isRunning) && Date() < end { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!viewer.isRunning && !filtered.isRunning, "--seconds did not stop the tap")
        let shown = try String(contentsOf: dir.appendingPathComponent("tap.log"), encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(" article.fetched ") }
        #expect(shown.count >= fetched.count)
        #expect(shown.first?.contains(" body ") == true)
        let full = try String(contentsOf: dir.appendingPathComponent("filtered.log"), encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("{") }
        #expect(!full.isEmpty)
        #expect(full.allSatisfy { $0.contains(fetched[0].header.id) })
    }

    /// A recording becomes a regression test: --update writes the stage's outputs as expected,
    /// a later run passes; a changed expectation fails naming the field.
    @Test func testReplaySnapshotsAStageAndShowsFieldLevelDifferences() throws {
        let dir = try Harness.temporaryFolder()
        let expected = dir.appendingPathComponent("expected.jsonl")
        let recording = try Harness.fixture("fetched.jsonl").path
        let snapshot = try Harness.run("newswire", ["test-replay", recording, "--stage", "newswire-normalize", "--expect", expected.path, "--update"])
        #expect(snapshot.status == 0, "\(String(decoding: snapshot.stderr, as: UTF8.self))")
        let again = try Harness.run("newswire", ["test-replay", recording, "--stage", "newswire-normalize", "--expect", expected.path])
        #expect(again.status == 0)
        #expect(String(decoding: again.stdout, as: UTF8.self).contains("ok: 19 output(s) as expected"))

        var messages = try Harness.messages(in: expected)
        var body = try #require(try JSONSerialization.jsonObject(with: messages[0].body) as? [String: Any])
        body["title"] = "A title the stage does not make"
        messages[0].body = try JSONSerialization.data(withJSONObject: body)
        try Data(try messages.map { try JSONLines.line(for: $0) + Data([10]) }.joined()).write(to: expected)
        let changed = try Harness.run("newswire", ["test-replay", recording, "--stage", "newswire-normalize", "--expect", expected.path])
        #expect(changed.status == 1)
        let out = String(decoding: changed.stdout, as: UTF8.self)
        #expect(out.contains("\(messages[0].header.id): body.title: expected \"A title the stage does not make\", got"))
        #expect(out.contains("FAIL: 1 difference(s)"))
    }
}
