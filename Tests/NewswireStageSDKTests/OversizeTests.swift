import Foundation
import NewswireStageSDK
import NewswireWire
import Testing

@Suite struct OversizeTests {
    @Test func aMessageOverTheLimitIsDeadLetteredByItsHeader() throws {
        let processor = StageProcessor(stage: UppercaseStage(), replica: "r")
        let m = try Message(id: "big", kind: "test.in", body: UppercaseStage.Body(text: "x"), raw: Data(count: 5000))
        guard case .deadLetter(let letter, let reason) = processor.handle(frames: m.frames(), limit: 1000) else {
            Issue.record("expected a dead letter"); return
        }
        #expect(reason.contains("larger than the limit of 1000"))
        #expect(letter.header.id == "big")
        let body = try letter.decodeBody(DeadLetter.self, expecting: MessageKind.deadLetter)
        #expect(body.header?.kind == "test.in")
        #expect(!body.retryable)
        #expect(processor.counters.failed == 1)
    }

    @Test func aRetryableErrorMakesARetryableDeadLetter() throws {
        struct Busy: RetryableError {}
        struct Failing: Stage {
            let name = "f"; let accepts = ["test.in"]
            func process(_ message: Message) throws -> [Message] { throw Busy() }
        }
        let p = StageProcessor(stage: Failing(), replica: "r")
        guard case .deadLetter(let letter, _) = p.handle(try input("a")) else { Issue.record("expected a dead letter"); return }
        #expect(try letter.decodeBody(DeadLetter.self, expecting: MessageKind.deadLetter).retryable)
    }
}
