import Foundation

/// Text clean-up shared by the extractor and metadata: what downstream stages count offsets in.
enum TextCleaning {
    /// Collapses whitespace to single spaces, turns NBSP and other Unicode spaces into spaces,
    /// removes soft hyphens and zero-width characters, trims, and applies Unicode NFC.
    /// Quotes and punctuation are kept as written.
    static func clean(_ s: String) -> String {
        var s = s
        if let fast = s.withUTF8({ cleanUTF8($0) }) { return fast.text }
        return cleanScalars(s)
    }

    /// ``clean(_:)`` of UTF-8 bytes; `ascii` tells that the result is ASCII (so its character
    /// count is its byte count).
    static func clean(bytes: [UInt8]) -> (text: String, ascii: Bool) {
        if let fast = bytes.withUnsafeBufferPointer({ cleanUTF8($0) }) { return fast }
        let s = cleanScalars(String(decoding: bytes, as: UTF8.self))
        return (s, false)
    }

    /// ``clean(_:)`` working on UTF-8 bytes in one pass; NFC only when a character that NFC
    /// might change is present. Nil when the bytes are not well-formed UTF-8.
    private static func cleanUTF8(_ p: UnsafeBufferPointer<UInt8>) -> (text: String, ascii: Bool)? {
        guard let r = cleanUTF8Counting(p) else { return nil }
        return (r.text, r.ascii)
    }

    /// ``clean(_:)`` of UTF-8 bytes with its length in characters (grapheme clusters) when that
    /// is cheap to know: every character is one scalar that never joins its neighbours.
    static func cleanCounting(bytes: [UInt8]) -> (text: String, chars: Int) {
        if let r = bytes.withUnsafeBufferPointer({ cleanUTF8Counting($0) }) {
            return (r.text, r.simpleScalars >= 0 ? r.simpleScalars : r.text.count)
        }
        let t = cleanScalars(String(decoding: bytes, as: UTF8.self))
        return (t, t.count)
    }

    /// The work of ``cleanUTF8(_:)``; `simpleScalars` is the scalar count of the result when
    /// it equals its character count, -1 otherwise.
    private static func cleanUTF8Counting(_ p: UnsafeBufferPointer<UInt8>)
        -> (text: String, ascii: Bool, simpleScalars: Int)? {
        var ascii = true
        var scalars = 0
        var simple = true
        var needsNFC = false
        var valid = true
        let count = p.count
        if count == 0 { return ("", true, 0) }
        let s = String(unsafeUninitializedCapacity: count) { out -> Int in
            var n = 0
            var pending = false
            var i = 0
            while i < count {
                let c = p[i]
                if c < 0x80 {
                    if c == 0x20 || (c >= 0x09 && c <= 0x0D) { pending = n > 0; i += 1; continue }
                    if pending { out[n] = 0x20; n += 1; pending = false; scalars += 1 }
                    out[n] = c; n += 1; i += 1
                    scalars += 1
                    continue
                }
                let len: Int
                var v: UInt32
                if c >= 0xC2 && c <= 0xDF { len = 2; v = UInt32(c & 0x1F) }
                else if c >= 0xE0 && c <= 0xEF { len = 3; v = UInt32(c & 0x0F) }
                else if c >= 0xF0 && c <= 0xF4 { len = 4; v = UInt32(c & 0x07) }
                else { valid = false; return 0 }
                guard i + len <= count else { valid = false; return 0 }
                for k in 1..<len {
                    let b = p[i + k]
                    guard b & 0xC0 == 0x80 else { valid = false; return 0 }
                    v = v << 6 | UInt32(b & 0x3F)
                }
                if (len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) {
                    valid = false; return 0
                }
                if isInvisible(v) { i += len; continue }
                if isSpace(v) { pending = n > 0; i += len; continue }
                if pending { out[n] = 0x20; n += 1; pending = false; scalars += 1 }
                for k in 0..<len { out[n + k] = p[i + k] }
                n += len
                i += len
                ascii = false
                scalars += 1
                if v >= 0x300 {
                    if !isNFCStable(v) { needsNFC = true; simple = false }
                    else if v >= 0x1F300 || v == 0xFF9E || v == 0xFF9F { simple = false }
                }
            }
            return n
        }
        guard valid else { return nil }
        return (needsNFC ? s.precomposedStringWithCanonicalMapping : s, ascii, simple ? scalars : -1)
    }

