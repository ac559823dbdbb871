import Foundation
import NewswireStageSDK
import Testing
import ZeroMQ

@Suite(.enabled(if: Curve.isAvailable, "libzmq without CURVE"))
struct LinkSecurityTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-curve-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func certificatesGiveBothHalvesAndTheAllowList() throws {
        let dir = try folder()
        let server = try Curve.writeCertificates(prefix: dir.appendingPathComponent("server").path)
        let client = try Curve.writeCertificates(prefix: dir.appendingPathComponent("client").path)
        let security = try LinkSecurity.load(serverKeyFile: server.secretFile, clientKeyFile: client.secretFile,
                                             authorizedKeys: client.publicFile)
        #expect(security.serverSecretKey != nil)
        #expect(security.serverPublicKey == (try Curve.readKey(file: server.publicFile, kind: .public)))
        #expect(security.clientPublicKey == (try Curve.readKey(file: client.publicFile, kind: .public)))
        #expect(security.authorizedClientKeys == [security.clientPublicKey])
    }

    @Test func aPublicServerCertificateIsEnoughToConnectButNotToBind() throws {
        let dir = try folder()
        let server = try Curve.writeCertificates(prefix: dir.appendingPathComponent("server").path)
        let client = try Curve.writeCertificates(prefix: dir.appendingPathComponent("client").path)
        let security = try LinkSecurity.load(serverKeyFile: server.publicFile, clientKeyFile: client.secretFile, authorizedKeys: nil)
        #expect(security.serverSecretKey == nil)
        let context = try Context()
        let socket = try Socket(context, .pull)
        defer { socket.close() }
        #expect(throws: StartupError.self) { try security.secure(socket, address: "tcp://127.0.0.1:1", bind: true) }
        // ipc:// links stay plain: nothing to refuse.
        try security.secure(socket, address: "ipc:///tmp/x", bind: true)
    }

    @Test func theClientKeyMustBeSecretAndFilesMustExist() throws {
        let dir = try folder()
        let server = try Curve.writeCertificates(prefix: dir.appendingPathComponent("server").path)
        let client = try Curve.writeCertificates(prefix: dir.appendingPathComponent("client").path)
        #expect(throws: CurveKeyError.self) {
            try LinkSecurity.load(serverKeyFile: server.secretFile, clientKeyFile: client.publicFile, authorizedKeys: nil)
        }
        let missing = dir.appendingPathComponent("nope").path
        #expect(throws: CurveKeyError(file: missing, reason: "does not exist (authorized client keys)")) {
            try LinkSecurity.load(serverKeyFile: server.secretFile, clientKeyFile: client.secretFile, authorizedKeys: missing)
        }
    }

    @Test func theEnvironmentTurnsItOnAndNeedsBothKeys() throws {
        #expect(try LinkSecurity.fromEnvironment([:]) == nil)
        let dir = try folder()
        let server = try Curve.writeCertificates(prefix: dir.appendingPathComponent("server").path)
        #expect(throws: CurveKeyError.self) {
            try LinkSecurity.fromEnvironment([LinkSecurity.Variable.serverKey: server.secretFile])
        }
        let keysFile = dir.appendingPathComponent("allowed.txt")
        let pair = try Curve.generateKeyPair()
        try "# clients\n\n\(pair.public)\n".write(to: keysFile, atomically: true, encoding: .utf8)
        let security = try #require(try LinkSecurity.fromEnvironment([
            LinkSecurity.Variable.serverKey: server.secretFile, LinkSecurity.Variable.clientKey: server.secretFile,
            LinkSecurity.Variable.authorizedKeys: keysFile.path]))
        #expect(security.authorizedClientKeys == [pair.public])
    }
}
