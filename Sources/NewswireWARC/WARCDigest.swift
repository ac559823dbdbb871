import Crypto
import Foundation

/// Digests in the form WARC readers expect: `sha1:` and the SHA-1 in RFC 4648 base32.
public enum WARCDigest {
    public static func sha1(_ data: Data) -> String {
        "sha1:" + base32(Array(Insecure.SHA1.hash(data: data)))
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// RFC 4648 base32, with `=` padding for lengths that are not a multiple of 5.
    static func base32(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                output.append(alphabet[Int(buffer >> UInt32(bits) & 31)])
            }
        }
        if bits > 0 { output.append(alphabet[Int(buffer << UInt32(5 - bits) & 31)]) }
        while output.count % 8 != 0 { output.append("=") }
        return output
    }
}