    /// Characters that NFC never changes and that never combine with a neighbour (no canonical
    /// decomposition other than their own composed form, combining class 0, not the second
    /// part of a composition): common punctuation, Cyrillic, kana, CJK, Hangul syllables,
    /// full-width forms, symbols and emoji. Text made of these (and ASCII/Latin-1) is already NFC.
    @inline(__always)
    static func isNFCStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x0400...0x0482, 0x048A...0x04FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF,
             0x2190...0x21FF, 0x2500...0x27BF, 0x3001...0x3029, 0x3030...0x303F, 0x3041...0x3096,
             0x309B...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFFEF, 0x1F300...0x1FAFF,
             0x1E00...0x1E99, 0x1EA0...0x1EFF:
            return true
        default:
            return false
        }
    }

    /// Length in characters of ``clean(_:)`` of the bytes, without building it when ASCII.
    static func cleanedCount(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        var pending = false
        for c in p {
            if c >= 0x80 {
                if let r = cleanUTF8Counting(p), r.simpleScalars >= 0 { return r.simpleScalars }
                return clean(String(decoding: p, as: UTF8.self)).count
            }
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                pending = n > 0
                continue
            }
            if pending { n += 1; pending = false }
            n += 1
        }
        return n
    }

    /// Whether the UTF-8 bytes hold a scalar that is not a space.
    static func hasNonSpace(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in p {
            if c < 0x80 {
                if !(c == 0x20 || (c >= 0x09 && c <= 0x0D)) { return true }
            } else {
                return String(decoding: p, as: UTF8.self).unicodeScalars.contains { !isSpace($0.value) }
            }
        }
        return false
    }

    /// Commas of any script (`,` `，` `、` `،`) in the text.
    static func commas(_ text: String) -> Int {
        var commas = 0
        var text = text
        text.withUTF8 { p in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c == 0x2C { commas += 1 }
                else if c == 0xEF, i + 2 < n, p[i + 1] == 0xBC, p[i + 2] == 0x8C { commas += 1 }
                else if c == 0xE3, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0x81 { commas += 1 }
                else if c == 0xD8, i + 1 < n, p[i + 1] == 0x8C { commas += 1 }
                i += 1
            }
        }
        return commas
    }

    private static func cleanScalars(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var needsNFC = false
        for u in s.unicodeScalars {
            let v = u.value
            if isInvisible(v) { continue }
            if isSpace(v) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if v >= 0x300 { needsNFC = true }
            out.append(u)
        }
        let result = String(out)
        return needsNFC ? result.precomposedStringWithCanonicalMapping : result
    }

    /// Soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM: they only break
    /// searching and tokenising downstream.
    @inline(__always)
    static func isInvisible(_ v: UInt32) -> Bool {
        v == 0xAD || (v >= 0x200B && v <= 0x200D) || v == 0x2060 || v == 0xFEFF
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Lower-cased words (letters and digits); each Han or kana character is a word of its own,
    /// since those scripts do not separate words with spaces.
    static func words(_ s: String) -> [String] {
        var words: [String] = []
        forEachWord(s) { bytes in words.append(String(decoding: bytes, as: UTF8.self)) }
        return words
    }

    /// FNV-1a hashes of the UTF-8 bytes of ``words(_:)``, without building the words: ASCII
    /// words are hashed as they are read; words with other letters are lower-cased as strings.
    static func wordHashes(_ s: String) -> [UInt64] {
        var s = s
        var hashes: [UInt64] = []
        hashes.reserveCapacity(s.utf8.count / 5)
        s.withUTF8 { p in
            let n = p.count
            var i = 0
            var start = -1  // start of the current word, -1 when none
            var h: UInt64 = 0xcbf29ce484222325
            var ascii = true
            @inline(__always) func flush(_ end: Int) {
                if start < 0 { return }
                if ascii {
                    hashes.append(h)
                } else {
                    var lower = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self).lowercased()
                    var hh: UInt64 = 0xcbf29ce484222325
                    lower.withUTF8 { for b in $0 { hh = (hh ^ UInt64(b)) &* 0x100000001b3 } }
                    hashes.append(hh)
                }
                start = -1
                h = 0xcbf29ce484222325
                ascii = true
            }
            while i < n {
                let c = p[i]
                if c < 0x80 {
                    var l = c
                    if c >= 0x41 && c <= 0x5A { l = c | 0x20 }
                    else if !((c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)) { flush(i); i += 1; continue }
                    if start < 0 { start = i }
                    h = (h ^ UInt64(l)) &* 0x100000001b3
                    i += 1
                    continue
                }
                let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                var v = UInt32(c) & (c >= 0xF0 ? 0x07 : c >= 0xE0 ? 0x0F : 0x1F)
                for k in 1..<len { v = v << 6 | UInt32(p[i + k] & 0x3F) }
                if v >= 0x2000 && v <= 0x206F {
                    flush(i)  // general punctuation: quotes, dashes, spaces
                } else if isIdeographic(v) {
                    flush(i)
                    var hh: UInt64 = 0xcbf29ce484222325
                    for k in 0..<len { hh = (hh ^ UInt64(p[i + k])) &* 0x100000001b3 }
                    hashes.append(hh)
                } else if let u = Unicode.Scalar(v), u.properties.isAlphabetic || u.properties.numericType != nil {
                    if start < 0 { start = i }
                    ascii = false
                } else {
                    flush(i)
                }
                i += len
            }
            flush(n)
        }
        return hashes
    }

    /// Calls `body` with the UTF-8 bytes of each lower-cased word of ``words(_:)``, in order.
    static func forEachWord(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var s = s
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var currentASCII = true
        func flush() {
            guard !current.isEmpty else { return }
            if currentASCII {
                current.withUnsafeBufferPointer(body)
            } else {
                var lower = String(decoding: current, as: UTF8.self).lowercased()
                lower.withUTF8(body)
            }
            current.removeAll(keepingCapacity: true)
            currentASCII = true
        }
        s.withUTF8 { p in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c < 0x80 {
                    if c >= 0x41 && c <= 0x5A { current.append(c | 0x20) }
                    else if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) { current.append(c) }
                    else { flush() }
                    i += 1
                    continue
                }
                // Decode one scalar.
                let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                var v = UInt32(c) & (c >= 0xF0 ? 0x07 : c >= 0xE0 ? 0x0F : 0x1F)
                for k in 1..<len { v = v << 6 | UInt32(p[i + k] & 0x3F) }
                let u = Unicode.Scalar(v)!
                if isIdeographic(v) {
                    flush()
                    body(UnsafeBufferPointer(rebasing: p[i..<(i + len)]))
                } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + len)]))
                    currentASCII = false
                } else {
                    flush()
                }
                i += len
            }
        }
        flush()
    }

    @inline(__always)
    static func isIdeographic(_ v: UInt32) -> Bool {
        (v >= 0x3040 && v <= 0x30FF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
            || (v >= 0xF900 && v <= 0xFAFF)
    }
}
