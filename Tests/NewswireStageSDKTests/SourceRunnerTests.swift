import Foundation
import NewswireStageSDK
import NewswireWire
import Synchronization
import Testing
import ZeroMQ

/// Origins `o0…oN-1`; each loads as a small message; `unreadable` ones fail to load.
struct CountingSource: Source {
    struct Unreadable: Error, CustomStringConvertible { var description: String { "cannot read this one" } }
    let name = "counting"
    let count: Int
    var unreadable: Set<String> = []
    var next = 0
    final class Tally: Sendable { let n = Mutex(0); let origins = Mutex(Set<String>()) }
    let loads = Tally()

    mutating func nextOrigin() throws -> String? {
        guard next < count else { return nil }
        defer { next += 1 }
        return "o\(next)"
    }
    func load(_ origin: String) throws -> Message {
        loads.n.withLock { $0 += 1 }
        loads.origins.withLock { _ = $0.insert(origin) }
        if unreadable.contains(origin) { throw Unreadable() }
        return try Message(id: id(for: origin), kind: "test.in", body: ["origin": origin])
    }
    func id(for origin: String) -> String { "id-" + origin }
}

/// Runs blocking socket work on a thread of its own, never on the concurrency pool.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { c in
        Thread { c.resume(with: Result { try work() }) }.start()
    }
}

/// The runner's result without throwing yet, so the test can stop its peer first.
func outcomeOf(_ work: @escaping @Sendable () throws -> SourceRunner.Outcome) async -> Result<SourceRunner.Outcome, any Error> {
    do { return .success(try await onThread(work)) } catch { return .failure(error) }
}

/// A stand-in for the rest of the pipeline over real sockets: takes messages, drops the first
/// copy of some (a crashed replica), dead-letters others, acknowledges the rest.
struct FakePipeline: Sendable {
    let input: String, acks: String
    let dropFirstCopyOf: Set<String>
    let deadLetter: Set<String>
    let retryableOnce: Set<String>

    struct Seen: Sendable { var copies: [String: Int] = [:]; var maxOutstanding = 0 }

    func run(expecting settled: Int, shutdown: ShutdownSignal) throws -> Seen {
        let context = try Context()
        let pull = try Socket(context, .pull)
        try pull.bind(input)
        let push = try Socket(context, .push)
        try push.setLinger(milliseconds: 1000)
        // Once the source is gone a late acknowledgement has nobody to go to: never block on it.
        try push.setSendTimeout(milliseconds: 200)
        try push.connect(acks)
        var seen = Seen()
        var done = Set<String>()
        // Runs until told to stop, so late re-sends still find a peer.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && !shutdown.isRequested {
            guard try Poller.poll([(pull, .readable)], timeout: 100)[0].contains(.readable),
                  let frames = try pull.receive(dontWait: true) else { continue }
            let m = try Message(frames: frames)
            let id = m.header.id
            seen.copies[id, default: 0] += 1
            seen.maxOutstanding = max(seen.maxOutstanding, seen.copies.count - done.count)
            let copy = seen.copies[id]!
            if dropFirstCopyOf.contains(id) && copy == 1 { continue }
            if retryableOnce.contains(id) && copy == 1 {
                try push.send(DeadLetter.message(stage: "publish", replica: "t", error: "database is locked", retryable: true,
                                                 header: m.header, frames: frames).frames())
                continue
            }
            if deadLetter.contains(id) {
                try push.send(DeadLetter.message(stage: "normalize", replica: "t", error: "no article text found",
                                                 header: m.header, frames: frames).frames())
            } else {
                try push.send(try Message(id: id, body: Acknowledgement(id: id, outcome: .inserted)).frames())
            }
            // Garbage on the acknowledgement socket must be ignored, not trusted.
            if copy == 1 && id.hasSuffix("7") { try push.send([Data("not a header".utf8), Data("{}".utf8)]) }
            done.insert(id)
        }
        pull.close(); push.close()
        return seen
    }
}

@Suite(.serialized) struct SourceRunnerTests {
    func addresses() -> (String, String) {
        let base = Int.random(in: 20_000..<32_000)
        return ("tcp://127.0.0.1:\(base)", "tcp://127.0.0.1:\(base + 1)")
    }

    func settings(journal: String, window: Int) -> SourceSettings {
        var s = SourceSettings()
        s.journalPath = journal
        s.window = window
        s.minimumRetry = 0.3
        s.maximumRetry = 2
        s.initialRetry = 0.3
        // Long enough that a loaded machine (the whole suite on 2 cores) never looks like a stall.
        s.stallTimeout = 60
        s.deadLetterFile = temporaryPath("dead.jsonl")
        return s
    }

