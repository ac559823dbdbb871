import Foundation
import NewswireWire
import Testing

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
}
