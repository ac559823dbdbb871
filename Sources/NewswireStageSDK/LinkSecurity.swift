import Foundation
import ZeroMQ

/// CURVE encryption and authentication for the `tcp://` links of a pipeline spread over
/// machines: a socket that binds a `tcp://` address is a CURVE server (the pipeline's server
/// key), one that connects is a CURVE client (its own client key) that knows the server's
/// public key. With `authorizedClientKeys`, only those clients get past the handshake.
///
/// Why key *files* in the environment: the supervisor hands the same settings to every stage,
/// including plug-ins in other languages, without secret keys on command lines or in the
/// pipeline file. `ipc://` and `inproc://` links stay local to one machine and are left plain.
public struct LinkSecurity: Sendable, Equatable {
    /// The server's secret key, needed only where a `tcp://` address is bound.
    public var serverSecretKey: String?
    public var serverPublicKey: String
    public var clientPublicKey: String
    public var clientSecretKey: String
    /// Public keys of the clients admitted; nil admits any client that knows the server key.
    public var authorizedClientKeys: [String]?

    /// Environment variables naming the key files (what the pipeline file's `curve:` sets).
    public enum Variable {
        /// The server's key file: a secret key (or a CZMQ secret certificate) where stages bind,
        /// a public key suffices where they only connect.
        public static let serverKey = "NEWSWIRE_CURVE_SERVER_KEY"
        /// This process's own client secret key (or secret certificate).
        public static let clientKey = "NEWSWIRE_CURVE_CLIENT_KEY"
        /// A file of public keys, one per line, or a folder of public key files.
        public static let authorizedKeys = "NEWSWIRE_CURVE_AUTHORIZED_KEYS"
    }

    public init(serverSecretKey: String?, serverPublicKey: String, clientPublicKey: String,
                clientSecretKey: String, authorizedClientKeys: [String]?) {
        self.serverSecretKey = serverSecretKey; self.serverPublicKey = serverPublicKey
        self.clientPublicKey = clientPublicKey; self.clientSecretKey = clientSecretKey
        self.authorizedClientKeys = authorizedClientKeys
    }

    /// The settings the environment names, or nil when CURVE is not configured.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CurveKeyError) -> LinkSecurity? {
        guard let serverFile = environment[Variable.serverKey], !serverFile.isEmpty else { return nil }
        guard let clientFile = environment[Variable.clientKey], !clientFile.isEmpty else {
            throw CurveKeyError(file: serverFile, reason: "\(Variable.clientKey) must name this process's client key file too")
        }
        return try load(serverKeyFile: serverFile, clientKeyFile: clientFile,
                        authorizedKeys: environment[Variable.authorizedKeys].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Reads the key files (see ``Variable``).
    public static func load(serverKeyFile: String, clientKeyFile: String, authorizedKeys: String?)
        throws(CurveKeyError) -> LinkSecurity {
        let (serverSecret, serverPublic) = try keyPair(file: serverKeyFile, secretRequired: false)
        let (clientSecret, clientPublic) = try keyPair(file: clientKeyFile, secretRequired: true)
        return LinkSecurity(serverSecretKey: serverSecret, serverPublicKey: serverPublic,
                            clientPublicKey: clientPublic, clientSecretKey: clientSecret!,
                            authorizedClientKeys: try authorizedKeys.map(readAuthorizedKeys))
    }

    /// Whether `address` is a link this applies to.
    public static func applies(to address: String) -> Bool { address.hasPrefix("tcp://") }

    /// Makes `socket` a CURVE server or client for `address`, before it binds or connects.
    public func secure(_ socket: Socket, address: String, bind: Bool) throws(StartupError) {
        guard Self.applies(to: address) else { return }
        do {
            if bind {
                guard let serverSecretKey else {
                    throw StartupError(what: "bind", address: address,
                                       reason: "CURVE is on and \(Variable.serverKey) holds no secret key; a stage that binds needs the server's secret key")
                }
                try socket.setCurveServer(secretKey: serverSecretKey)
            } else {
                try socket.setCurveClient(serverPublicKey: serverPublicKey, publicKey: clientPublicKey,
                                          secretKey: clientSecretKey)
            }
        } catch let error as StartupError {
            throw error
        } catch {
            throw StartupError(what: bind ? "bind" : "connect to", address: address, reason: "CURVE: \(error)")
        }
    }

    /// The allow-list handler for a context whose sockets bind `tcp://` addresses; nil when any
    /// client knowing the server key is admitted. Stop it after closing the sockets.
    public func authenticator(for context: Context) throws(StartupError) -> ZAPAuthenticator? {
        guard let authorizedClientKeys else { return nil }
        do { return try ZAPAuthenticator(context: context, allowedClientKeys: authorizedClientKeys) } catch {
            throw StartupError(what: "authenticate CURVE clients on", address: ZAPAuthenticator.endpoint, reason: "\(error)")
        }
    }

    /// A CZMQ certificate says which keys it holds; a plain key file holds a secret key, except
    /// where only a public key is needed (`secretRequired: false`) and the file is named `*.key`
    /// or `*.pub`, CZMQ's and OpenSSH's names for public halves.
    private static func keyPair(file: String, secretRequired: Bool) throws(CurveKeyError) -> (secret: String?, public: String) {
        if Curve.isCertificate(file: file) {
            let listedPublic = try? Curve.readKey(file: file, kind: .public)
            guard let secret = try? Curve.readKey(file: file, kind: .secret) else {
                if secretRequired { throw CurveKeyError(file: file, reason: "holds a public-key only; a secret-key is needed here") }
                return (nil, try Curve.readKey(file: file, kind: .public))
            }
            let derived = try derivePublic(secret, file: file)
            if let listedPublic, listedPublic != derived {
                throw CurveKeyError(file: file, reason: "its public-key does not belong to its secret-key")
            }
            return (secret, derived)
        }
        let key = try Curve.readKey(file: file)
        if !secretRequired && (file.hasSuffix(".key") || file.hasSuffix(".pub")) { return (nil, key) }
        return (key, try derivePublic(key, file: file))
    }

    private static func derivePublic(_ secret: String, file: String) throws(CurveKeyError) -> String {
        do { return try Curve.publicKey(fromSecret: secret) } catch {
            throw CurveKeyError(file: file, reason: "secret key is unusable: \(error)")
        }
    }

    /// One public key per line (blank lines and `#` comments skipped), one certificate, or a
    /// folder of certificates or key files.
    static func readAuthorizedKeys(_ path: String) throws(CurveKeyError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CurveKeyError(file: path, reason: "does not exist (authorized client keys)")
        }
        if isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            var keys: [String] = []
            for name in names where !name.hasPrefix(".") && !name.hasSuffix("_secret") {
                keys.append(try Curve.readKey(file: (path as NSString).appendingPathComponent(name), kind: .public))
            }
            return keys
        }
        if Curve.isCertificate(file: path) { return [try Curve.readKey(file: path, kind: .public)] }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CurveKeyError(file: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        var keys: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if Curve.isKey(line) { keys.append(line); continue }
            if line.isEmpty || line.hasPrefix("#") { continue }
            throw CurveKeyError(file: path, reason: "line '\(line.prefix(20))…' is not a public key")
        }
        return keys
    }
}
