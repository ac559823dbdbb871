import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns raw page bytes into a Swift string, choosing the charset the way browsers do.
///
/// Order of evidence: byte-order mark, then the transport's charset (HTTP header), then a
/// `<meta charset>` / `http-equiv` declaration in the first 2 KB, then detection (valid UTF-8 is
/// UTF-8, anything else Windows-1252). One exception to trusting labels: bytes that are valid UTF-8
/// and contain multi-byte sequences are decoded as UTF-8 even when a single-byte charset is
/// declared, because saved and re-served pages keep their old declaration after being converted,
/// and valid multi-byte UTF-8 almost never occurs by chance in single-byte text.
struct PageDecoder: Sendable {
    struct Decoded: Sendable {
        var text: String
        /// Canonical name of the charset used, for diagnostics.
        var charset: String
    }

    /// - Throws: ``NormalizeError/notHTML(_:)`` for binary content,
    ///   ``NormalizeError/undecodableCharset(_:)`` when a declared charset cannot decode the bytes.
    func decode(_ data: Data, declared: String?) throws(NormalizeError) -> Decoded {
        let (output, charset) = try decodeCore(data, declared: declared)
        switch output {
        case .text(let text): return Decoded(text: text, charset: charset)
        case .utf8(let bytes): return Decoded(text: String(decoding: bytes, as: UTF8.self), charset: charset)
        }
    }

    /// The page as well-formed UTF-8 bytes: ``decode(_:declared:)`` without building a string
    /// when the page already is valid UTF-8.
    func decodeUTF8(_ data: Data, declared: String?) throws(NormalizeError) -> [UInt8] {
        let (output, _) = try decodeCore(data, declared: declared)
        switch output {
        case .text(let text): return Array(text.utf8)
        case .utf8(let bytes): return bytes
        }
    }

    private enum Output {
        case text(String)
        /// Valid UTF-8 bytes, to be used as they are.
        case utf8([UInt8])
    }

    private func decodeCore(_ data: Data, declared: String?) throws(NormalizeError) -> (Output, String) {
        let bytes = [UInt8](data)
        if let bom = Self.byteOrderMark(bytes) {
            return (.text(Self.decode(Array(bytes[bom.length...]), as: bom.charset) ?? ""), bom.charset.name)
        }
        let headerCharset = declared.flatMap(Charset.init(label:))
        let metaCharset = Self.metaCharset(in: bytes)
        if headerCharset?.isUTF16 != true && metaCharset?.isUTF16 != true {
            // UTF-16 is excluded above: its ASCII bytes are interleaved with NULs.
            if let reason = Self.binaryReason(bytes) { throw .notHTML(reason) }
        }
        let utf8 = UTF8Validation(bytes)
        func asUTF8() -> Output {
            utf8.isValid ? .utf8(bytes) : .text(String(decoding: bytes, as: UTF8.self))
        }
        for candidate in [headerCharset, metaCharset].compactMap({ $0 }) {
            if candidate.isSingleByte && utf8.isValid && utf8.multiByteSequences > 0 {
                return (asUTF8(), "utf-8")
            }
            if candidate == .utf8 {
                return (asUTF8(), "utf-8")
            }
            if let text = Self.decode(bytes, as: candidate) {
                return (.text(text), candidate.name)
            }
            if utf8.isValid {
                return (asUTF8(), "utf-8")
            }
            throw .undecodableCharset(candidate.name)
        }
        // Undeclared: UTF-8 when it mostly is (a few broken bytes become U+FFFD, the rest is
        // not turned into mojibake), otherwise the web's default single-byte charset.
        if utf8.isValid || utf8.multiByteSequences > utf8.invalidBytes {
            return (asUTF8(), "utf-8")
        }
        return (.text(Self.decode(bytes, as: .windows1252) ?? String(decoding: bytes, as: UTF8.self)),
                Charset.windows1252.name)
    }

    // MARK: Evidence

