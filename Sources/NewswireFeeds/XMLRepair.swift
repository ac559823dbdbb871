/// Fixes, before parsing, the mistakes in feeds that make libxml2 drop text even in recover mode:
/// a bare `&` (written for "and"), HTML entities XML does not define (`&nbsp;`, `&eacute;`), and
/// control characters XML forbids, and HTML's empty elements (`<br>`) left unclosed in titles and
/// descriptions, after which libxml2 would lose the rest of the document. CDATA sections, comments and the DOCTYPE are left as they are,
/// and entities the document declares itself are kept.
enum XMLRepair {
    private static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    static func repair(_ input: [UInt8]) -> [UInt8] {
        let declared = declaredEntities(input)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 64)
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == 0x3C, let end = endOfVerbatimSection(input, at: i) {
                out.append(contentsOf: input[i..<end])
                i = end
            } else if c == 0x3C, let end = endOfVoidHTMLTag(input, at: i) {
                appendSelfClosed(input[i..<end], to: &out)
                i = end
            } else if c == 0x26 {
                i = appendReference(input, at: i, declared: declared, to: &out)
            } else if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
                out.append(0x20)
                i += 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// End of a CDATA section, comment or DOCTYPE starting at `i` (the whole rest when unclosed).
    private static func endOfVerbatimSection(_ b: [UInt8], at i: Int) -> Int? {
        guard i + 1 < b.count && b[i + 1] == 0x21 else { return nil }  // "<!"
        let sections: [(open: String, close: String)] = [("<![CDATA[", "]]>"), ("<!--", "-->")]
        for s in sections where starts(b, with: s.open, at: i) {
            return find(b, s.close, from: i + s.open.utf8.count).map { $0 + s.close.utf8.count } ?? b.count
        }
        guard starts(b, with: "<!DOCTYPE", at: i) else { return nil }
        let firstClose = find(b, ">", from: i) ?? b.count
        if let bracket = find(b, "[", from: i), bracket < firstClose {
            return find(b, "]>", from: bracket).map { $0 + 2 } ?? b.count
        }
        return min(firstClose + 1, b.count)
    }

    /// HTML elements that never have content, as they appear unescaped in feed text.
    private static let voidHTMLElements: Set<String> = ["br", "hr", "img", "wbr"]

    /// End of a `<br ...>` style start tag or `</br>` end tag at `i`; nil when there is none.
    private static func endOfVoidHTMLTag(_ b: [UInt8], at i: Int) -> Int? {
        var j = i + 1
        if j < b.count && b[j] == 0x2F { j += 1 }
        let nameStart = j
        while j < b.count && j - nameStart < 4 && ((b[j] | 0x20) >= 0x61 && (b[j] | 0x20) <= 0x7A) { j += 1 }
        let name = String(decoding: b[nameStart..<j].map { $0 | 0x20 }, as: UTF8.self)
        guard voidHTMLElements.contains(name), j < b.count, b[j] == 0x3E || b[j] == 0x2F || b[j] == 0x20
                || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D else { return nil }
        var quote: UInt8?
        while j < b.count {
            if let q = quote { if b[j] == q { quote = nil } } else if b[j] == 0x22 || b[j] == 0x27 { quote = b[j] }
            else if b[j] == 0x3E { return j + 1 }
            else if b[j] == 0x3C { return nil }
            j += 1
        }
        return nil
    }

    /// A void start tag as `<br .../>`; its end tag (`</br>`) is dropped.
    private static func appendSelfClosed(_ tag: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard tag[tag.startIndex + 1] != 0x2F else { return }
        var body = tag.dropLast()  // ">"
        if body.last == 0x2F { body = body.dropLast() }
        out.append(contentsOf: body)
        out.append(contentsOf: [0x2F, 0x3E])
    }

    /// Copies the reference at `i` (an `&`), rewritten so XML accepts it; returns the index after it.
    private static func appendReference(_ b: [UInt8], at i: Int, declared: Set<String>, to out: inout [UInt8]) -> Int {
        var j = i + 1
        if j < b.count && b[j] == 0x23 {  // &#
            j += 1
            let hex = j < b.count && (b[j] | 0x20) == 0x78
            if hex { j += 1 }
            let digitsStart = j
            while j < b.count && (hex ? isHexDigit(b[j]) : isDigit(b[j])) { j += 1 }
            if j > digitsStart && j < b.count && b[j] == 0x3B {
                let digits = String(decoding: b[digitsStart..<j], as: UTF8.self)
                let value = UInt32(digits, radix: hex ? 16 : 10)
                out.append(contentsOf: Array(characterReference(value).utf8))
                return j + 1
            }
        } else {
            while j < b.count && isNameByte(b[j]) { j += 1 }
            if j > i + 1 && j < b.count && b[j] == 0x3B {
                let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                if predefined.contains(name) || declared.contains(name) {
                    out.append(contentsOf: b[i...j])
                } else if let scalar = HTMLEntities.scalar(named: name) {
                    out.append(contentsOf: Array("&#\(scalar.value);".utf8))
                } else {
                    out.append(contentsOf: Array("&amp;".utf8))
                    out.append(contentsOf: b[(i + 1)...j])
                }
                return j + 1
            }
        }
        out.append(contentsOf: Array("&amp;".utf8))  // a bare ampersand
        return i + 1
    }

    /// A character reference XML accepts: characters XML forbids become U+FFFD.
    private static func characterReference(_ value: UInt32?) -> String {
        guard let value, let scalar = Unicode.Scalar(value), isXMLCharacter(scalar) else { return "&#xFFFD;" }
        return "&#\(scalar.value);"
    }

    private static func isXMLCharacter(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s == "\n" || s == "\r" || (s.value >= 0x20 && s.value != 0xFFFE && s.value != 0xFFFF)
    }

    /// Names declared with `<!ENTITY name` in the internal subset.
    private static func declaredEntities(_ b: [UInt8]) -> Set<String> {
        guard let doctype = find(b, "<!DOCTYPE", from: 0), doctype < 4096 else { return [] }
        let end = endOfVerbatimSection(b, at: doctype) ?? b.count
        let subset = String(decoding: b[doctype..<end], as: UTF8.self)
        return Set(subset.components(separatedBy: "<!ENTITY").dropFirst().compactMap { declaration in
            declaration.split(whereSeparator: \.isWhitespace).first { $0 != "%" }.map(String.init)
        })
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) }
    private static func isNameByte(_ c: UInt8) -> Bool {
        isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x2E || c == 0x2D || c == 0x5F
    }

    private static func starts(_ b: [UInt8], with word: String, at i: Int) -> Bool {
        let w = Array(word.utf8)
        return i + w.count <= b.count && b[i..<(i + w.count)].elementsEqual(w)
    }

    private static func find(_ b: [UInt8], _ word: String, from start: Int) -> Int? {
        let w = Array(word.utf8)
        guard let first = w.first, start < b.count else { return nil }
        var i = start
        while i + w.count <= b.count {
            if b[i] == first && b[i..<(i + w.count)].elementsEqual(w) { return i }
            i += 1
        }
        return nil
    }
}
