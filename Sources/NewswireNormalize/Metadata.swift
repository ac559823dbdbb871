import Foundation

/// What a page says about itself: title, byline, dates, canonical URL, site, description, language.
///
/// Every field is taken from evidence on the page, most trusted source first, and is nil when the
/// page does not say: downstream stages treat "absent" as information, so nothing is guessed.
struct PageMetadata: Sendable, Equatable {
    var title: String?
    var byline: String?
    var publishedAt: String?
    var modifiedAt: String?
    var canonicalUrl: String?
    var siteName: String?
    var description: String?
    /// Language declared by the page (ISO 639-1), before any detection on the text.
    var declaredLanguage: String?
    /// JSON-LD `articleBody`, one of the signals the content extractor weighs.
    var articleBody: String?
    /// Text of the first `<h1>`, so the extractor can leave the headline out of the body.
    var headline: String?

    init(document doc: HTMLDocument, pageURL: String) {
        let facts = PageFacts(doc)
        let ld = JSONLDArticle(scripts: facts.jsonLD)
        let meta = facts.meta

        siteName = Self.firstNonEmpty(meta["og:site_name"], ld.publisher, meta["application-name"])
        let rawTitle = Self.firstNonEmpty(meta["og:title"], ld.headline, meta["twitter:title"], facts.h1, facts.title)
        title = rawTitle.map { TitleCleaner.clean($0, siteName: siteName, pageURL: pageURL) }.flatMap(Self.nonEmpty)
        headline = facts.h1

        byline = Self.firstNonEmpty(ld.authors.isEmpty ? nil : ld.authors.joined(separator: ", "),
                                    Self.person(meta["author"]), Self.person(meta["article:author"]),
                                    Self.person(meta["dc.creator"]), Self.person(meta["parsely-author"]),
                                    facts.relAuthor, facts.bylineText, facts.authorText)
            .map(Self.cleanByline).flatMap(Self.nonEmpty)

        let publishedCandidates: [String?] = [
            ld.datePublished, meta["article:published_time"], meta["og:published_time"],
            meta["datepublished"], meta["publishdate"], meta["publish-date"], meta["pubdate"],
            meta["date"], meta["dc.date.issued"], meta["dc.date"], meta["dcterms.created"],
            meta["sailthru.date"], meta["parsely-pub-date"], meta["article.published"],
            facts.timeDatetime, DateNormalizer.dateInURL(pageURL),
        ]
        publishedAt = publishedCandidates.lazy.compactMap { $0.flatMap(DateNormalizer.iso8601) }.first
        let modifiedCandidates: [String?] = [
            ld.dateModified, meta["article:modified_time"], meta["og:updated_time"],
            meta["datemodified"], meta["dcterms.modified"], meta["last-modified"],
        ]
        modifiedAt = modifiedCandidates.lazy.compactMap { $0.flatMap(DateNormalizer.iso8601) }.first

        canonicalUrl = [facts.canonicalLink, meta["og:url"]].lazy.compactMap { $0 }
            .compactMap { Self.resolve($0, against: pageURL) }.first
        description = Self.firstNonEmpty(meta["og:description"], meta["description"], ld.description,
                                         meta["twitter:description"])
        declaredLanguage = [facts.htmlLang, meta["content-language"], meta["language"], meta["dc.language"],
                            ld.inLanguage, meta["og:locale"]]
            .lazy.compactMap { $0.flatMap(LanguageIdentifier.code(fromTag:)) }.first
        articleBody = ld.articleBody
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    private static func firstNonEmpty(_ values: String?...) -> String? {
        for v in values {
            if let v { let c = TextCleaning.clean(v); if !c.isEmpty { return c } }
        }
        return nil
    }

    /// Meta author values are sometimes profile URLs (Facebook pages); those are not names.
    private static func person(_ s: String?) -> String? {
        guard let s, !s.contains("://"), !s.hasPrefix("www.") else { return nil }
        return s
    }

    static func cleanByline(_ raw: String) -> String {
        var s = TextCleaning.clean(raw)
        for prefix in ["by:", "by ", "von ", "par ", "por "] where s.lowercased().hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        s = cutDateline(s)
        if s.count > 120 { return "" }
        return s
    }

    private static let dateWords = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                    "January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December",
                                    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."]

    /// Bylines often run into the date line and page furniture ("Ana Ruiz | November 18, 2019
    /// 12:01 PM Print this article", "Ana Ruiz Published 10:02 AM EST Nov 19", "Jeff
    /// FoustMonday, November 18"): keep the names, drop the rest.
    static func cutDateline(_ byline: String) -> String {
        var s = byline
        for marker in [" published", " updated", " posted", " print this article", " last modified"] {
            if let r = s.range(of: marker, options: .caseInsensitive), r.lowerBound > s.startIndex {
                s = String(s[..<r.lowerBound])
            }
        }
        if let bar = s.range(of: " | "), s[bar.upperBound...].contains(where: \.isNumber) {
            s = String(s[..<bar.lowerBound])
        }
        for word in dateWords + dateWords.map { $0.uppercased() } {
            var searchFrom = s.startIndex
            while let r = s.range(of: word, range: searchFrom..<s.endIndex) {
                let rest = s[r.upperBound...].drop(while: { $0 == " " || $0 == "," })
                let glued = r.lowerBound > s.startIndex && s[s.index(before: r.lowerBound)].isLowercase
                let spaced = r.lowerBound > s.startIndex && s[s.index(before: r.lowerBound)] == " "
                // A date word followed by a number ("November 18"), or glued to a name ("FoustMonday").
                if (glued || spaced) && (rest.first?.isNumber == true || (glued && word.count > 4)) {
                    s = String(s[..<r.lowerBound])
                    break
                }
                searchFrom = r.upperBound
            }
        }
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " ,|-–—·").union(.whitespaces))
    }

    /// Resolves a possibly relative URL against the page; only http(s) results count.
    static func resolve(_ href: String, against page: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let base = URL(string: page)
        guard let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return url.absoluteString
    }
}