    static func byteOrderMark(_ b: [UInt8]) -> (charset: Charset, length: Int)? {
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return (.utf8, 3) }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return (.utf16LE, 2) }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">` in the first
    /// 2 KB, read as ASCII.
    static func metaCharset(in bytes: [UInt8]) -> Charset? {
        let head: [UInt8] = bytes.prefix(2048).map { $0 >= 0x80 ? 0x20 : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }
        func find(_ word: [UInt8], in range: Range<Int>) -> Int? {
            guard range.count >= word.count else { return nil }
            var i = range.lowerBound
            while i + word.count <= range.upperBound {
                if head[i] == word[0] && head[i..<(i + word.count)].elementsEqual(word) { return i }
                i += 1
            }
            return nil
        }
        let metaWord = Array("<meta".utf8), charsetWord = Array("charset".utf8)
        var searchStart = 0
        while let meta = find(metaWord, in: searchStart..<head.count) {
            let afterMeta = meta + metaWord.count
            let tagEnd = head[afterMeta...].firstIndex(of: 0x3E) ?? head.count
            if let cs = find(charsetWord, in: afterMeta..<tagEnd) {
                var k = cs + charsetWord.count
                while k < tagEnd && head[k] == 0x20 { k += 1 }
                if k < tagEnd && head[k] == 0x3D {
                    k += 1
                    while k < tagEnd && (head[k] == 0x20 || head[k] == 0x22 || head[k] == 0x27) { k += 1 }
                    let start = k
                    while k < tagEnd {
                        let c = head[k]
                        let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
                            || c == 0x3A || c == 0x2E
                        if !ok { break }
                        k += 1
                    }
                    if let charset = Charset(label: String(decoding: head[start..<k], as: UTF8.self)) { return charset }
                }
            }
            searchStart = tagEnd
        }
        return nil
    }

    /// Why the bytes are not a text document, or nil when they may be one. Looks at the first 8 KB:
    /// known binary signatures, then the share of NUL and control bytes, which text never has.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        let signatures: [(prefix: [UInt8], kind: String)] = [
            (Array("%PDF".utf8), "a PDF document"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            (Array("GIF8".utf8), "a GIF image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"), ([0x1F, 0x8B], "gzip-compressed data"),
        ]
        for s in signatures where bytes.starts(with: s.prefix) {
            return "content is \(s.kind), not HTML"
        }
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return nil }
        var controls = 0
        for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
            controls += 1
        }
        if controls * 100 > sample.count * 5 {
            return "content looks binary (\(controls * 100 / sample.count)% control bytes in the first \(sample.count) bytes)"
        }
        return nil
    }

    // MARK: Decoding

    static func decode(_ bytes: [UInt8], as charset: Charset) -> String? {
        switch charset {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .utf16LE, .utf16BE:
            guard bytes.count >= 2 else { return "" }
            let units = stride(from: 0, to: bytes.count - 1, by: 2).map { i -> UInt16 in
                charset == .utf16LE ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                                    : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            }
            return String(decoding: units, as: UTF16.self)
        case .windows1252:
            return windows1252(bytes)
        case .foundation(_, let encoding):
            return String(data: Data(bytes), encoding: encoding)
        case .iconv(let name):
            return iconvDecode(bytes, from: name)
        }
    }

    /// Windows-1252 by table: exact, fast, and the same on every platform.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt16] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
                              0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C,
                              0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
                              0x017E, 0x0178]
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? UInt32(high[Int(b) - 0x80]) : UInt32(b)
            scalars.append(Unicode.Scalar(v)!)
        }
        return String(scalars)
    }

    /// Charsets Foundation does not cover on every platform (KOI8-R, GBK, Big5, EUC-KR, ...).
    static func iconvDecode(_ bytes: [UInt8], from name: String) -> String? {
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return result != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        output.removeSubrange(produced...)
        return String(decoding: output, as: UTF8.self)
    }
}

/// A charset this decoder knows how to decode.
enum Charset: Sendable, Equatable {
    case utf8, utf16LE, utf16BE, windows1252
    case foundation(String, String.Encoding)
    case iconv(String)

