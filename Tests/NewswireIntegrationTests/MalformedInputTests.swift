import Foundation
import NewswireWire
import Testing
import ZeroMQ

/// Malformed messages sent into each real stage process over real sockets go to the dead
/// letters with a reason, and the stage goes on to process the good message after them.
@Suite(.serialized) struct MalformedInputTests {
    struct Case { var stage: String; var goodFixture: String; var extraArgs: [String] }

    static let badFrames: [[Data]] = [
        [Data("this is not json".utf8), Data("{}".utf8)],                                         // not JSON
        [try! WireCoding.encoder.encode(Header(id: "x", kind: "article.bogus")), Data("{}".utf8)], // wrong kind
        [try! WireCoding.encoder.encode(Header(id: "y", kind: MessageKind.articleFetched))],       // missing body frame
        [Data([0, 1, 2, 3, 0xFF])],                                                                 // binary junk
    ]

    func exercise(stage: String, goodFixture: String, extraArgs: (URL, Int) -> [String], outputArgs: Bool = true) throws {
        let dir = try Harness.temporaryFolder()
        let ports = Harness.ports(2)
        let context = try Context()
        let push = try Socket(context, .push)
        try push.setLinger(milliseconds: 2000)
        try push.bind("tcp://127.0.0.1:\(ports[0])")
        let pull = try Socket(context, .pull)
        try pull.bind("tcp://127.0.0.1:\(ports[1])")
        try pull.setReceiveTimeout(milliseconds: 30_000)

        let deadFile = dir.appendingPathComponent("dead.jsonl")
        var args = ["--input", "tcp://127.0.0.1:\(ports[0])", "--dead-letter-file", deadFile.path]
        if outputArgs { args += ["--output", "tcp://127.0.0.1:\(ports[1])"] }
        let process = try Harness.start(stage, args + extraArgs(dir, ports[1]), log: dir.appendingPathComponent("log"))
        defer { Harness.stop(process) }

        for frames in Self.badFrames { try push.send(frames) }
        let good = try #require(try Harness.messages(in: try Harness.fixture(goodFixture)).first)
        try push.send(good.frames())

        let received = try pull.receive()
        let out = try Message(frames: try #require(received, "\(stage) sent nothing after the bad messages"))
        #expect(out.header.id == good.header.id)
        #expect(process.isRunning, "\(stage) stopped on bad input")

        #expect(Harness.stop(process) == 0)
        let letters = try Harness.messages(in: deadFile)
        #expect(letters.count == Self.badFrames.count)
        for l in letters {
            let letter = try l.decode(DeadLetter.self)
            #expect(!letter.error.isEmpty)
            #expect(letter.stage + "" != "")
        }
    }

    @Test func normalize() throws {
        try exercise(stage: "newswire-normalize", goodFixture: "fetched.jsonl", extraArgs: { _, _ in [] })
    }

    @Test func extract() throws {
        try exercise(stage: "newswire-extract", goodFixture: "normalized.jsonl", extraArgs: { _, _ in [] })
    }

    @Test func publish() throws {
        try exercise(stage: "newswire-publish", goodFixture: "extracted.jsonl", extraArgs: { dir, ackPort in
            ["--database", dir.appendingPathComponent("db.sqlite").path, "--export", "",
             "--acknowledgements", "tcp://127.0.0.1:\(ackPort)"]
        }, outputArgs: false)
    }
}
