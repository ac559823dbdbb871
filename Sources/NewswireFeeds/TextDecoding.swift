import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of an XML (or JSON) document into text, choosing the charset as XML says to
/// and then forgiving what real feeds get wrong.
///
/// Evidence, strongest first: a byte-order mark (or UTF-16's `<?` pattern), the XML declaration's
/// `encoding`, the charset from HTTP (only when the document declares none), then UTF-8. Bytes
/// that are invalid in UTF-8 are read as Windows-1252, one byte each, because feeds that claim
/// UTF-8 but are really Windows-1252 are common and the rest of their text is still good.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], httpCharset: String?) -> String {
        if let (charset, skip) = byteOrderMark(bytes) ?? utf16WithoutMark(bytes) {
            return decode(Array(bytes[skip...]), as: charset)
        }
        let declared = xmlDeclaredEncoding(bytes) ?? httpCharset
        var charset = declared.map(Charset.init(label:)) ?? .utf8
        if charset == .utf16LE || charset == .utf16BE {
            // Declared UTF-16 but the bytes are not: the document was converted and kept its declaration.
            charset = .utf8
        }
        if charset.isSingleByte && isValidUTF8WithMultiByteText(bytes) {
            // Converted to UTF-8 and served with its old declaration.
            return decode(bytes, as: .utf8)
        }
        return decode(bytes, as: charset)
    }

    // MARK: Evidence

    static func byteOrderMark(_ b: [UInt8]) -> (Charset, Int)? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if b.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if b.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 without a mark still starts with `<` and `?` (or `<` and a letter) interleaved with NULs.
    static func utf16WithoutMark(_ b: [UInt8]) -> (Charset, Int)? {
        guard b.count >= 4 else { return nil }
        if b[0] == 0x3C && b[1] == 0 && b[2] != 0 && b[3] == 0 { return (.utf16LE, 0) }
        if b[0] == 0 && b[1] == 0x3C && b[2] == 0 && b[3] != 0 { return (.utf16BE, 0) }
        return nil
    }

    /// The `encoding` pseudo-attribute of a leading `<?xml ...?>` declaration.
    static func xmlDeclaredEncoding(_ b: [UInt8]) -> String? {
        let head = String(decoding: b.prefix(256).filter { $0 < 0x80 }, as: UTF8.self)
        guard let start = head.range(of: "<?xml"), let end = head.range(of: "?>", range: start.upperBound..<head.endIndex),
              let key = head.range(of: "encoding", range: start.upperBound..<end.lowerBound) else { return nil }
        let rest = head[key.upperBound..<end.lowerBound].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    static func isValidUTF8WithMultiByteText(_ b: [UInt8]) -> Bool {
        b.contains { $0 >= 0x80 } && String(validating: b, as: UTF8.self) != nil
    }

    // MARK: Decoding

    static func decode(_ bytes: [UInt8], as charset: Charset) -> String {
        switch charset {
        case .utf8: return lenientUTF8(bytes)
        case .utf16LE, .utf16BE: return utf16(bytes, littleEndian: charset == .utf16LE)
        case .windows1252: return windows1252(bytes)
        case .iconv(let name): return iconvDecode(bytes, from: name) ?? lenientUTF8(bytes)
        }
    }

    /// UTF-8 where it is valid; each byte that is not part of a valid sequence is read as Windows-1252.
    static func lenientUTF8(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let length = validSequenceLength(bytes, at: i)
            if length == 0 {
                scalars.append(windows1252Scalar(bytes[i]))
                i += 1
            } else {
                let decoded = String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                scalars.append(contentsOf: decoded.unicodeScalars)
                i += length
            }
        }
        return String(scalars)
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none.
    static func validSequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        let length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0
        guard length > 0, i + length <= b.count else { return 0 }
        for k in 1..<length where b[i + k] & 0xC0 != 0x80 { return 0 }
        let second = b[i + 1]
        if (c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0)
            || (c == 0xF0 && second < 0x90) || (c == 0xF4 && second >= 0x90) { return 0 }
        return length
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> String {
        let units = stride(from: 0, to: bytes.count - 1, by: 2).map { i -> UInt16 in
            littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes { scalars.append(windows1252Scalar(b)) }
        return String(scalars)
    }

    /// Windows-1252's characters for 0x80–0x9F (where it differs from ISO-8859-1).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ b: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(b) ? windows1252High[Int(b) - 0x80] : UInt32(b)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Charsets other than the common ones, through the C library's converter.
    static func iconvDecode(_ bytes: [UInt8], from name: String) -> String? {
        let converter = iconv_open("UTF-8", name)
        if converter == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        let complete: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPtr = outBuf.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuf.count
                var outLeft = outBuf.count
                let result = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return result != -1 && inLeft == 0
            }
        }
        guard complete else { return nil }
        return String(decoding: output[..<produced], as: UTF8.self)
    }
}

/// A charset the decoder can read.
enum Charset: Equatable {
    case utf8, utf16LE, utf16BE, windows1252
    case iconv(String)

    /// Maps a label to a charset; unknown labels are tried with iconv under their own name.
    init(label raw: String) {
        let label = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased().replacingOccurrences(of: "_", with: "-")
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "utf-16", "utf-16le", "unicode", "ucs-2": self = .utf16LE
        case "utf-16be": self = .utf16BE
        // As on the web: Latin-1 and ASCII labels mean Windows-1252, its superset.
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "iso-ir-100",
             "us-ascii", "ascii", "ansi-x3.4-1968":
            self = .windows1252
        default: self = .iconv(label)
        }
    }

    var isSingleByte: Bool {
        switch self {
        case .windows1252: true
        case .iconv(let name): name.hasPrefix("iso-8859") || name.hasPrefix("windows-125") || name.hasPrefix("koi8")
        default: false
        }
    }
}