/// Raw facts gathered from the page in one pass over the flattened tree.
private struct PageFacts {
    /// `<meta>` content by lower-cased `property`, `name`, `itemprop` or `http-equiv`; first wins.
    var meta: [String: String] = [:]
    var jsonLD: [String] = []
    var title: String?
    var h1: String?
    var htmlLang: String?
    var canonicalLink: String?
    var relAuthor: String?
    var bylineText: String?
    var authorText: String?
    var timeDatetime: String?

    init(_ doc: HTMLDocument) {
        let nodes = doc.nodes
        for i in nodes.indices where !nodes[i].isText {
            let tag = nodes[i].tag
            switch tag {
            case Tag.meta:
                guard let content = doc.attribute(i, Attr.content) else { continue }
                for key in [Attr.property, Attr.name, Attr.itemprop, Attr.httpEquiv] {
                    if let k = doc.attribute(i, key)?.lowercased(), !k.isEmpty, meta[k] == nil { meta[k] = content }
                }
            case Tag.link:
                let rel = doc.attribute(i, Attr.rel)?.lowercased() ?? ""
                if canonicalLink == nil, rel.split(separator: " ").contains("canonical") {
                    canonicalLink = doc.attribute(i, Attr.href)
                }
            case Tag.script:
                if let r = doc.attrRange(i, Attr.type), containsLower(doc, r, "ld+json") {
                    jsonLD.append(doc.text(of: i))
                }
            case Tag.title:
                if title == nil { title = doc.text(of: i) }
            case Tag.h1:
                if h1 == nil { let t = TextCleaning.clean(doc.text(of: i)); if !t.isEmpty { h1 = t } }
            case Tag.html:
                if htmlLang == nil { htmlLang = doc.attribute(i, Attr.lang) ?? doc.attribute(i, Attr.xmlLang) }
            case Tag.time:
                if timeDatetime == nil { timeDatetime = doc.attribute(i, Attr.datetime) }
            default:
                break
            }
            if relAuthor == nil, tag == Tag.a, let r = doc.attrRange(i, Attr.rel), r.count == 6,
               Boilerplate.containsLowered(doc.bytes[r], "author") {
                let t = TextCleaning.clean(doc.text(of: i))
                if (2...80).contains(t.count) { relAuthor = t }
            }
            if bylineText == nil, tag != Tag.meta, tag != Tag.a, tag != Tag.link, nodes[i].count > 0 {
                let byClass = doc.attrRange(i, Attr.cls).map { containsLower(doc, $0, "byline") } ?? false
                let byID = doc.attrRange(i, Attr.id).map { containsLower(doc, $0, "byline") } ?? false
                if byClass || byID || doc.attribute(i, Attr.itemprop) == "author" {
                    let t = TextCleaning.clean(doc.text(of: i))
                    if (2...100).contains(t.count) { bylineText = t }
                }
            }
            // Weaker: an "author" element (not a comment's) whose text reads "By …".
            if authorText == nil, bylineText == nil, tag != Tag.meta, tag != Tag.link, nodes[i].count > 0,
               let r = doc.attrRange(i, Attr.cls), containsLower(doc, r, "author"), !containsLower(doc, r, "comment") {
                let t = TextCleaning.clean(doc.text(of: i))
                if (5...100).contains(t.count), t.lowercased().hasPrefix("by ") { authorText = t }
            }
        }
    }

