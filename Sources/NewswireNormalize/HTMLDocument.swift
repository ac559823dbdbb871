import CLibXML2
import Foundation

/// Tag names as small integers: known names have fixed ids (see ``Tag/known``), other names get
/// per-document ids above them. 0 is a text node.
enum Tag {
    static let text: UInt16 = 0
    static let known: [String] = [
        "#text", "html", "head", "body", "title", "meta", "link", "script", "style", "noscript", "template",
        "svg", "math", "canvas", "iframe", "object", "embed", "nav", "aside", "footer", "button", "select",
        "input", "textarea", "option", "label", "figure", "figcaption", "picture", "video", "audio", "map",
        "dialog", "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot",
        "header", "address", "hr", "center", "details", "summary", "fieldset", "caption", "hgroup", "form",
        "legend", "menu", "output", "br", "a", "time", "span",
    ]
    static let ids: [String: UInt16] = {
        var d: [String: UInt16] = [:]
        for (k, n) in known.enumerated() { d[n] = UInt16(k) }
        assert(d["html"] == html && d["a"] == a && d["dt"] == dt && d["br"] == br && d["li"] == li)
        return d
    }()
    static func id(_ name: String) -> UInt16 { ids[name]! }

    // Ids of the tags the code names (indices in `known`; checked by `ids`).
    static let html: UInt16 = 1, head: UInt16 = 2, body: UInt16 = 3, title: UInt16 = 4, meta: UInt16 = 5,
               link: UInt16 = 6, script: UInt16 = 7, style: UInt16 = 8, p: UInt16 = 33, div: UInt16 = 34,
               section: UInt16 = 35, article: UInt16 = 36, main: UInt16 = 37, h1: UInt16 = 38,
               li: UInt16 = 44, br: UInt16 = 72, a: UInt16 = 73, time: UInt16 = 74, form: UInt16 = 68,
               pre: UInt16 = 51, td: UInt16 = 54, th: UInt16 = 55, blockquote: UInt16 = 50,
               address: UInt16 = 60, ol: UInt16 = 46, ul: UInt16 = 45, dl: UInt16 = 47, dd: UInt16 = 49,
               dt: UInt16 = 48

    // Flags per known tag.
    static let fBlock: UInt8 = 1, fParagraph: UInt8 = 2, fHeading: UInt8 = 4, fRemoved: UInt8 = 8, fTextless: UInt8 = 16

    static let flags: [UInt8] = {
        var f = [UInt8](repeating: 0, count: known.count)
        func set(_ names: [String], _ flag: UInt8) { for n in names { f[Int(id(n))] |= flag } }
        set(["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
             "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "figure",
             "header", "footer", "address", "hr", "center", "details", "summary", "fieldset", "caption", "hgroup",
             "body", "html", "form", "aside", "nav", "legend", "menu", "figcaption", "output", "dialog"], fBlock)
        set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "address", "caption",
             "summary", "figcaption", "legend"], fParagraph)
        set(["h1", "h2", "h3", "h4", "h5", "h6"], fHeading)
        set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math",
             "nav", "aside", "footer", "button", "select", "input", "textarea", "option", "label",
             "figure", "figcaption", "picture", "video", "audio", "map", "dialog", "head"], fRemoved)
        set(["style", "noscript", "template", "svg", "math", "canvas"], fTextless)
        return f
    }()

    @inline(__always) static func has(_ tag: UInt16, _ flag: UInt8) -> Bool {
        Int(tag) < flags.count && flags[Int(tag)] & flag != 0
    }
}

/// Attribute names the normalizer reads; other attributes are not kept.
enum Attr {
    static let names: [String] = [
        "class", "id", "role", "itemprop", "hidden", "aria-hidden", "style", "href", "rel", "content", "property",
        "name", "http-equiv", "type", "lang", "xml:lang", "datetime",
    ]
    static let cls: UInt8 = 0, id: UInt8 = 1, role: UInt8 = 2, itemprop: UInt8 = 3, hidden: UInt8 = 4,
               ariaHidden: UInt8 = 5, style: UInt8 = 6, href: UInt8 = 7, rel: UInt8 = 8, content: UInt8 = 9,
               property: UInt8 = 10, name: UInt8 = 11, httpEquiv: UInt8 = 12, type: UInt8 = 13, lang: UInt8 = 14,
               xmlLang: UInt8 = 15, datetime: UInt8 = 16

