/// Turns the HTML that feeds put in titles and summaries into the plain text the pipeline stores.
public enum PlainText {
    /// Strips tags (dropping script and style contents), decodes every character reference
    /// (named, decimal, hex) and collapses whitespace. Text escaped twice (`&amp;lt;b&amp;gt;`)
    /// is unwrapped again, because feeds that double-escape are far more common than titles
    /// meant to show a literal tag.
    public static func fromHTML(_ text: String) -> String {
        var current = text
        for _ in 0..<3 {
            let decoded = strippingTagsAndDecoding(current)
            if !containsMarkup(decoded) { return collapsingWhitespace(decoded) }
            current = decoded
        }
        return collapsingWhitespace(current)
    }

    /// Collapses runs of whitespace (no-break spaces included) to one space and trims the ends.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Elements that separate words when they are removed.
    private static let breaking: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "th", "table", "blockquote", "pre", "section", "article", "header", "footer", "figure", "figcaption",
        "hr", "img", "aside", "nav", "address", "caption", "tbody", "thead",
    ]
    private static let rawText: Set<String> = ["script", "style"]

    static func strippingTagsAndDecoding(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "<", let tag = Tag.read(s, at: i) {
                if breaking.contains(tag.name) { out.append(" ") }
                i = rawText.contains(tag.name) && !tag.isClosing ? Tag.endOfRawText(s, name: tag.name, from: tag.end) : tag.end
            } else if s[i] == "&", let (scalars, end) = CharacterReference.read(s, at: i) {
                out.append(contentsOf: scalars)
                i = end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Whether decoding produced something that is again a tag or a character reference.
    static func containsMarkup(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        for i in s.indices {
            if s[i] == "<", Tag.read(s, at: i) != nil { return true }
            if s[i] == "&", CharacterReference.read(s, at: i) != nil { return true }
        }
        return false
    }
}

/// A tag (or comment, doctype, processing instruction) in HTML text.
private struct Tag {
    var name: String
    var isClosing: Bool
    /// Index after the closing `>`.
    var end: Int

    /// The tag starting at `i`, or nil when the `<` there is just text ("a < b").
    static func read(_ s: [Unicode.Scalar], at i: Int) -> Tag? {
        guard i + 1 < s.count else { return nil }
        if s[i + 1] == "!" || s[i + 1] == "?" { return comment(s, at: i) }
        let closing = s[i + 1] == "/"
        var j = i + (closing ? 2 : 1)
        guard j < s.count, s[j].properties.isAlphabetic, s[j].isASCII else { return nil }
        var name = String.UnicodeScalarView()
        while j < s.count && (s[j].properties.isAlphabetic || ("0"..."9").contains(s[j])) && s[j].isASCII {
            name.append(s[j])
            j += 1
        }
        guard let end = endOfTag(s, from: j) else { return nil }
        return Tag(name: String(name).lowercased(), isClosing: closing, end: end)
    }

    private static func comment(_ s: [Unicode.Scalar], at i: Int) -> Tag? {
        let isComment = i + 3 < s.count && s[i + 2] == "-" && s[i + 3] == "-"
        var j = i + 2
        while j < s.count {
            if s[j] == ">" && (!isComment || (j >= i + 6 && s[j - 1] == "-" && s[j - 2] == "-")) {
                return Tag(name: "!", isClosing: false, end: j + 1)
            }
            j += 1
        }
        return Tag(name: "!", isClosing: false, end: s.count)  // unclosed: the rest is inside it
    }

    /// Index after the `>` that ends a tag, skipping quoted attribute values; a tag cut off at
    /// the end of the text ends there.
    private static func endOfTag(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var j = start
        while j < s.count {
            let c = s[j]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" {
                return j + 1
            }
            j += 1
        }
        return s.count
    }

    /// Index of the `</name` that ends a script or style element (or the end of the text).
    static func endOfRawText(_ s: [Unicode.Scalar], name: String, from start: Int) -> Int {
        let closing = Array(("</" + name).unicodeScalars)
        var j = start
        while j + closing.count <= s.count {
            if s[j] == "<" && String(String.UnicodeScalarView(s[j..<(j + closing.count)])).lowercased() == "</" + name {
                return j
            }
            j += 1
        }
        return s.count
    }
}

/// `&name;`, `&#123;` and `&#x7B;` in HTML text.
enum CharacterReference {
    /// Names browsers also accept without the semicolon, the ones feeds actually write that way.
    private static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// The characters of the reference at `i` and the index after it; nil when it is not one.
    static func read(_ s: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        guard i + 1 < s.count else { return nil }
        return s[i + 1] == "#" ? numeric(s, at: i) : named(s, at: i)
    }

    private static func numeric(_ s: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        var j = i + 2
        let hex = j < s.count && (s[j] == "x" || s[j] == "X")
        if hex { j += 1 }
        let start = j
        while j < s.count && s[j].isASCII && (hex ? s[j].properties.isASCIIHexDigit : ("0"..."9").contains(s[j])) {
            j += 1
        }
        guard j > start, j - start <= 8 else { return nil }
        let value = UInt32(String(String.UnicodeScalarView(s[start..<j])), radix: hex ? 16 : 10) ?? 0
        let end = j < s.count && s[j] == ";" ? j + 1 : j
        return ([scalar(forCodePoint: value)], end)
    }

    /// As browsers do: 0x80–0x9F are Windows-1252 characters; 0, surrogates and values past
    /// Unicode become U+FFFD.
    private static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value) { return TextDecoding.windows1252Scalar(UInt8(value)) }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func named(_ s: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        var j = i + 1
        while j < s.count && s[j].isASCII && (s[j].properties.isAlphabetic || ("0"..."9").contains(s[j])) && j - i < 40 {
            j += 1
        }
        guard j > i + 1 else { return nil }
        let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        if j < s.count && s[j] == ";", let scalar = HTMLEntities.scalar(named: name) { return ([scalar], j + 1) }
        guard legacyWithoutSemicolon.contains(name), let scalar = HTMLEntities.scalar(named: name) else { return nil }
        return ([scalar], j)
    }
}