    var name: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16LE: "utf-16le"
        case .utf16BE: "utf-16be"
        case .windows1252: "windows-1252"
        case .foundation(let n, _), .iconv(let n): n
        }
    }
    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }
    var isSingleByte: Bool {
        switch self {
        case .windows1252, .foundation: true
        case .iconv(let n): n.hasPrefix("iso-8859") || n.hasPrefix("windows-125") || n.hasPrefix("koi8")
        default: false
        }
    }

    /// Maps a charset label (WHATWG names and common aliases) to a decoder; nil when unknown.
    init?(label raw: String) {
        let label = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased().replacingOccurrences(of: "_", with: "-")
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "utf-16le", "utf-16", "unicode", "ucs-2": self = .utf16LE
        case "utf-16be": self = .utf16BE
        // WHATWG: Latin-1 and ASCII labels mean Windows-1252 on the web.
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "iso-ir-100",
             "us-ascii", "ascii", "ansi-x3.4-1968":
            self = .windows1252
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9": self = .iconv("iso-8859-15")
        case "iso-8859-2", "iso8859-2", "latin2", "l2": self = .foundation("iso-8859-2", .isoLatin2)
        case "windows-1250", "cp1250", "x-cp1250": self = .foundation("windows-1250", .windowsCP1250)
        case "windows-1251", "cp1251", "x-cp1251": self = .foundation("windows-1251", .windowsCP1251)
        case "windows-1253", "cp1253": self = .foundation("windows-1253", .windowsCP1253)
        case "windows-1254", "cp1254", "iso-8859-9", "latin5": self = .foundation("windows-1254", .windowsCP1254)
        case "shift-jis", "shift_jis", "sjis", "x-sjis", "ms-kanji", "windows-31j": self = .iconv("shift_jis")
        case "euc-jp": self = .iconv("euc-jp")
        case "iso-2022-jp": self = .iconv("iso-2022-jp")
        case "gb2312", "gbk", "gb18030", "x-gbk", "chinese": self = .iconv("gb18030")
        case "big5", "big5-hkscs": self = .iconv("big5")
        case "euc-kr", "ks-c-5601-1987", "windows-949": self = .iconv("euc-kr")
        case "koi8-r", "koi8": self = .iconv("koi8-r")
        case "koi8-u": self = .iconv("koi8-u")
        default:
            if label.hasPrefix("iso-8859-") || label.hasPrefix("windows-125") {
                self = .iconv(label)
            } else {
                return nil
            }
        }
    }

    static func == (a: Charset, b: Charset) -> Bool { a.name == b.name }
}

/// One pass over the bytes: is it valid UTF-8, and how much of it looks like UTF-8.
struct UTF8Validation: Sendable {
    var isValid = true
    var multiByteSequences = 0
    var invalidBytes = 0

    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { UTF8Validation(buffer: $0) }
    }

    private init(buffer b: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = b.count
        let raw = UnsafeRawPointer(b.baseAddress)
        while i < n {
            // Eight ASCII bytes at a time.
            if let raw {
                while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                if i >= n { break }
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var len = 0
            if c >= 0xC2 && c <= 0xDF { len = 2 } else if c >= 0xE0 && c <= 0xEF { len = 3 }
            else if c >= 0xF0 && c <= 0xF4 { len = 4 }
            var ok = len > 0 && i + len <= n
            if ok {
                for k in 1..<len where b[i + k] & 0xC0 != 0x80 { ok = false; break }
            }
            if ok && len == 3 {
                if c == 0xE0 && b[i + 1] < 0xA0 { ok = false }
                if c == 0xED && b[i + 1] >= 0xA0 { ok = false }
            }
            if ok && len == 4 {
                if c == 0xF0 && b[i + 1] < 0x90 { ok = false }
                if c == 0xF4 && b[i + 1] >= 0x90 { ok = false }
            }
            if ok { multiByteSequences += 1; i += len } else { isValid = false; invalidBytes += 1; i += 1 }
        }
    }
}