    @Test func deliversEverythingReSendingLostOnesAndRecordingFinalFailures() async throws {
        let (out, acks) = addresses()
        let journal = temporaryPath("journal.sqlite")
        let fake = FakePipeline(input: out, acks: acks, dropFirstCopyOf: ["id-o3", "id-o40", "id-o99"],
                                deadLetter: ["id-o5"], retryableOnce: ["id-o8"])
        let shutdown = ShutdownSignal()
        async let seen = onThread { try fake.run(expecting: 119, shutdown: shutdown) }
        let runner = SourceRunner(name: "counting", replica: "t",
                                  endpoints: SourceEndpoints(output: out, acknowledgements: acks),
                                  settings: settings(journal: journal, window: 16))
        let result = await outcomeOf {
            var source = CountingSource(count: 120, unreadable: ["o11"])
            return try runner.run(&source, until: shutdown)
        }
        shutdown.request()
        let outcome = try result.get()
        let s = try await seen
        guard case .finished(let totals) = outcome else { Issue.record("expected finished, got \(outcome)"); return }
        #expect(totals.stored == 118)
        #expect(totals.failed == 2, "o5 dead-lettered as final, o11 unreadable")
        #expect(totals.pending == 0)
        #expect(s.copies.count == 119)
        for id in ["id-o3", "id-o40", "id-o99", "id-o8"] { #expect(s.copies[id] ?? 0 >= 2, "\(id) was re-sent") }
        #expect(s.maxOutstanding <= 16, "never more than the window in flight")
        let j = try DeliveryJournal(path: journal)
        #expect(try j.entry(id: "id-o5")?.reason?.contains("no article text found") == true)
        #expect(try j.entry(id: "id-o11")?.state == .failed)
    }

    @Test func aRestartReSendsExactlyWhatWasPendingAndReadsNothingStoredAgain() async throws {
        let journalPath = temporaryPath("journal.sqlite")
        // A previous run that accepted 10 origins, of which 7 were stored.
        do {
            let j = try DeliveryJournal(path: journalPath)
            for i in 0..<10 { try j.accept(origin: "o\(i)", id: "id-o\(i)") }
            try j.settle((0..<7).map { .stored(id: "id-o\($0)") })
        }
        let (out, acks) = addresses()
        let fake = FakePipeline(input: out, acks: acks, dropFirstCopyOf: [], deadLetter: [], retryableOnce: [])
        let shutdown = ShutdownSignal()
        async let seen = onThread { try fake.run(expecting: 13, shutdown: shutdown) }
        let runner = SourceRunner(name: "counting", replica: "t",
                                  endpoints: SourceEndpoints(output: out, acknowledgements: acks),
                                  settings: settings(journal: journalPath, window: 4))
        let source = CountingSource(count: 20)
        let result = await outcomeOf {
            var s = source
            return try runner.run(&s, until: shutdown)
        }
        shutdown.request()
        let outcome = try result.get()
        let s = try await seen
        #expect(Set(s.copies.keys) == Set((7..<20).map { "id-o\($0)" }), "pending 7–9 again, new 10–19, nothing stored")
        // Re-sends re-read their origin, so count origins, not reads: nothing stored is read again.
        #expect(source.loads.origins.withLock { $0 } == Set((7..<20).map { "o\($0)" }))
        #expect(outcome == .finished(DeliveryJournal.Totals(pending: 0, stored: 20, failed: 0, duplicate: 0)))
    }

    @Test func stallsWithAClearOutcomeWhenNobodyAcknowledges() async throws {
        let (out, acks) = addresses()
        let journal = temporaryPath("journal.sqlite")
        var st = settings(journal: journal, window: 3)
        st.stallTimeout = 1.5
        let runner = SourceRunner(name: "counting", replica: "t",
                                  endpoints: SourceEndpoints(output: out, bindOutput: true, acknowledgements: acks),
                                  settings: st)
        let outcome = try await onThread {
            var source = CountingSource(count: 5)
            return try runner.run(&source, until: ShutdownSignal())
        }
        // Nobody listens: with bindOutput the messages queue; nothing is acknowledged.
        #expect(outcome == .stalled(DeliveryJournal.Totals(pending: 3, stored: 0, failed: 0, duplicate: 0)))
    }

    @Test func aBusyAcknowledgementAddressIsAStartupErrorNamingIt() async throws {
        let (out, acks) = addresses()
        let context = try Context()
        let squatter = try Socket(context, .pull)
        try squatter.bind(acks)
        defer { squatter.close() }
        let runner = SourceRunner(name: "counting", replica: "t",
                                  endpoints: SourceEndpoints(output: out, acknowledgements: acks),
                                  settings: settings(journal: temporaryPath("j.sqlite"), window: 3))
        await #expect { try await onThread { var s = CountingSource(count: 1); _ = try runner.run(&s, until: ShutdownSignal()) } } throws: { error in
            "\(error)".contains(acks) && "\(error)".contains("cannot bind")
        }
    }
}