    /// `value.lowercased().contains(word)` for an ASCII word, without building a string when
    /// the value is ASCII.
    private func containsLower(_ doc: HTMLDocument, _ r: Range<Int>, _ word: StaticString) -> Bool {
        let value = doc.bytes[r]
        guard value.contains(where: { $0 >= 0x80 }) else { return Boilerplate.containsLowered(value, word) }
        return doc.string(r).lowercased().contains(word.description)
    }
}

/// The article object of a page's JSON-LD (schema.org), if it has one.
struct JSONLDArticle: Sendable {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var dateModified: String?
    var publisher: String?
    var description: String?
    var articleBody: String?
    var inLanguage: String?

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
        "techarticle", "scholarlyarticle", "socialmediaposting", "webpage", "medicalwebpage",
    ]

    init(scripts: [String]) {
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let data = Optional(Self.repairedData(script)),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            // Iterative walk: JSON-LD nests objects in arrays and @graph.
            var stack: [Any] = [json]
            while let item = stack.popLast() {
                if let array = item as? [Any] { stack.append(contentsOf: array.reversed()) }
                if let dict = item as? [String: Any] {
                    objects.append(dict)
                    if let graph = dict["@graph"] { stack.append(graph) }
                    if let main = dict["mainEntity"] { stack.append(main) }
                }
            }
        }
        func types(_ o: [String: Any]) -> [String] {
            if let t = o["@type"] as? String { return [t.lowercased()] }
            if let t = o["@type"] as? [Any] { return t.compactMap { ($0 as? String)?.lowercased() } }
            return []
        }
        // Prefer a real article type over WebPage, and one with a body or headline.
        let candidates = objects.filter { !Set(types($0)).isDisjoint(with: Self.articleTypes) }
        let ranked = candidates.sorted { a, b in rank(a) > rank(b) }
        func rank(_ o: [String: Any]) -> Int {
            var r = 0
            if !types(o).allSatisfy({ $0.hasSuffix("webpage") }) { r += 4 }
            if o["articleBody"] != nil { r += 2 }
            if o["headline"] != nil { r += 1 }
            return r
        }
        guard let article = ranked.first else {
            // Publisher-only JSON-LD (an Organization) still names the site.
            publisher = objects.first { types($0).contains("organization") || types($0).contains("newsmediaorganization") }
                .flatMap { $0["name"] as? String }
            return
        }
        headline = Self.string(article["headline"]) ?? Self.string(article["name"])
        authors = Self.names(article["author"]) + Self.names(article["creator"]).filter { _ in article["author"] == nil }
        datePublished = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        dateModified = Self.string(article["dateModified"])
        publisher = Self.names(article["publisher"]).first
        description = Self.string(article["description"])
        articleBody = Self.string(article["articleBody"])
        if let lang = article["inLanguage"] {
            inLanguage = Self.string(lang) ?? (lang as? [String: Any]).flatMap { Self.string($0["alternateName"]) }
        }
    }

    private static func string(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let a = v as? [Any], let s = a.first as? String { return s }
        return nil
    }

    /// Names from a string, an object with `name`, or an array of those. URLs are not names.
    private static func names(_ v: Any?) -> [String] {
        var out: [String] = []
        var stack: [Any] = v.map { [$0] } ?? []
        while let item = stack.popLast(), out.count < 10 {
            if let s = item as? String { if !s.contains("://") { out.append(s) } }
            if let a = item as? [Any] { stack.append(contentsOf: a.reversed()) }
            if let d = item as? [String: Any], let n = d["name"] { stack.append(n) }
        }
        var seen = Set<String>()
        return out.map { TextCleaning.clean($0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Pages often put raw newlines and tabs inside JSON strings, which strict JSON forbids.
    /// Escapes control characters inside strings so the rest of the object can still be read.
    static func repairControlCharacters(_ s: String) -> String {
        String(decoding: repairedData(s), as: UTF8.self)
    }

    /// ``repairControlCharacters(_:)`` as UTF-8 data, working on bytes (every byte it looks at
    /// is ASCII, so multi-byte characters pass through untouched).
    static func repairedData(_ s: String) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 16)
        var inString = false, escaped = false
        for b in s.utf8 {
            if inString {
                if escaped { escaped = false }
                else if b == 0x5C { escaped = true }
                else if b == 0x22 { inString = false }
                else if b < 0x20 {
                    if b == 0x0A { out.append(0x5C); out.append(0x6E) }
                    else if b == 0x09 { out.append(0x5C); out.append(0x74) }
                    else { out.append(0x20) }
                    continue
                }
            } else if b == 0x22 {
                inString = true
            }
            out.append(b)
        }
        // Some pages wrap JSON-LD in HTML comments or CDATA markers.
        out = removing(Array("<!--".utf8), from: out)
        out = removing(Array("-->".utf8), from: out)
        return Data(out)
    }

    /// Removes every non-overlapping occurrence of `needle`, left to right.
    private static func removing(_ needle: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        let m = needle.count
        guard bytes.count >= m else { return bytes }
        var out = [UInt8]()
        var i = 0
        var copied = 0
        let n = bytes.count
        while i + m <= n {
            if bytes[i] == needle[0] && bytes[i..<(i + m)].elementsEqual(needle) {
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: bytes[copied..<i])
                i += m
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return bytes }
        out.append(contentsOf: bytes[copied...])
        return out
    }
}

