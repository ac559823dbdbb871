import Foundation
import NewswireStageSDK
import NewswireWire
import Testing

/// Upper-cases a `test.in` message's `text` into a `test.out`; fails on "boom".
struct UppercaseStage: Stage {
    struct Body: Codable { var text: String }
    struct Boom: Error, CustomStringConvertible { var description: String { "boom is not allowed" } }
    let name = "upper"
    let accepts: [MessageKind] = ["test.in"]
    func process(_ message: Message) throws -> [Message] {
        let body = try message.decodeBody(Body.self, expecting: "test.in")
        if body.text == "boom" { throw Boom() }
        return [try Message(id: message.header.id, kind: "test.out", body: Body(text: body.text.uppercased()))]
    }
}

func input(_ text: String, kind: MessageKind = "test.in") throws -> Message {
    try Message(id: "m-\(text)", kind: kind, body: UppercaseStage.Body(text: text))
}

@Suite struct StageProcessorTests {
    let processor = StageProcessor(stage: UppercaseStage(), replica: "r1")

    func deadLetterReason(_ outcome: StageProcessor.Outcome) -> String? {
        if case .deadLetter(let m, let reason) = outcome {
            #expect(m.header.kind == MessageKind.deadLetter)
            return reason
        }
        return nil
    }

    @Test func processesAndStampsTheTrace() throws {
        guard case .outputs(let out) = processor.handle(try input("hi")) else { Issue.record("expected outputs"); return }
        #expect(out.count == 1)
        #expect(try out[0].decodeBody(UppercaseStage.Body.self, expecting: "test.out").text == "HI")
        #expect(out[0].header.trace.map(\.stage) == ["upper"])
        #expect(out[0].header.trace[0].replica == "r1")
    }

    @Test func malformedFramesBecomeDeadLettersWithAReason() throws {
        #expect(deadLetterReason(processor.handle(frames: [Data("not json".utf8), Data("{}".utf8)]))?.contains("header") == true)
        #expect(deadLetterReason(processor.handle(frames: [Data("only one".utf8)]))?.contains("frames") == true)
        #expect(deadLetterReason(processor.handle(try input("x", kind: "other.kind")))?.contains("not accepted") == true)
        #expect(deadLetterReason(processor.handle(try input("boom")))?.contains("boom is not allowed") == true)
        #expect(processor.counters.failed == 4)
    }

    @Test func deadLetterKeepsTheOriginalFrames() throws {
        let frames = [Data("not json".utf8), Data("{}".utf8)]
        guard case .deadLetter(let m, _) = processor.handle(frames: frames) else { Issue.record("expected a dead letter"); return }
        let letter = try m.decode(DeadLetter.self)
        #expect(letter.frames.compactMap { Data(base64Encoded: $0) } == frames)
        #expect(letter.stage == "upper")
    }

    @Test func countersSpeakPrometheus() throws {
        _ = processor.handle(try input("a"))
        let text = processor.counters.prometheusText()
        #expect(text.contains(#"newswire_messages_in_total{stage="upper",replica="r1"} 1"#))
        #expect(text.contains(#"newswire_processing_seconds_count{stage="upper",replica="r1"} 1"#))
    }
}

@Suite struct OneShotTests {
    @Test func readsAndWritesJSONLinesAndKeepsGoingAfterBadLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oneshot-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let inPath = dir.appendingPathComponent("in.jsonl"), outPath = dir.appendingPathComponent("out.jsonl")
        var text = Data()
        for line in [try JSONLines.line(for: input("one")), Data("garbage".utf8), try JSONLines.line(for: input("boom")),
                     try JSONLines.line(for: input("two"))] {
            text.append(line); text.append(10)
        }
        try text.write(to: inPath)
        FileManager.default.createFile(atPath: outPath.path, contents: nil)
        let dead = dir.appendingPathComponent("dead.jsonl").path
        let counters = OneShot.run(stage: UppercaseStage(), input: try FileHandle(forReadingFrom: inPath),
                                   output: try FileHandle(forWritingTo: outPath), deadLetters: try DeadLetterFile(path: dead))
        let outputs = try JSONLines.lines(in: Data(contentsOf: outPath)).map { try JSONLines.message(from: $0) }
        #expect(try outputs.map { try $0.decodeBody(UppercaseStage.Body.self, expecting: "test.out").text } == ["ONE", "TWO"])
        #expect(counters.failed == 2)
        let letters = try JSONLines.lines(in: Data(contentsOf: URL(fileURLWithPath: dead)))
        #expect(letters.count == 2)
    }
}

/// Passes `article.normalized` on untouched: the runtime's contract check decides what reaches it.
struct PassThrough: Stage {
    let name = "pass"
    let accepts = [MessageKind.articleNormalized]
    func process(_ message: Message) throws -> [Message] { [message] }
}

@Suite struct ContractCheckTests {
    static func normalized(_ edit: (inout [String: Any]) -> Void) throws -> Message {
        let article = ArticleNormalized(id: "a1", url: "https://news.test/a1", title: "T", text: "Body.", paragraphs: ["Body."],
                                        contentHash: "h", fingerprint: "0000000000000000")
        var body = try #require(try JSONSerialization.jsonObject(with: WireCoding.encoder.encode(article)) as? [String: Any])
        edit(&body)
        return Message(header: Header(id: "a1", kind: MessageKind.articleNormalized), body: try JSONSerialization.data(withJSONObject: body))
    }

    func reason(_ message: Message) -> String? {
        if case .deadLetter(_, let reason) = StageProcessor(stage: PassThrough(), replica: "r").handle(message) { return reason }
        return nil
    }

    @Test func aConformingBodyReachesTheStage() throws {
        #expect(reason(try Self.normalized { _ in }) == nil)
        #expect(reason(try Self.normalized { $0["pluginField"] = ["any": "thing"] }) == nil)   // extra fields are fine
    }

    @Test func aMissingRequiredFieldIsNamed() throws {
        let r = reason(try Self.normalized { $0.removeValue(forKey: "text") })
        #expect(r == "article.normalized breaks its contract: body lacks the required field 'text' (see Sources/NewswireWire/Schemas/article.normalized.schema.json)")
    }

    @Test func aNullableFieldLeftOutReadsAsNull() throws {
        #expect(reason(try Self.normalized { $0.removeValue(forKey: "siteName") }) == nil)
    }

    @Test func aFieldOfTheWrongTypeIsNamedWithWhatWasExpected() throws {
        #expect(reason(try Self.normalized { $0["paragraphs"] = "one string" })?.contains("body.paragraphs: expected array, got string") == true)
        #expect(reason(try Self.normalized { $0["title"] = 42 })?.contains("body.title: expected string or null, got integer") == true)
        #expect(reason(try Self.normalized { $0["title"] = NSNull() }) == nil)
    }

    @Test func kindsWithoutASchemaAreNotChecked() throws {
        #expect(ContractCheck(kinds: ["plugin.kind"]).violation(of: try input("x", kind: "plugin.kind")) == nil)
    }
}