    /// Id of a NUL-terminated, already lower-cased attribute name (libxml2 lower-cases them).
    static func lookup(_ p: UnsafePointer<UInt8>) -> UInt8? {
        var len = 0
        while p[len] != 0 { len += 1; if len > 12 { return nil } }
        return lookup(UnsafeBufferPointer(start: p, count: len))
    }
    static let utf8Names: [[UInt8]] = names.map { Array($0.utf8) }

    /// Elements whose attributes the normalizer reads beyond the common ones.
    enum Owner { case meta, link, a, script, html, time, other }
    enum Use { case keep, nameOnly, drop }

    /// What the parser needs of an attribute (name as written, any case) on a kind of element:
    /// class, id, role, itemprop, hidden, aria-hidden and style everywhere; the others only
    /// where they are read (`href` of a link only as a flag).
    static func use(_ name: UnsafeBufferPointer<UInt8>, on owner: Owner) -> Use {
        guard let id = lookup(name) else { return .drop }
        switch id {
        case cls, Attr.id, role, itemprop, hidden, ariaHidden, style: return .keep
        case href: return owner == .link ? .keep : owner == .a ? .nameOnly : .drop
        case rel: return owner == .link || owner == .a ? .keep : .drop
        case content, property, Attr.name, httpEquiv: return owner == .meta ? .keep : .drop
        case type: return owner == .script ? .keep : .drop
        case lang, xmlLang: return owner == .html ? .keep : .drop
        case datetime: return owner == .time ? .keep : .drop
        default: return .drop
        }
    }