/// Removes the outlet's name from a page title: "Storm hits coast | Daily Planet" → "Storm hits coast".
enum TitleCleaner {
    private static func containsBytes(_ s: String, _ sep: String) -> Bool {
        let a = Array(s.utf8), b = Array(sep.utf8)
        return b.withUnsafeBufferPointer { Boilerplate.contains(a[...], $0) }
    }

    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / "]

    static func clean(_ raw: String, siteName: String?, pageURL: String) -> String {
        let title = TextCleaning.clean(raw)
        let host = URL(string: pageURL)?.host?.lowercased().replacingOccurrences(of: "www.", with: "") ?? ""
        let site = siteName.map { TextCleaning.clean($0).lowercased() }
        func isSiteName(_ part: String) -> Bool {
            let p = part.lowercased()
            if let site, !site.isEmpty, p == site || p.hasPrefix(site) || site.hasPrefix(p) { return true }
            let compact = p.filter { $0.isLetter || $0.isNumber }
            return compact.count >= 3 && host.replacingOccurrences(of: ".", with: "").contains(compact)
        }
        // Separators the title does not contain at all are skipped without a search.
        let present = separators.filter { sep in title.utf8.count >= sep.utf8.count && containsBytes(title, sep) }
        for sep in present {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
            if isSiteName(tail) && !head.isEmpty { return clean(head, siteName: siteName, pageURL: pageURL) }
            // A short last part after " | " is almost always the outlet or section name.
            if sep == " | " && tail.split(separator: " ").count <= 4 && head.count >= tail.count { return head }
        }
        for sep in present {
            guard let r = title.range(of: sep) else { continue }
            let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
            if isSiteName(head) && !tail.isEmpty { return tail }
        }
        return title
    }
}
