import Foundation
import NewswirePipeline
import NewswireStageSDK
import Testing
import ZeroMQ

/// A link's forwarder with CURVE: authorized clients pass messages through it, others do not.
@Suite(.enabled(if: Curve.isAvailable, "libzmq without CURVE"))
struct ForwarderSecurityTests {
    @Test func authorizedClientsPassThroughTheLinkAndIntrudersDoNot() throws {
        let server = try Curve.generateKeyPair(), client = try Curve.generateKeyPair(), intruder = try Curve.generateKeyPair()
        let security = LinkSecurity(serverSecretKey: server.secret, serverPublicKey: server.public,
                                    clientPublicKey: client.public, clientSecretKey: client.secret,
                                    authorizedClientKeys: [client.public])
        let base = Int.random(in: 20_000..<32_000)
        let link = PipelineFile.Link(in: "tcp://127.0.0.1:\(base)", out: "tcp://127.0.0.1:\(base + 1)", tap: "tcp://127.0.0.1:\(base + 2)")
        let context = try Context()
        let authenticator = try #require(try security.authenticator(for: context))
        defer { authenticator.stop() }
        try Forwarder(context: context, link: link, security: security).start()
        defer { context.shutdown() }

        let peers = try Context()
        func socket(_ type: SocketType, keys: (public: String, secret: String)?, address: String) throws -> Socket {
            let s = try Socket(peers, type)
            try s.setLinger(milliseconds: 0)
            try s.setReceiveTimeout(milliseconds: 2000)
            try s.setSendTimeout(milliseconds: 1000)
            if let keys { try s.setCurveClient(serverPublicKey: server.public, publicKey: keys.public, secretKey: keys.secret) }
            try s.connect(address)
            return s
        }
        let downstream = try socket(.pull, keys: client, address: link.out)
        let upstream = try socket(.push, keys: client, address: link.in)
        #expect(try upstream.send([Data("hello".utf8)]))
        #expect(try downstream.receive() == [Data("hello".utf8)])

        let stranger = try socket(.push, keys: intruder, address: link.in)
        _ = try? stranger.send([Data("intruder".utf8)])
        #expect(try downstream.receive() == nil)
        for s in [downstream, upstream, stranger] { s.close() }
    }
}