    static func lookup(_ n: UnsafeBufferPointer<UInt8>) -> UInt8? {
        @inline(__always) func eq(_ word: StaticString) -> Bool {
            let w = word.utf8Start
            for k in 0..<n.count {
                var c = n[k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != w[k] { return false }
            }
            return true
        }
        switch n.count {
        case 2: return eq("id") ? id : nil
        case 3: return eq("rel") ? rel : nil
        case 4: return eq("role") ? role : eq("href") ? href : eq("name") ? name : eq("type") ? type
            : eq("lang") ? lang : nil
        case 5: return eq("class") ? cls : eq("style") ? style : nil
        case 6: return eq("hidden") ? hidden : nil
        case 7: return eq("content") ? content : nil
        case 8: return eq("itemprop") ? itemprop : eq("property") ? property : eq("xml:lang") ? xmlLang
            : eq("datetime") ? datetime : nil
        case 10: return eq("http-equiv") ? httpEquiv : nil
        case 11: return eq("aria-hidden") ? ariaHidden : nil
        default: return nil
        }
    }

    /// Attribute ids by name length.
    private static let candidates: [[UInt8]] = {
        var t = [[UInt8]](repeating: [], count: 12)
        for (k, n) in utf8Names.enumerated() { t[n.count].append(UInt8(k)) }
        return t
    }()

    /// Whether an attribute name as written (any case) is one of ``names``.
    static func isKept(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let len = name.count
        guard len >= 2 && len <= 11 else { return false }
        for n in utf8Names where n.count == len {
            var k = 0
            while k < len {
                var c = name[k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != n[k] { break }
                k += 1
            }
            if k == len { return true }
        }
        return false
    }
}

/// One node of a parsed page: an element or a run of text.
///
/// Nodes live in one array in document order (pre-order), so the subtree of node `i` is exactly
/// the index range `i ..< end`. Everything downstream walks ranges and parent indices instead of
/// recursing, which keeps arbitrarily deep or broken pages safe from stack overflow.
struct DOMNode: Sendable {
    /// Tag id (see ``Tag``); ``Tag/text`` for text.
    var tag: UInt16
    /// Index of the parent element, -1 for the root.
    var parent: Int32
    /// One past the last index of this node's subtree.
    var end: Int32
    /// Text: byte range in ``HTMLDocument/bytes``. Element: range in ``HTMLDocument/attrs``.
    var start: Int32
    var count: Int32

    var isText: Bool { tag == Tag.text }
}

struct AttrValue: Sendable {
    var name: UInt8
    var start: Int32
    var count: Int32
}

/// A page parsed by libxml2's HTML parser into a flat array.
///
/// libxml2 is the parser lxml and trafilatura build on: it recovers from the broken markup real
/// pages contain. Its SAX events build the flat array directly (no libxml2 tree is made), with
/// the same structure libxml2's own tree builder would produce. Script and style contents, which
/// are never used (except JSON-LD), are cut from the input before parsing.
struct HTMLDocument: Sendable {
    var nodes: [DOMNode]
    /// UTF-8 text of text nodes and kept attribute values.
    var bytes: [UInt8]
    var attrs: [AttrValue]

    /// Element nesting kept when flattening. Deeper elements are made transparent (their text is
    /// kept, attached to the deepest kept ancestor), so pathological nesting costs nothing later.
    static let defaultMaxDepth = 256

    @inline(__always) func parent(_ i: Int) -> Int { Int(nodes[i].parent) }
    @inline(__always) func end(_ i: Int) -> Int { Int(nodes[i].end) }
    @inline(__always) func tag(_ i: Int) -> UInt16 { nodes[i].tag }

    /// Byte range of attribute `name` of element `i`, if present.
    func attrRange(_ i: Int, _ name: UInt8) -> Range<Int>? {
        let n = nodes[i]
        var k = Int(n.start)
        let e = k + Int(n.count)
        while k < e {
            let a = attrs[k]
            if a.name == name { return Int(a.start)..<(Int(a.start) + Int(a.count)) }
            k += 1
        }
        return nil
    }

    func attribute(_ i: Int, _ name: UInt8) -> String? {
        guard let r = attrRange(i, name) else { return nil }
        return string(r)
    }

    func string(_ r: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// Concatenated text of the subtree of node `i`, as written (not cleaned).
    func text(of i: Int) -> String {
        var out: [UInt8] = []
        var j = i + 1
        let e = max(i + 1, end(i))
        while j < e {
            let n = nodes[j]
            if n.isText { out.append(contentsOf: bytes[Int(n.start)..<Int(n.start + n.count)]) }
            j += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses UTF-8 HTML. Returns nil only when libxml2 produces no document at all.
    static func parse(utf8 input: [UInt8], baseURL: String?, maxDepth: Int = defaultMaxDepth) -> HTMLDocument? {
        initializeLibXML
        let bytes = RawTextStripper.strip(input)
        guard !bytes.isEmpty else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        // No HTML_PARSE_HUGE: libxml2's default limits on text node size and nesting depth stay on.
        let builder = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: TreeBuilder(maxDepth: maxDepth, estimatedBytes: bytes.count))
        defer { builder.deinitialize(count: 1); builder.deallocate() }
        let parsed: Bool = bytes.withUnsafeBufferPointer { buf -> Bool in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p -> Bool in
                guard let ctxt = htmlCreateMemoryParserCtxt(p, Int32(buf.count)) else { return false }
                defer {
                    if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc); ctxt.pointee.myDoc = nil }
                    htmlFreeParserCtxt(ctxt)
                }
                ctxt.pointee.sax.pointee = saxHandler
                ctxt.pointee.userData = UnsafeMutableRawPointer(builder)
                builder.pointee.parser = ctxt
                _ = htmlCtxtUseOptions(ctxt, options)
                // The bytes are well-formed UTF-8, libxml2's own encoding: no conversion.
                _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(ctxt)
                return true
            }
        }
        guard parsed else { return nil }
        return builder.pointee.finish()
    }
}

/// Builds ``HTMLDocument`` nodes from libxml2's SAX events, mirroring libxml2's SAX2 tree builder
/// (including where it attaches elements that start after the root was closed).
private struct TreeBuilder {
    var nodes: [DOMNode] = []
    var bytes: [UInt8] = []
    var attrs: [AttrValue] = []
    let maxDepth: Int

    /// libxml2's open elements: (kept node index or -1, textless region starts here).
    var stack: [(index: Int32, startsTextless: Bool)] = []
    /// Kept elements still open.
    var open: [Int32] = []
    var textless = 0
    /// Elements started while the subtree is not in the root element (libxml2 puts them elsewhere).
    var ignoredDepth = 0
    var rootClosed = false
    var hasRoot = false
    /// libxml2 attaches late top-level elements to the document's first child: the root element
    /// only if no DTD, comment or PI came first.
    var firstDocChildIsRoot = true
    /// The last node is a text node that the next characters may extend.
    var mergeText = false

    var tagCache: [UnsafeRawPointer: UInt16] = [:]
    /// Direct-mapped front of `tagCache` (libxml2 interns names, so a pointer is a name).
    var recentKeys = [UInt](repeating: 0, count: 64)
    var recentTags = [UInt16](repeating: 0, count: 64)
    var dynamicTags: [String: UInt16] = [:]

