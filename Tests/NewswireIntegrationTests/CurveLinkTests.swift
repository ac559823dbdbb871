import Foundation
import NewswirePublish
import NewswireWire
import Testing
import ZeroMQ

/// CURVE on `tcp://` links, configured by the pipeline file's `curve:` key and keys written by
/// `newswire keygen`: the whole pipeline runs encrypted, and a peer without an authorized key
/// gets nothing through.
@Suite(.serialized, .enabled(if: Curve.isAvailable, "libzmq without CURVE"))
struct CurveLinkTests {
    struct Keys { var server: URL; var client: URL; var intruder: URL; var authorized: URL }

    /// A server pair, an authorized client and an intruder, by `newswire keygen`.
    func makeKeys(in dir: URL) throws -> Keys {
        let keys = dir.appendingPathComponent("keys")
        for name in ["server", "client", "intruder"] {
            let r = try Harness.run("newswire", ["keygen", keys.appendingPathComponent(name).path], timeout: 30)
            #expect(r.status == 0, "keygen failed: \(String(decoding: r.stderr, as: UTF8.self))")
        }
        // Only the client's public certificate is authorized.
        let authorized = keys.appendingPathComponent("authorized")
        try FileManager.default.createDirectory(at: authorized, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: keys.appendingPathComponent("client.key"),
                                         to: authorized.appendingPathComponent("client.key"))
        let secret = try FileManager.default.attributesOfItem(atPath: keys.appendingPathComponent("client.key_secret").path)
        #expect((secret[.posixPermissions] as? Int) == 0o600)
        return Keys(server: keys.appendingPathComponent("server.key_secret"),
                    client: keys.appendingPathComponent("client.key_secret"),
                    intruder: keys.appendingPathComponent("intruder.key_secret"), authorized: authorized)
    }

    @Test func wholePipelineRunsOverAuthenticatedEncryptedLinks() throws {
        let dir = try Harness.temporaryFolder()
        _ = try makeKeys(in: dir)
        // Relative paths resolve against the pipeline file's folder.
        let curve = """
        curve:
          server-key: keys/server.key_secret
          client-key: keys/client.key_secret
          authorized-keys: keys/authorized
        """
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        try PipelineTests.pipelineFile(workdir: dir, ports: Harness.ports(10), extra: curve)
            .write(to: yaml, atomically: true, encoding: .utf8)
        let result = try Harness.run("newswire", ["run", yaml.path, "--exit-when-done"], timeout: 180)
        #expect(result.status == 0, "newswire run failed: \(String(decoding: result.stderr, as: UTF8.self))")
        let pages = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path).filter { $0.hasSuffix(".html") }
        let store = try ArticleStore(path: dir.appendingPathComponent("newswire.sqlite").path)
        #expect(try store.count() == pages.count)
    }

    @Test func aBadKeyFileStopsTheRunAtOnceNamingTheFile() throws {
        let dir = try Harness.temporaryFolder()
        let curve = "curve: { server-key: keys/missing.key_secret, client-key: keys/missing.key_secret }"
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        try PipelineTests.pipelineFile(workdir: dir, ports: Harness.ports(10), extra: curve)
            .write(to: yaml, atomically: true, encoding: .utf8)
        let result = try Harness.run("newswire", ["run", yaml.path, "--exit-when-done"], timeout: 30)
        #expect(result.status != 0)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("missing.key_secret"))
    }

    /// normalize binds its input as a CURVE server admitting only the client key. Plain and
    /// wrongly keyed senders get nothing processed; the authorized one does.
    @Test func aPeerWithoutAnAuthorizedKeyIsRefused() throws {
        let dir = try Harness.temporaryFolder()
        let keys = try makeKeys(in: dir)
        let ports = Harness.ports(2)
        let input = "tcp://127.0.0.1:\(ports[0])", output = "tcp://127.0.0.1:\(ports[1])"
        let environment = ["NEWSWIRE_CURVE_SERVER_KEY": keys.server.path, "NEWSWIRE_CURVE_CLIENT_KEY": keys.client.path,
                           "NEWSWIRE_CURVE_AUTHORIZED_KEYS": keys.authorized.path]
        let metrics = dir.appendingPathComponent("normalize.prom")
        let normalize = try Harness.start("newswire-normalize",
                                          ["--input", input, "--bind-input", "--output", output, "--metrics-file", metrics.path],
                                          log: dir.appendingPathComponent("log"), environment: environment)
        defer { Harness.stop(normalize) }

        let context = try Context()
        let serverSecret = try Curve.readKey(file: keys.server.path, kind: .secret)
        let serverPublic = try Curve.publicKey(fromSecret: serverSecret)
        // The test is normalize's downstream: a CURVE server that admits the client key.
        let zap = try ZAPAuthenticator(context: context, allowedClientKeys: [try Curve.readKey(file: keys.authorized.appendingPathComponent("client.key").path, kind: .public)])
        defer { zap.stop() }
        let downstream = try Socket(context, .pull)
        try downstream.setCurveServer(secretKey: serverSecret)
        try downstream.setReceiveTimeout(milliseconds: 3000)
        try downstream.bind(output)
        defer { downstream.close() }

        let fetched = try Harness.messages(in: try Harness.fixture("fetched.jsonl"))
        func sender(secretFile: URL?) throws -> Socket {
            let push = try Socket(context, .push)
            try push.setLinger(milliseconds: 0)
            try push.setSendTimeout(milliseconds: 1000)
            if let secretFile {
                let secret = try Curve.readKey(file: secretFile.path, kind: .secret)
                try push.setCurveClient(serverPublicKey: serverPublic, publicKey: try Curve.publicKey(fromSecret: secret), secretKey: secret)
            }
            try push.connect(input)
            return push
        }

        let plain = try sender(secretFile: nil)
        let intruder = try sender(secretFile: keys.intruder)
        // A refused handshake leaves the pipe unusable, so the send times out or goes nowhere.
        _ = try? plain.send(fetched[0].frames())
        _ = try? intruder.send(fetched[1].frames())
        #expect(try downstream.receive() == nil, "a message from an unauthenticated peer was processed")
        plain.close(); intruder.close()

        let client = try sender(secretFile: keys.client)
        defer { client.close() }
        #expect(try client.send(fetched[2].frames()))
        let out = try #require(try downstream.receive(), "the authorized client's message did not come through")
        #expect(try Message(frames: out).header.id == fetched[2].header.id)
        #expect(try downstream.receive(dontWait: true) == nil)
    }
}
