import Foundation

/// Evidence from tags, class names, ids and roles about whether an element holds article text.
///
/// Class and id names are the author's own labels for page parts ("related-stories",
/// "article-body"), the strongest cheap signal there is. A name counts as negative when any part
/// of it names boilerplate, even if another part sounds like content ("article-comments",
/// "related-content"): the qualifier wins.
enum Boilerplate {
    /// Elements never part of the article text, whatever their class.
    static let removedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math",
        "nav", "aside", "footer", "button", "select", "input", "textarea", "option", "label",
        "figure", "figcaption", "picture", "video", "audio", "map", "dialog", "head",
    ]

    /// Negative words, matched anywhere inside a class or id token.
    private static let negativeSubstrings = [
        "comment", "related", "share", "sharing", "social", "promo", "newsletter", "cookie", "sidebar",
        "footer", "advert", "subscri", "mostread", "most-read", "most_read", "popular", "trending",
        "recommend", "outbrain", "taboola", "breadcrumb", "signup", "sign-up", "sponsor", "navigation",
        "navbar", "caption", "byline", "disqus", "widget", "banner", "toolbar", "readmore", "read-more",
        "more-stories", "dropdown", "pagination", "tooltip", "authorbio", "author-bio", "timestamp",
        "credit", "login", "taglist", "tag-list", "keyword", "rating", "donate", "slideshow", "carousel",
        "gallery", "follow-us", "newsfeed", "skip-link", "skiplink", "print-only", "visually-hidden",
        "screen-reader", "sr-only", "gdpr", "consent", "paid-content", "next-article", "prev-article",
        "dateline", "publish-date", "pubdate", "meta-data",
    ]
    /// Negative words that must be a whole part of a token ("ad" in "top-ad", not in "head").
    private static let negativeParts: Set<String> = [
        "ad", "ads", "adv", "dfp", "gpt", "nav", "tag", "tags", "bio", "meta", "hidden", "hide", "print",
        "date", "time", "author", "topics", "foot", "aside", "extra", "sr", "promo", "share", "social",
        "related", "more", "subnav", "btn", "button", "icon", "logo", "search", "nocontent", "rail", "tools",
        "teaser", "header", "menu", "pager", "modal", "popup", "overlay", "masthead",
    ]
    private static let positiveSubstrings = [
        "article", "story", "content", "body", "entry", "post", "text", "main", "blog", "prose",
    ]

    struct Evidence: Equatable {
        var negative = false
        var positive = false
        /// Readability-style weight: +25 for content names, -25 for boilerplate names.
        var weight: Double { (positive ? 25 : 0) - (negative ? 25 : 0) }
        /// Strong enough to drop the element before scoring.
        var isBoilerplate: Bool { negative && !positive }
    }

    /// Evidence of element `i` from its class, id, role and itemprop attributes.
    static func evidence(of i: Int, in doc: HTMLDocument, cache: inout [UInt64: UInt8]) -> Evidence {
        var e = Evidence()
        let node = doc.nodes[i]
        var k = Int(node.start)
        let end = k + Int(node.count)
        while k < end {
            let a = doc.attrs[k]
            k += 1
            let r = Int(a.start)..<(Int(a.start) + Int(a.count))
            switch a.name {
            case Attr.cls, Attr.id:
                // Class and id values repeat across a page: classify each distinct value once.
                var h: UInt64 = 0xcbf29ce484222325
                for b in doc.bytes[r] { h = (h ^ UInt64(b)) &* 0x100000001b3 }
                h = (h ^ UInt64(a.count)) &* 0x100000001b3
                let bits: UInt8
                if let cached = cache[h] { bits = cached } else {
                    var v = Evidence()
                    classifyValue(doc.bytes[r], into: &v, cache: &cache)
                    bits = (v.negative ? 1 : 0) | (v.positive ? 2 : 0)
                    cache[h] = bits
                }
                if bits & 1 != 0 { e.negative = true }
                if bits & 2 != 0 { e.positive = true }
            case Attr.role:
                let role = lowerASCII(doc.bytes[r]) ?? Array(doc.string(r).lowercased().utf8)
                if negativeRoles.contains(where: { $0 == role }) { e.negative = true }
                if role == Array("main".utf8) || role == Array("article".utf8) { e.positive = true }
            case Attr.itemprop:
                if let v = lowerASCII(doc.bytes[r]) {
                    if contains(v[...], "articlebody") { e.positive = true }
                } else if doc.string(r).lowercased().contains("articlebody") {
                    e.positive = true
                }
            default:
                break
            }
        }
        return e
    }

    private static let negativeRoles: [[UInt8]] = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog",
        "alert", "search", "toolbar", "tablist",
    ].map { Array($0.utf8) }

    /// ASCII lower-casing; nil when the bytes are not all ASCII.
    @inline(__always)
    static func lowerASCII(_ s: ArraySlice<UInt8>) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(s.count)
        for c in s {
            if c >= 0x80 { return nil }
            out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
        return out
    }

    /// Whether the ASCII-lower-cased bytes contain a lower-case ASCII word.
    static func containsLowered(_ hay: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        let w = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let m = w.count
        guard hay.count >= m else { return false }
        var i = hay.startIndex
        while i <= hay.endIndex - m {
            var k = 0
            while k < m {
                var c = hay[i + k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != w[k] { break }
                k += 1
            }
            if k == m { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    static func contains(_ hay: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        let w = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return contains(hay, w)
    }

    static func contains(_ hay: ArraySlice<UInt8>, _ w: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = w.count
        guard m > 0, hay.count >= m else { return m == 0 }
        let first = w[0]
        var i = hay.startIndex
        let last = hay.endIndex - m
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < m && hay[i + k] == w[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }

    private static func classifyValue(_ value: ArraySlice<UInt8>, into e: inout Evidence,
                                      cache: inout [UInt64: UInt8]) {
        guard let lower = lowerASCII(value) else {
            // Non-ASCII names: Unicode lower-casing and letter classes, as written.
            for token in String(decoding: value, as: UTF8.self).lowercased()
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                classify(token, into: &e)
            }
            return
        }
        var i = 0
        let n = lower.count
        while i < n {
            while i < n && (lower[i] == 0x20 || lower[i] == 0x09 || lower[i] == 0x0A) { i += 1 }
            let s = i
            while i < n && !(lower[i] == 0x20 || lower[i] == 0x09 || lower[i] == 0x0A) { i += 1 }
            guard i > s else { continue }
            // Tokens repeat across values ("btn btn-primary", "btn btn-link"): classify each once.
            var h: UInt64 = 0x84222325cbf29ce4
            for k in s..<i { h = (h ^ UInt64(lower[k])) &* 0x100000001b3 }
            h = (h ^ UInt64(i - s) ^ 0x7f) &* 0x100000001b3
            let bits: UInt8
            if let cached = cache[h] { bits = cached } else {
                var t = Evidence()
                classifyASCII(lower[s..<i], into: &t)
                bits = (t.negative ? 1 : 0) | (t.positive ? 2 : 0)
                cache[h] = bits
            }
            if bits & 1 != 0 { e.negative = true }
            if bits & 2 != 0 { e.positive = true }
        }
    }

    /// Words by their first byte, so a token is scanned once instead of once per word.
    private static func buckets(_ words: [String]) -> [[[UInt8]]] {
        var table = [[[UInt8]]](repeating: [], count: 128)
        for w in words { let b = Array(w.utf8); table[Int(b[0])].append(b) }
        return table
    }
    private static let negativeBuckets = buckets(negativeSubstrings)
    private static let positiveBuckets = buckets(positiveSubstrings)
    private static let negativePartsByLength: [[[UInt8]]] = {
        var t = [[[UInt8]]](repeating: [], count: 16)
        for w in negativeParts { t[w.utf8.count].append(Array(w.utf8)) }
        return t
    }()
    private static let commentary = Array("commentary".utf8)
    private static let comment = Array("comment".utf8)

    /// Whether any word of `table` occurs in the token; `skipComment` leaves out "comment" when
    /// the token says "commentary".
    private static func containsAny(_ token: ArraySlice<UInt8>, _ table: [[[UInt8]]], skipComment: Bool) -> Bool {
        let flat = skipComment ? negativeFlat : positiveFlat
        return token.withUnsafeBufferPointer { t in flat.contains(t, skipComment: skipComment) }
    }

    /// Words in one byte array, indexed by first byte: a token is scanned once for all of them.
    struct FlatWords {
        var bytes: [UInt8] = []
        /// Per first byte: (start, end) into `entries`.
        var index = [(Int, Int)](repeating: (0, 0), count: 128)
        /// (offset, length) of each word in `bytes`.
        var entries: [(Int, Int)] = []

        init(_ words: [String]) {
            var byFirst = [[String]](repeating: [], count: 128)
            for w in words { byFirst[Int(w.utf8.first!)].append(w) }
            for c in 0..<128 {
                let start = entries.count
                for w in byFirst[c] { entries.append((bytes.count, w.utf8.count)); bytes.append(contentsOf: w.utf8) }
                index[c] = (start, entries.count)
            }
        }

        func contains(_ t: UnsafeBufferPointer<UInt8>, skipComment: Bool) -> Bool {
            bytes.withUnsafeBufferPointer { b in
                entries.withUnsafeBufferPointer { e in
                    index.withUnsafeBufferPointer { idx in
                        let n = t.count
                        for i in 0..<n {
                            let c = t[i]
                            guard c < 0x80 else { continue }
                            let (s, end) = idx[Int(c)]
                            var k = s
                            while k < end {
                                let (off, len) = e[k]
                                k += 1
                                guard i + len <= n else { continue }
                                var m = 1
                                while m < len && t[i + m] == b[off + m] { m += 1 }
                                guard m == len else { continue }
                                if skipComment && len == 7 && b[off + 1] == 0x6F && b[off + 2] == 0x6D
                                    && Boilerplate.contains(ArraySlice(t), "commentary") { continue }
                                return true
                            }
                        }
                        return false
                    }
                }
            }
        }
    }
    private static let negativeFlat = FlatWords(negativeSubstrings)
    private static let positiveFlat = FlatWords(positiveSubstrings)

    /// ``classify(_:into:)`` for a lower-case ASCII token.
    private static func classifyASCII(_ token: ArraySlice<UInt8>, into e: inout Evidence) {
        var negative = containsAny(token, negativeBuckets, skipComment: true)
        if !negative {
            var i = token.startIndex
            parts: while i < token.endIndex {
                while i < token.endIndex && !isAlnum(token[i]) { i += 1 }
                let s = i
                while i < token.endIndex && isAlnum(token[i]) { i += 1 }
                let len = i - s
                if len > 0 && len < 16 {
                    for w in negativePartsByLength[len] where token[s..<i].elementsEqual(w) {
                        negative = true
                        break parts
                    }
                }
            }
        }
        if negative { e.negative = true; return }
        if containsAny(token, positiveBuckets, skipComment: false) { e.positive = true }
    }

    @inline(__always) private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A)
    }

    private static func classify(_ token: Substring, into e: inout Evidence) {
        var negative = false
        for word in negativeSubstrings where token.contains(word) {
            // "commentary" is an opinion article, not comments.
            if word == "comment" && token.contains("commentary") { continue }
            negative = true
            break
        }
        if !negative {
            for part in token.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where negativeParts.contains(String(part)) {
                negative = true
                break
            }
        }
        if negative { e.negative = true; return }
        if positiveSubstrings.contains(where: { token.contains($0) }) { e.positive = true }
    }

    /// Hidden by attribute or inline style: never rendered, so never article text.
    static func isHidden(_ i: Int, in doc: HTMLDocument) -> Bool {
        let node = doc.nodes[i]
        var k = Int(node.start)
        let end = k + Int(node.count)
        while k < end {
            let a = doc.attrs[k]
            k += 1
            let r = Int(a.start)..<(Int(a.start) + Int(a.count))
            switch a.name {
            case Attr.hidden: return true
            case Attr.ariaHidden:
                if let v = lowerASCII(doc.bytes[r]) {
                    if v == Array("true".utf8) { return true }
                } else if doc.string(r).lowercased() == "true" { return true }
            case Attr.style:
                if let v = lowerASCII(doc.bytes[r]) {
                    let compact = v.filter { $0 != 0x20 }
                    if contains(compact[...], "display:none") || contains(compact[...], "visibility:hidden") { return true }
                } else {
                    let style = doc.string(r).lowercased().filter { $0 != " " }
                    if style.contains("display:none") || style.contains("visibility:hidden") { return true }
                }
            default: break
            }
        }
        return false
    }

    /// A byline or dateline line ("By Ana Ruiz", "Published 19 Nov 2019 10:05"): metadata that
    /// templates print above the text, not part of it.
    static func isBylineOrDateline(_ text: String) -> Bool {
        guard text.count < 90 else { return false }
        let t = text.lowercased()
        for prefix in ["by ", "by:", "von ", "por ", "par ", "published", "updated", "posted", "last updated",
                       "first published", "written by"] where t.hasPrefix(prefix) {
            return true
        }
        // Mostly a date: a year or a clock time, and few words.
        let words = t.split(separator: " ")
        guard words.count <= 10 else { return false }
        let hasYear = words.contains { w in
            let d = w.filter(\.isNumber)
            return d.count == 4 && (d.hasPrefix("19") || d.hasPrefix("20")) && w.count <= 6
        }
        guard hasYear else { return false }
        return words.count <= 5 || hasClockTime(t)
    }

    /// `\b\d{1,2}[:.]\d{2}\b` (a clock time): by hand for ASCII text, by regex otherwise.
    static func hasClockTime(_ t: String) -> Bool {
        var t = t
        let ascii = t.utf8.allSatisfy { $0 < 0x80 }
        if !ascii {
            // The regex needs a digit, `:` or `.`, and a digit: skip it when no separator has
            // something that may be a digit on both sides (an ASCII digit or a non-ASCII character).
            let maybe = t.withUTF8 { b -> Bool in
                guard b.count >= 3 else { return false }
                for k in 1..<(b.count - 1) where b[k] == 0x3A || b[k] == 0x2E {
                    let before = b[k - 1], after = b[k + 1]
                    if (before >= 0x30 && before <= 0x39) || before >= 0x80,
                       (after >= 0x30 && after <= 0x39) || after >= 0x80 { return true }
                }
                return false
            }
            guard maybe else { return false }
            return t.range(of: #"\b\d{1,2}[:.]\d{2}\b"#, options: .regularExpression) != nil
        }
        return t.withUTF8 { b -> Bool in
            let n = b.count
            @inline(__always) func isDigit(_ i: Int) -> Bool { i >= 0 && i < n && b[i] >= 0x30 && b[i] <= 0x39 }
            @inline(__always) func isWord(_ i: Int) -> Bool {
                guard i >= 0 && i < n else { return false }
                let c = b[i]
                return (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F
            }
            var i = 0
            while i < n {
                if isDigit(i) && !isWord(i - 1) {
                    for len in 1...2 where isDigit(i + len - 1) {
                        let sep = i + len
                        guard sep < n, b[sep] == 0x3A || b[sep] == 0x2E else { continue }
                        if isDigit(sep + 1) && isDigit(sep + 2) && !isWord(sep + 3) { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// Short lines that are page furniture in any template.
    static func isFurniture(_ text: String) -> Bool {
        guard text.count < 60 else { return false }
        let t: String
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lower-case, and trim punctuation (general category P) and spaces/tabs.
            let b = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            func trimmed(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || asciiPunctuation.contains(c) }
            var s = 0, e = b.count
            while s < e && trimmed(b[s]) { s += 1 }
            while e > s && trimmed(b[e - 1]) { e -= 1 }
            t = String(decoding: b[s..<e], as: UTF8.self)
        } else {
            t = text.lowercased().trimmingCharacters(in: furnitureTrim)
        }
        if t.isEmpty { return false }  // separators ("___", "* * *") are part of the text
        if furnitureExact.contains(t) { return true }
        return furniturePrefixes.contains { t.hasPrefix($0) }
    }

    private static let asciiPunctuation: Set<UInt8> = Set(Array("!\"#%&'()*,-./:;?@[\\]_{}".utf8))
    nonisolated(unsafe) private static let furnitureTrim = CharacterSet.punctuationCharacters.union(.whitespaces)
    private static let furnitureExact: Set<String> = [
        "advertisement", "advertising", "ad", "sponsored", "share", "share this", "share this article",
        "share this story", "read more", "continue reading", "related", "related articles", "related stories",
        "more stories", "see also", "comments", "print", "email", "tweet", "facebook", "twitter", "whatsapp",
        "linkedin", "reddit", "pinterest", "copy link", "subscribe", "sign up", "log in", "skip to content",
        "story continues below advertisement", "article continues below", "scroll to continue",
        "recommended", "most read", "most popular", "trending", "loading", "close",
    ]
    private static let furniturePrefixes = [
        "advertisement", "read more:", "related:", "see also:", "click here", "sign up for",
        "subscribe to", "follow us", "getty images", "image copyright", "image caption",
        "photo:", "(photo", "image:", "all rights reserved",
    ]
}
