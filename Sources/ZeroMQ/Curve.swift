import CZeroMQ
import Foundation

/// CURVE (CurveZMQ) keys: encryption and server authentication for `tcp://` links on
/// networks we do not trust. Keys are Z85 text, 40 characters for 32 bytes, so they can live
/// in files, YAML and command lines.
public enum Curve {
    public static let keyLength = 40

    /// Whether this libzmq was built with CURVE (Debian's is, via libsodium).
    public static var isAvailable: Bool { zmq_has("curve") != 0 }

    public static func generateKeyPair() throws(ZMQError) -> (public: String, secret: String) {
        var pub = [CChar](repeating: 0, count: keyLength + 1)
        var sec = [CChar](repeating: 0, count: keyLength + 1)
        guard zmq_curve_keypair(&pub, &sec) == 0 else { throw ZMQError.current("zmq_curve_keypair") }
        return (z85String(pub), z85String(sec))
    }

    /// The public key that belongs to a secret key.
    public static func publicKey(fromSecret secret: String) throws(ZMQError) -> String {
        try validate(secret, role: "secret key", operation: "zmq_curve_public")
        var pub = [CChar](repeating: 0, count: keyLength + 1)
        guard zmq_curve_public(&pub, secret) == 0 else { throw ZMQError.current("zmq_curve_public") }
        return z85String(pub)
    }

    /// Throws EINVAL with a message naming the key's role unless `key` is 40 Z85 characters.
    /// libzmq itself only says "Invalid argument", which is no help with a truncated key.
    public static func validate(_ key: String, role: String, operation: String) throws(ZMQError) {
        if let problem = problem(with: key) {
            throw ZMQError(code: EINVAL, operation: operation,
                           message: "\(role) must be \(keyLength) Z85 characters: \(problem)")
        }
    }

    /// Why `key` is not a Z85 CURVE key, or nil if it is one.
    static func problem(with key: String) -> String? {
        let chars = Array(key.utf8)
        if chars.count != keyLength { return "got \(key.count) character(s)" }
        if let bad = chars.first(where: { !z85Alphabet.contains($0) }) {
            return "'\(Character(Unicode.Scalar(bad)))' is not a Z85 character"
        }
        return nil
    }

    private static func z85String(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func decode(_ key: String) -> Data? {
        guard problem(with: key) == nil else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        guard zmq_z85_decode(&bytes, key) != nil else { return nil }
        return Data(bytes)
    }

    static func encode(_ raw: Data) -> String? {
        guard raw.count == 32 else { return nil }
        var out = [CChar](repeating: 0, count: keyLength + 1)
        let ok = raw.withUnsafeBytes { buf in
            zmq_z85_encode(&out, buf.bindMemory(to: UInt8.self).baseAddress, 32) != nil
        }
        return ok ? z85String(out) : nil
    }

    private static let z85Alphabet = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    // MARK: Key files

    public enum KeyKind: Sendable { case `public`, secret }

    /// Reads a Z85 key from a file, so secret keys stay out of command lines and pipeline files.
    ///
    /// A plain key file holds the key on its first line that is not blank or a `#` comment.
    /// A CZMQ certificate (`zcert`) holds `public-key = "..."` and `secret-key = "..."` lines;
    /// from those `kind` picks one, and by default the secret key wins when there is one (a
    /// secret certificate is what a process reads its own identity from).
    public static func readKey(file path: String, kind: KeyKind? = nil) throws(CurveKeyError) -> String {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CurveKeyError(file: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        var plain: String?
        var fields: [KeyKind: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            // '#' is a Z85 character, so a line that is a valid key is a key even if it starts with one.
            if problem(with: line) == nil { plain = plain ?? line; continue }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let (name, value) = zcertField(line) {
                if name == "public-key" { fields[.public] = value }
                if name == "secret-key" { fields[.secret] = value }
                continue
            }
            if fields.isEmpty && plain == nil && !["metadata", "curve"].contains(line.lowercased()) {
                throw CurveKeyError(file: path, reason: "first line is not a key: \(problem(with: line)!)")
            }
        }
        let key: String?
        let what: String
        if fields.isEmpty {
            // A plain file does not say which kind it holds; the caller knows.
            key = plain
            what = "key"
        } else {
            switch kind {
            case .public?: key = fields[.public]; what = "public-key"
            case .secret?: key = fields[.secret]; what = "secret-key"
            case nil: key = fields[.secret] ?? fields[.public]; what = fields[.secret] != nil ? "secret-key" : "public-key"
            }
        }
        guard let key else { throw CurveKeyError(file: path, reason: "holds no \(what)") }
        if let problem = problem(with: key) { throw CurveKeyError(file: path, reason: "\(what) is malformed: \(problem)") }
        return key
    }

    /// `name = "value"` (zcert property syntax, also used for its metadata), or nil.
    private static func zcertField(_ line: String) -> (String, String)? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let name = line[..<eq].trimmingCharacters(in: .whitespaces)
        var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
        return (name, value)
    }
}

/// A key file that cannot be used, naming the file.
public struct CurveKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) { self.file = file; self.reason = reason }
    public var description: String { "CURVE key file \(file): \(reason)" }
}

extension Socket {
    /// Makes this socket a CURVE server: peers must be CURVE clients that know our public key,
    /// and traffic is encrypted. Any client key is accepted unless a ``ZAPAuthenticator``
    /// runs on the context. Set before `bind`/`connect`.
    public func setCurveServer(secretKey: String) throws(ZMQError) {
        try Curve.validate(secretKey, role: "CURVE server secret key", operation: "ZMQ_CURVE_SECRETKEY")
        try setInt(ZMQ_CURVE_SERVER, 1, "ZMQ_CURVE_SERVER")
        try setString(ZMQ_CURVE_SECRETKEY, secretKey, "ZMQ_CURVE_SECRETKEY")
    }

    /// Makes this socket a CURVE client of the server whose public key is given; the handshake
    /// fails (silently, by libzmq's design) against any other server. Set before `connect`.
    public func setCurveClient(serverPublicKey: String, publicKey: String, secretKey: String) throws(ZMQError) {
        try Curve.validate(serverPublicKey, role: "CURVE server public key", operation: "ZMQ_CURVE_SERVERKEY")
        try Curve.validate(publicKey, role: "CURVE client public key", operation: "ZMQ_CURVE_PUBLICKEY")
        try Curve.validate(secretKey, role: "CURVE client secret key", operation: "ZMQ_CURVE_SECRETKEY")
        // A mismatched pair would also fail only as a silent handshake failure; say so now.
        guard try Curve.publicKey(fromSecret: secretKey) == publicKey else {
            throw ZMQError(code: EINVAL, operation: "ZMQ_CURVE_PUBLICKEY",
                           message: "CURVE client public key does not belong to the client secret key")
        }
        try setString(ZMQ_CURVE_SERVERKEY, serverPublicKey, "ZMQ_CURVE_SERVERKEY")
        try setString(ZMQ_CURVE_PUBLICKEY, publicKey, "ZMQ_CURVE_PUBLICKEY")
        try setString(ZMQ_CURVE_SECRETKEY, secretKey, "ZMQ_CURVE_SECRETKEY")
    }
}
