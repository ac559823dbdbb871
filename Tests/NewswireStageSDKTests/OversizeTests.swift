import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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
        let body = try letter.decode(DeadLetter.self)
        #expect(body.header?.kind == "test.in")
        #expect(!body.retryable)
        #expect(processor.counters.failed == 1)
    }

    @Test func aRetryableErrorMakesARetryableDeadLetter() throws {
        struct Busy: RetryableError {}
        struct Failing: Stage {
            let name = "f"; let accepts: [MessageKind] = ["test.in"]
            func process(_ message: Message) throws -> [Message] { throw Busy() }
        }
        let p = StageProcessor(stage: Failing(), replica: "r")
        guard case .deadLetter(let letter, _) = p.handle(try input("a")) else { Issue.record("expected a dead letter"); return }
        #expect(try letter.decode(DeadLetter.self).retryable)
    }
}

@Suite struct MetricsServerTests {
    func get(_ port: Int, _ path: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesTheCountersAsTheyAreNow() async throws {
        let counters = Counters(stage: "s", replica: "r")
        let server = try MetricsServer(port: 0) { counters.prometheusText() }
        defer { server.stop() }
        counters.recordReceived(); counters.recordReceived(); counters.recordFailed()
        let (status, body) = try await get(server.port, "/metrics")
        #expect(status == 200)
        #expect(body.contains(#"newswire_messages_in_total{stage="s",replica="r"} 2"#))
        #expect(body.contains(#"newswire_messages_failed_total{stage="s",replica="r"} 1"#))
        #expect(try await get(server.port, "/other").0 == 404)
    }

    @Test func aBusyPortIsAStartupErrorNamingIt() throws {
        let first = try MetricsServer(port: 0) { "" }
        defer { first.stop() }
        #expect { try MetricsServer(port: first.port) { "" } } throws: { "\($0)".contains("127.0.0.1:\(first.port)") }
    }
}