    init(maxDepth: Int, estimatedBytes: Int) {
        self.maxDepth = maxDepth
        nodes.reserveCapacity(estimatedBytes / 40 + 64)
        bytes.reserveCapacity(estimatedBytes / 3 + 64)
    }

    mutating func tagID(_ name: UnsafePointer<UInt8>) -> UInt16 {
        let key = UnsafeRawPointer(name)
        let bits = UInt(bitPattern: key)
        let slot = Int((bits >> 3 ^ bits >> 9) & 63)
        if recentKeys[slot] == bits { return recentTags[slot] }
        if let t = tagCache[key] { recentKeys[slot] = bits; recentTags[slot] = t; return t }
        let s = String(cString: name)
        let t: UInt16
        if let k = Tag.ids[s], k != 0 { t = k } else if let d = dynamicTags[s] { t = d } else {
            t = UInt16(Tag.known.count + dynamicTags.count)
            dynamicTags[s] = t
        }
        tagCache[key] = t
        recentKeys[slot] = bits
        recentTags[slot] = t
        return t
    }

    mutating func startElement(_ name: UnsafePointer<UInt8>, _ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        mergeText = false
        if halted { return }
        if ignoredDepth > 0 { ignoredDepth += 1; return }
        // libxml2's tree builder stops the parse when an element would nest deeper than 256
        // open elements (xmlParserMaxDepth, without HTML_PARSE_HUGE): nothing after it is kept.
        if stack.count > 256 {
            halted = true
            if let parser { xmlStopParser(parser) }
            return
        }
        if stack.isEmpty && hasRoot {
            // libxml2: parent = the document's first child; an element there gets the new one as
            // its last child, anything else (DTD, comment) gets it as a sibling outside the root.
            if !firstDocChildIsRoot { ignoredDepth = 1; return }
            open = [0]
            depthOffset = 1
        }
        let tag = tagID(name)
        let depth = stack.count + depthOffset
        var index: Int32 = -1
        if depth < maxDepth || open.isEmpty {
            let attrStart = attrs.count
            if let atts {
                var k = 0
                while let n = atts[k] {
                    let v = atts[k + 1]
                    if let id = Attr.lookup(n) {
                        let start = bytes.count
                        if let v {
                            var len = 0
                            while v[len] != 0 { len += 1 }
                            bytes.append(contentsOf: UnsafeBufferPointer(start: v, count: len))
                        }
                        attrs.append(AttrValue(name: id, start: Int32(start), count: Int32(bytes.count - start)))
                    }
                    k += 2
                }
            }
            index = Int32(nodes.count)
            nodes.append(DOMNode(tag: tag, parent: open.last ?? -1, end: index + 1, start: Int32(attrStart),
                                 count: Int32(attrs.count - attrStart)))
            open.append(index)
        }
        if !hasRoot { hasRoot = true }
        var startsTextless = false
        if textless == 0 {
            var isTextless = Tag.has(tag, Tag.fTextless)
            if !isTextless && tag == Tag.script {
                isTextless = true
                if index >= 0, let r = attrRangeOf(Int(index), Attr.type), Self.containsLDJSON(bytes[r]) {
                    isTextless = false
                } else if index < 0, let atts {
                    isTextless = !Self.typeIsLDJSON(atts)
                }
            }
            if isTextless { textless = 1; startsTextless = true }
        }
        stack.append((index, startsTextless))
    }

    /// The parse was stopped at libxml2's nesting limit.
    var halted = false
    var parser: htmlParserCtxtPtr?
    /// 1 while inside an element attached under the root after the root was closed.
    var depthOffset = 0

    func attrRangeOf(_ i: Int, _ name: UInt8) -> Range<Int>? {
        let n = nodes[i]
        for k in Int(n.start)..<Int(n.start + n.count) where attrs[k].name == name {
            return Int(attrs[k].start)..<Int(attrs[k].start + attrs[k].count)
        }
        return nil
    }

