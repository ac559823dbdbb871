import Foundation

/// Text clean-up shared by the extractor and metadata: what downstream stages count offsets in.
enum TextCleaning {
    /// Collapses whitespace to single spaces, turns NBSP and other Unicode spaces into spaces,
    /// removes soft hyphens and zero-width characters, trims, and applies Unicode NFC.
    /// Quotes and punctuation are kept as written.
    static func clean(_ s: String) -> String {
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
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()); current = String.UnicodeScalarView() }
        }
        for u in s.unicodeScalars {
            if isIdeographic(u.value) {
                flush()
                words.append(String(u))
            } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                current.append(u)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    @inline(__always)
    static func isIdeographic(_ v: UInt32) -> Bool {
        (v >= 0x3040 && v <= 0x30FF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
            || (v >= 0xF900 && v <= 0xFAFF)
    }
}
