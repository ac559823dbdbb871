import Foundation
import Testing
import ZeroMQ

/// CURVE over real TCP on loopback. Every test has its own context, because the ZAP handler
/// endpoint is per context, and sets linger 0, because a refused peer's queued message would
/// otherwise keep the context from terminating.
@Suite struct CurveTests {
    let context = try! Context()

    /// A CURVE PULL server bound on a random port in 20000–50000 (retrying if one is taken).
    func server(secretKey: String) throws -> (Socket, String) {
        for _ in 0..<20 {
            let s = try Socket(context, .pull)
            try s.setLinger(milliseconds: 0)
            try s.setCurveServer(secretKey: secretKey)
            let endpoint = "tcp://127.0.0.1:\(Int.random(in: 20_000..<32_000))"
            do throws(ZMQError) { try s.bind(endpoint); return (s, endpoint) } catch { if error.code == EADDRINUSE { continue }; throw error }
        }
        throw ZMQError(code: EADDRINUSE, operation: "bind", message: "no free port found")
    }

    func client(_ endpoint: String, serverKey: String?, keys: (public: String, secret: String)?) throws -> Socket {
        let s = try Socket(context, .push)
        try s.setLinger(milliseconds: 0)
        if let serverKey, let keys {
            try s.setCurveClient(serverPublicKey: serverKey, publicKey: keys.public, secretKey: keys.secret)
        }
        try s.connect(endpoint)
        return s
    }

    /// What arrives within `milliseconds` (a bounded wait: the handshake of a refused peer
    /// never completes, so "nothing arrived by then" is the observable outcome).
    func arrivals(_ s: Socket, within milliseconds: Int) throws -> [String] {
        var got: [String] = []
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        while true {
            let left = Int(deadline.timeIntervalSinceNow * 1000)
            if left <= 0 { break }
            guard try Poller.poll([(s, .readable)], timeout: left)[0].contains(.readable) else { break }
            while let frames = try s.receive(dontWait: true) { got.append(String(decoding: frames[0], as: UTF8.self)) }
        }
        return got
    }

    @Test func curveIsBuiltIn() {
        #expect(Curve.isAvailable, "libzmq was built without CURVE (libsodium)")
    }

    @Test func keyPairsAreZ85AndTheSecretDeterminesThePublicKey() throws {
        let a = try Curve.generateKeyPair(), b = try Curve.generateKeyPair()
        #expect(a.public.count == 40)
        #expect(a.secret.count == 40)
        #expect(a.public != b.public)
        #expect(a.secret != b.secret)
        #expect(try Curve.publicKey(fromSecret: a.secret) == a.public)
        #expect(try Curve.publicKey(fromSecret: b.secret) == b.public)
    }

    @Test func aCurveClientThatKnowsTheServerKeyGetsThrough() throws {
        let serverKeys = try Curve.generateKeyPair()
        let (pull, endpoint) = try server(secretKey: serverKeys.secret)
        let push = try client(endpoint, serverKey: serverKeys.public, keys: try Curve.generateKeyPair())
        try push.send([Data("hello".utf8), Data([0, 255])])
        try pull.setReceiveTimeout(milliseconds: 5000)
        #expect(try pull.receive() == [Data("hello".utf8), Data([0, 255])])
    }

    @Test func aPlainClientCannotReachACurveServer() throws {
        let serverKeys = try Curve.generateKeyPair()
        let (pull, endpoint) = try server(secretKey: serverKeys.secret)
        let plain = try client(endpoint, serverKey: nil, keys: nil)
        try plain.send([Data("plain".utf8)])
        #expect(try arrivals(pull, within: 500) == [])
        // The server is not simply deaf: a CURVE client on the same endpoint is heard.
        let curve = try client(endpoint, serverKey: serverKeys.public, keys: try Curve.generateKeyPair())
        try curve.send([Data("curve".utf8)])
        try pull.setReceiveTimeout(milliseconds: 5000)
        #expect(try pull.receive() == [Data("curve".utf8)])
        #expect(try arrivals(pull, within: 200) == [])
    }

    @Test func aClientWithTheWrongServerKeyCannotReachTheServer() throws {
        let serverKeys = try Curve.generateKeyPair()
        let (pull, endpoint) = try server(secretKey: serverKeys.secret)
        let impostorServer = try Curve.generateKeyPair()
        let push = try client(endpoint, serverKey: impostorServer.public, keys: try Curve.generateKeyPair())
        try push.send([Data("lost".utf8)])
        #expect(try arrivals(pull, within: 500) == [])
    }

    @Test func theZAPAllowListRefusesUnlistedClientKeys() throws {
        let serverKeys = try Curve.generateKeyPair()
        let friend = try Curve.generateKeyPair(), stranger = try Curve.generateKeyPair()
        let zap = try ZAPAuthenticator(context: context, allowedClientKeys: [friend.public])
        defer { zap.stop() }
        let (pull, endpoint) = try server(secretKey: serverKeys.secret)

        let refused = try client(endpoint, serverKey: serverKeys.public, keys: stranger)
        try refused.send([Data("stranger".utf8)])
        #expect(try arrivals(pull, within: 500) == [])

        let allowed = try client(endpoint, serverKey: serverKeys.public, keys: friend)
        try allowed.send([Data("friend".utf8)])
        try pull.setReceiveTimeout(milliseconds: 5000)
        #expect(try pull.receive() == [Data("friend".utf8)])
        #expect(try arrivals(pull, within: 200) == [])
    }