    static func containsLDJSON(_ s: ArraySlice<UInt8>) -> Bool {
        // `lowercased().contains("ld+json")`, ASCII-only needle.
        let needle: [UInt8] = Array("ld+json".utf8)
        if s.count < needle.count { return false }
        if s.contains(where: { $0 >= 0x80 }) {
            return String(decoding: s, as: UTF8.self).lowercased().contains("ld+json")
        }
        var i = s.startIndex
        while i + needle.count <= s.endIndex {
            var ok = true
            for k in 0..<needle.count {
                var c = s[i + k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != needle[k] { ok = false; break }
            }
            if ok { return true }
            i += 1
        }
        return false
    }

    static func typeIsLDJSON(_ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>) -> Bool {
        var k = 0
        while let n = atts[k] {
            if Attr.lookup(n) == Attr.type {
                guard let v = atts[k + 1] else { return false }
                var len = 0
                while v[len] != 0 { len += 1 }
                return containsLDJSON(ArraySlice(UnsafeBufferPointer(start: v, count: len)))
            }
            k += 2
        }
        return false
    }

    mutating func endElement() {
        mergeText = false
        if ignoredDepth > 0 && !halted { ignoredDepth -= 1; return }
        guard let top = stack.popLast() else { return }
        if top.startsTextless { textless = 0 }
        if top.index >= 0 {
            nodes[Int(top.index)].end = Int32(nodes.count)
            open.removeLast()
        }
        if stack.isEmpty {
            // The root (or an element attached under it late) closed.
            if !nodes.isEmpty { nodes[0].end = Int32(nodes.count) }
            open = []
            depthOffset = 0
        }
    }

    mutating func characters(_ p: UnsafePointer<UInt8>, _ len: Int, cdata: Bool) {
        if halted || ignoredDepth > 0 || stack.isEmpty || textless > 0 || open.isEmpty { return }
        if mergeText && !cdata {
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
            nodes[nodes.count - 1].count += Int32(len)
            return
        }
        let start = Int32(bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
        let index = Int32(nodes.count)
        nodes.append(DOMNode(tag: Tag.text, parent: open.last!, end: index + 1, start: start, count: Int32(len)))
        mergeText = !cdata
    }

    /// Comments and processing instructions: nodes that separate text nodes; at document level
    /// before the root they become the document's first child.
    mutating func otherNode() {
        mergeText = false
        if stack.isEmpty && !hasRoot { firstDocChildIsRoot = false }
    }

    mutating func doctype() {
        mergeText = false
        firstDocChildIsRoot = false
    }

    mutating func finish() -> HTMLDocument {
        // Elements libxml2 left open (it normally closes them all).
        for i in open { nodes[Int(i)].end = Int32(nodes.count) }
        if !nodes.isEmpty { nodes[0].end = Int32(nodes.count) }
        return HTMLDocument(nodes: nodes, bytes: bytes, attrs: attrs)
    }
}

nonisolated(unsafe) private let saxHandler: htmlSAXHandler = {
    var h = htmlSAXHandler()
    h.startElement = { ctx, name, atts in
        guard let ctx, let name else { return }
        ctx.assumingMemoryBound(to: TreeBuilder.self).pointee.startElement(name, atts)
    }
    h.endElement = { ctx, _ in
        ctx?.assumingMemoryBound(to: TreeBuilder.self).pointee.endElement()
    }
    h.characters = { ctx, ch, len in
        guard let ctx, let ch, len > 0 else { return }
        ctx.assumingMemoryBound(to: TreeBuilder.self).pointee.characters(ch, Int(len), cdata: false)
    }
    h.cdataBlock = { ctx, ch, len in
        guard let ctx, let ch, len > 0 else { return }
        ctx.assumingMemoryBound(to: TreeBuilder.self).pointee.characters(ch, Int(len), cdata: true)
    }
    h.comment = { ctx, _ in ctx?.assumingMemoryBound(to: TreeBuilder.self).pointee.otherNode() }
    h.processingInstruction = { ctx, _, _ in ctx?.assumingMemoryBound(to: TreeBuilder.self).pointee.otherNode() }
    h.internalSubset = { ctx, _, _, _ in ctx?.assumingMemoryBound(to: TreeBuilder.self).pointee.doctype() }
    h.initialized = 1
    return h
}()

/// libxml2 must be initialised once before it is used from several threads.
private let initializeLibXML: Void = { xmlInitParser() }()

/// Cuts what the normalizer never reads out of a page before libxml2 parses it: the contents of
/// `<script>` (except JSON-LD) and `<style>` elements and of comments, and attributes other than
/// ``Attr/names``. That is most of a typical page's bytes, and libxml2 is slow on them.
///
/// The scan follows libxml2's own tokenizer (comments, doctype, start and end tags with quoted
/// attribute values, and raw text that ends at the first `</script` or `</style`), so the tree
/// libxml2 builds is the same, minus the dropped text. On anything it does not recognise with
/// certainty it stops and leaves the rest of the page as it is.
enum RawTextStripper {
    /// Whether a style value as written may hide its element (see ``Boilerplate/isHidden(_:in:)``):
    /// false only when it is plain ASCII without entities and does not say so.
    static func styleMayHide(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(v.count)
        for c in v {
            if c >= 0x80 || c == 0x26 { return true }
            if c != 0x20 { compact.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
        }
        return Boilerplate.contains(compact[...], "display:none") || Boilerplate.contains(compact[...], "visibility:hidden")
    }

    static func strip(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { p -> [UInt8] in
            let n = p.count
            guard n > 0, let base = p.baseAddress else { return input }
            if memchr(base, 0, n) != nil { return input }
            var out: [UInt8] = []
            var copied = 0
            var i = 0

            @inline(__always) func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
            @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
            @inline(__always) func isNameStart(_ c: UInt8) -> Bool { isLetter(c) || c == 0x5F || c == 0x3A || c == 0x2E }
            @inline(__always) func isNameChar(_ c: UInt8) -> Bool {
                isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D
            }
            func find(_ byte: UInt8, from: Int) -> Int? {
                guard from < n, let r = memchr(base + from, Int32(byte), n - from) else { return nil }
                return UnsafeRawPointer(r).assumingMemoryBound(to: UInt8.self) - base
            }
            /// Case-insensitive match of an ASCII lower-case word at `at`.
            func matches(_ word: StaticString, at: Int) -> Bool {
                let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
                guard at + w.count <= n else { return false }
                for k in 0..<w.count where p[at + k] | 0x20 != w[k] { return false }
                return true
            }

            var kept: [Range<Int>] = []
            kept.reserveCapacity(16)
            /// Text between tags: a run of blanks is cut to its first byte. Every text is
            /// cleaned (whitespace collapsed) before use, and blank text stays blank.
            func collapseBlanks(from start: Int, to end: Int, _ out: inout [UInt8], _ copied: inout Int) {
                var k = start
                while k + 1 < end {
                    if isBlank(p[k]) && isBlank(p[k + 1]) {
                        if out.isEmpty { out.reserveCapacity(n) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...k]))
                        var m = k + 2
                        while m < end && isBlank(p[m]) { m += 1 }
                        copied = m
                        k = m
                    } else {
                        k += 1
                    }
                }
            }

            scan: while i < n {
                guard let lt = find(0x3C, from: i) else {
                    collapseBlanks(from: i, to: n, &out, &copied)
                    break
                }
                collapseBlanks(from: i, to: lt, &out, &copied)
                i = lt
                guard i + 1 < n else { break }
                let c = p[i + 1]
                if c == 0x21 {  // <!
                    if i + 3 < n && p[i + 2] == 0x2D && p[i + 3] == 0x2D {
                        let s = i + 4
                        guard s + 1 < n else { break scan }
                        if p[s] == 0x3E { i = s + 1; continue }
                        if p[s] == 0x2D && p[s + 1] == 0x3E { i = s + 2; continue }
                        var t = s
                        var close = 0
                        while true {
                            guard let d = find(0x2D, from: t), d + 2 < n else { break scan }
                            if p[d + 1] == 0x2D {
                                if p[d + 2] == 0x3E { close = d; i = d + 3; break }
                                if p[d + 2] == 0x21 && d + 3 < n && p[d + 3] == 0x3E { close = d; i = d + 4; break }
                            }
                            t = d + 1
                        }
                        // Keep an empty comment (`<!---->`): same events, nothing to read.
                        if close > s {
                            if out.isEmpty { out.reserveCapacity(n) }
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<s]))
                            out.append(contentsOf: [0x2D, 0x2D, 0x3E])
                            copied = i
                        }
                        continue
                    }
                    if matches("doctype", at: i + 2) {
                        var j = i + 9
                        while j < n && p[j] != 0x3E {
                            if p[j] == 0x22 || p[j] == 0x27 {
                                guard let q = find(p[j], from: j + 1) else { break scan }
                                j = q
                            }
                            j += 1
                        }
                        guard j < n else { break scan }
                        i = j + 1
                        continue
                    }
                    break scan
                }
                if c == 0x3F { break scan }  // <?
                if c == 0x2F {  // </
                    if i + 2 < n && isNameStart(p[i + 2]) {
                        guard let gt = find(0x3E, from: i + 2) else { break scan }
                        i = gt + 1
                    } else {
                        i += 2
                    }
                    continue
                }
                guard isLetter(c) else { i += 1; continue }
                // Start tag.
                var j = i + 1
                while j < n && isNameChar(p[j]) { j += 1 }
                let nameLen = j - (i + 1)
                guard nameLen <= 90 else { break scan }
                let isScript = nameLen == 6 && matches("script", at: i + 1)
                let isStyle = nameLen == 5 && matches("style", at: i + 1)
                let kind: Attr.Owner = nameLen == 4 && matches("meta", at: i + 1) ? .meta
                    : nameLen == 4 && matches("link", at: i + 1) ? .link
                    : nameLen == 1 && matches("a", at: i + 1) ? .a
                    : isScript ? .script
                    : nameLen == 4 && matches("html", at: i + 1) ? .html
                    : nameLen == 4 && matches("time", at: i + 1) ? .time : .other
                var ldjson = false, sawType = false
                var selfClosing = false
                // Attributes kept (byte ranges of `name[=value]` as written); others are dropped.
                kept.removeAll(keepingCapacity: true)
                var dropped = false
                while true {
                    while j < n && isBlank(p[j]) { j += 1 }
                    guard j < n else { break scan }
                    if p[j] == 0x3E { j += 1; break }
                    if p[j] == 0x2F && j + 1 < n && p[j + 1] == 0x3E { j += 2; selfClosing = true; break }
                    guard isNameStart(p[j]) else { break scan }
                    let nameStart = j
                    while j < n && isNameChar(p[j]) { j += 1 }
                    let attrLen = j - nameStart
                    guard attrLen <= 90 else { break scan }
                    while j < n && isBlank(p[j]) { j += 1 }
                    guard j < n else { break scan }
                    let use = Attr.use(UnsafeBufferPointer(rebasing: p[nameStart..<(nameStart + attrLen)]), on: kind)
                    let keep = use != .drop
                    guard p[j] == 0x3D else {  // attribute without value
                        if keep { kept.append(nameStart..<(nameStart + attrLen)) } else { dropped = true }
                        continue
                    }
                    j += 1
                    while j < n && isBlank(p[j]) { j += 1 }
                    guard j < n else { break scan }
                    var valueStart = j, valueEnd = j
                    if p[j] == 0x22 || p[j] == 0x27 {
                        guard let q = find(p[j], from: j + 1) else { break scan }
                        valueStart = j + 1; valueEnd = q
                        j = q + 1
                    } else {
                        while j < n && !isBlank(p[j]) && p[j] != 0x3E { j += 1 }
                        valueEnd = j
                        guard valueEnd > valueStart else { break scan }
                    }
                    if use == .keep && attrLen == 5 && matches("style", at: nameStart)
                        && !Self.styleMayHide(UnsafeBufferPointer(rebasing: p[valueStart..<valueEnd])) {
                        dropped = true  // read only to find hidden elements
                    } else if use == .keep { kept.append(nameStart..<j) }
                    else if use == .nameOnly { kept.append(nameStart..<(nameStart + attrLen)); dropped = true }
                    else { dropped = true }
                    if isScript && !sawType && attrLen == 4 && matches("type", at: nameStart) {
                        sawType = true
                        ldjson = TreeBuilder.containsLDJSON(ArraySlice(p[valueStart..<valueEnd]))
                    }
                }
                if dropped {
                    if out.isEmpty { out.reserveCapacity(n) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<(i + 1 + nameLen)]))
                    for r in kept {
                        out.append(0x20)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[r]))
                    }
                    if selfClosing { out.append(0x2F) }
                    out.append(0x3E)
                    copied = j
                }
                i = j
                guard (isScript || isStyle) && !selfClosing else { continue }
                // Raw text up to the first `</script` / `</style`, case-insensitive.
                var e = j
                while true {
                    guard let lt2 = find(0x3C, from: e), lt2 + 1 < n else { break scan }
                    if p[lt2 + 1] == 0x2F && (isScript ? matches("script", at: lt2 + 2) : matches("style", at: lt2 + 2)) {
                        e = lt2
                        break
                    }
                    e = lt2 + 1
                }
                if !ldjson && e > j {
                    if out.isEmpty { out.reserveCapacity(n) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<j]))
                    copied = e
                }
                i = e
            }
            if copied == 0 { return input }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<n]))
            return out
        }
    }
}
