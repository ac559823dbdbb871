import Foundation
import Testing
import ZeroMQ

@Suite struct SocketTests {
    let context = try! Context()

    @Test func pushPullCarriesMultipartMessagesOverTCP() throws {
        let pull = try Socket(context, .pull)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(pull.lastEndpoint)
        let push = try Socket(context, .push)
        try push.connect(endpoint)
        let frames = [Data("header".utf8), Data(), Data([0, 1, 2, 255])]
        #expect(try push.send(frames))
        try pull.setReceiveTimeout(milliseconds: 2000)
        #expect(try pull.receive() == frames)
    }

    @Test func receiveTimesOutWithNil() throws {
        let pull = try Socket(context, .pull)
        try pull.bind("inproc://timeout")
        try pull.setReceiveTimeout(milliseconds: 20)
        #expect(try pull.receive() == nil)
        #expect(try pull.receive(dontWait: true) == nil)
    }

    @Test func pollReportsReadableOnlyWhenAMessageWaits() throws {
        let pull = try Socket(context, .pull)
        try pull.bind("inproc://poll")
        let push = try Socket(context, .push)
        try push.connect("inproc://poll")
        #expect(try Poller.poll([(pull, .readable)], timeout: 0) == [[]])
        try push.send([Data("x".utf8)])
        #expect(try Poller.poll([(pull, .readable)], timeout: 1000)[0].contains(.readable))
    }

    @Test func errorsCarryLibzmqsMessage() throws {
        let s = try Socket(context, .pull)
        let error = #expect(throws: ZMQError.self) { try s.bind("nonsense://here") }
        #expect(error?.message.isEmpty == false)
        #expect(error?.operation.contains("zmq_bind") == true)
    }

    @Test func optionsRoundTrip() throws {
        let s = try Socket(context, .push)
        try s.setSendHighWaterMark(17)
        #expect(try s.sendHighWaterMark == 17)
        try s.setReceiveHighWaterMark(23)
        #expect(try s.receiveHighWaterMark == 23)
    }

    @Test func dontWaitSendReportsFullQueueInsteadOfBlocking() throws {
        let push = try Socket(context, .push)
        try push.setSendHighWaterMark(1)
        try push.setLinger(milliseconds: 0)
        // No peer: nothing can be queued, so a non-blocking send returns false.
        try push.bind("inproc://nopeer")
        #expect(try push.send([Data("a".utf8)], dontWait: true) == false)
    }

    @Test func pubSubDeliversToSubscribers() throws {
        let pub = try Socket(context, .pub)
        try pub.bind("inproc://pubsub")
        let sub = try Socket(context, .sub)
        try sub.subscribe()
        try sub.connect("inproc://pubsub")
        try sub.setReceiveTimeout(milliseconds: 50)
        // Subscriptions propagate asynchronously: publish until one arrives.
        var got: [Data]?
        for _ in 0..<100 where got == nil {
            try pub.send([Data("news".utf8)])
            got = try sub.receive()
        }
        #expect(got == [Data("news".utf8)])
    }

    @Test func closedSocketThrows() throws {
        let s = try Socket(context, .push)
        s.close()
        #expect(throws: ZMQError.self) { try s.connect("inproc://x") }
    }
}

@Suite struct ZeroCopyTests {
    @Test func largeFramesSurviveTheSocketAndEachOther() throws {
        let context = try Context()
        let pull = try Socket(context, .pull)
        try pull.bind("inproc://zerocopy")
        let push = try Socket(context, .push)
        try push.connect("inproc://zerocopy")
        let big = Data((0..<100_000).map { UInt8($0 % 251) })
        var received: [[Data]] = []
        for i in 0..<20 {
            try push.send([Data("h\(i)".utf8), big])
            received.append(try #require(try pull.receive()))
        }
        push.close()
        pull.close()
        // The buffers stay valid after the sockets are gone.
        for (i, frames) in received.enumerated() {
            #expect(frames[0] == Data("h\(i)".utf8))
            #expect(frames[1] == big)
        }
    }
}