    @Test func aStoppedAuthenticatorReleasesTheZAPEndpoint() throws {
        let zap = try ZAPAuthenticator(context: context, allowedClientKeys: [])
        #expect(throws: ZMQError.self) { try ZAPAuthenticator(context: context, allowedClientKeys: []) }
        zap.stop()
        zap.stop()  // idempotent
        // libzmq releases an inproc endpoint when its reaper thread destroys the closed socket,
        // a moment after zmq_close: allow that moment, boundedly.
        var again: ZAPAuthenticator?
        let deadline = Date().addingTimeInterval(2)
        while again == nil && Date() < deadline {
            again = try? ZAPAuthenticator(context: context, allowedClientKeys: [])
            if again == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(again != nil, "the ZAP endpoint was not released within 2 s of stop()")
        again?.stop()
    }

    @Test func malformedKeysAreRefusedWithAMessageSayingWhy() throws {
        let s = try Socket(context, .pull)
        let good = try Curve.generateKeyPair(), other = try Curve.generateKeyPair()

        let short = #expect(throws: ZMQError.self) { try s.setCurveServer(secretKey: "tooshort") }
        #expect(short?.code == EINVAL)
        #expect(short?.message.contains("CURVE server secret key must be 40 Z85 characters") == true)
        #expect(short?.message.contains("got 8 character(s)") == true)

        let quoted: String = "\"\(good.secret.dropFirst(2))\""
        let badChar = #expect(throws: ZMQError.self) {
            try s.setCurveClient(serverPublicKey: quoted, publicKey: good.public, secretKey: good.secret)
        }
        #expect(badChar?.message.contains("server public key") == true)
        #expect(badChar?.message.contains("'\"' is not a Z85 character") == true)

        let mismatch = #expect(throws: ZMQError.self) {
            try s.setCurveClient(serverPublicKey: other.public, publicKey: other.public, secretKey: good.secret)
        }
        #expect(mismatch?.message.contains("does not belong") == true)

        #expect(throws: ZMQError.self) { try Curve.publicKey(fromSecret: "") }
        #expect(throws: ZMQError.self) { try ZAPAuthenticator(context: context, allowedClientKeys: ["nope"]) }
    }
}

@Suite struct CurveKeyFileTests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("zmq-keys-\(UUID())")
        try! FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func plainFilesHoldTheKeyOnTheFirstLineThatIsNotAComment() throws {
        let keys = try Curve.generateKeyPair()
        let path = try write("server.key", "# publish's secret key\n\n   \(keys.secret)  \nignored\n")
        #expect(try Curve.readKey(file: path) == keys.secret)
    }

    @Test func zcertCertificatesAreRead() throws {
        let keys = try Curve.generateKeyPair()
        let text = """
        #   ****  Generated by CZMQ  ****
        #   ZeroMQ CURVE **Secret** Certificate
        metadata
            name = "publish"
        curve
            public-key = "\(keys.public)"
            secret-key = "\(keys.secret)"
        """
        let path = try write("publish_secret", text)
        #expect(try Curve.readKey(file: path) == keys.secret)
        #expect(try Curve.readKey(file: path, kind: .secret) == keys.secret)
        #expect(try Curve.readKey(file: path, kind: .public) == keys.public)

        let publicOnly = try write("publish", "metadata\ncurve\n    public-key = \"\(keys.public)\"\n")
        #expect(try Curve.readKey(file: publicOnly) == keys.public)
        let error = #expect(throws: CurveKeyError.self) { try Curve.readKey(file: publicOnly, kind: .secret) }
        #expect(error?.description == "CURVE key file \(publicOnly): holds no secret-key")
    }

    @Test func unusableFilesAreNamedInTheError() throws {
        let missing = dir.appendingPathComponent("absent.key").path
        let e1 = #expect(throws: CurveKeyError.self) { try Curve.readKey(file: missing) }
        #expect(e1?.file == missing)
        #expect(e1?.description.contains(missing) == true)

        let truncated = try write("short.key", "# comment\nabc123\n")
        let e2 = #expect(throws: CurveKeyError.self) { try Curve.readKey(file: truncated) }
        #expect(e2?.description == "CURVE key file \(truncated): first line is not a key: got 6 character(s)")

        let empty = try write("empty.key", "# nothing here\n")
        let e3 = #expect(throws: CurveKeyError.self) { try Curve.readKey(file: empty) }
        #expect(e3?.reason == "holds no key")

        let badCert = try write("bad_secret", "curve\n    secret-key = \"xyz\"\n")
        let e4 = #expect(throws: CurveKeyError.self) { try Curve.readKey(file: badCert) }
        #expect(e4?.reason == "secret-key is malformed: got 3 character(s)")
    }
}
