import CLibXML2
import Foundation

/// An attribute as parsed, with its namespace URI (nil for unprefixed attributes).
struct XMLAttribute: Sendable {
    var namespace: String?
    var name: String
    var value: String
}

/// Element content in document order.
enum XMLContent: Sendable {
    case text(String)
    case element(XMLElement)
}

/// An element of a parsed XML document, as plain Swift values: libxml2's tree is copied out once
/// and freed, so readers work on values and never hold C pointers.
struct XMLElement: Sendable {
    var namespace: String?
    /// Local name (without prefix).
    var name: String
    var attributes: [XMLAttribute]
    var content: [XMLContent]
    /// The base URI in effect for this element (the document URL, then every `xml:base` down to
    /// and including this element's own).
    var base: URL?

    var children: [XMLElement] {
        content.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Character data directly inside this element (CDATA included), as written.
    var text: String {
        content.reduce(into: "") { if case .text(let t) = $1 { $0 += t } }
    }

    /// Trimmed text, nil when empty.
    var trimmedText: String? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    func children(_ name: String, in namespace: String?) -> [XMLElement] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    func child(_ name: String, in namespace: String?) -> XMLElement? {
        for case .element(let e) in content where e.name == name && e.namespace == namespace { return e }
        return nil
    }

    /// Trimmed text of the first child with a non-empty text among `name` in `namespace`.
    func childText(_ name: String, in namespace: String?) -> String? {
        children(name, in: namespace).lazy.compactMap(\.trimmedText).first
    }

    /// An attribute's value; unprefixed names are matched ignoring case (OPML writes `xmlUrl` and `xmlurl`).
    func attribute(_ name: String, in namespace: String? = nil) -> String? {
        attributes.first { a in
            a.namespace == namespace && (namespace == nil ? a.name.caseInsensitiveCompare(name) == .orderedSame : a.name == name)
        }?.value
    }

    /// The content re-serialised as markup. Feeds hold HTML two ways: as escaped text (its text
    /// nodes are HTML source, `escapingText: false`) and as XHTML elements (its text nodes are
    /// character data, `escapingText: true`).
    func innerMarkup(escapingText: Bool) -> String {
        content.reduce(into: "") { out, node in
            switch node {
            case .text(let t): out += escapingText ? XMLElement.escape(t) : t
            case .element(let e): out += "<\(e.name)>\(e.innerMarkup(escapingText: escapingText))</\(e.name)>"
            }
        }
    }

    /// Plain text of content that is HTML (see ``innerMarkup(escapingText:)``); nil when empty.
    func htmlAsPlainText(escapingText: Bool = false) -> String? {
        let text = PlainText.fromHTML(innerMarkup(escapingText: escapingText))
        return text.isEmpty ? nil : text
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// `reference` resolved against this element's base; as written when it cannot be resolved.
    func resolve(_ reference: String?) -> String? {
        URLResolution.resolve(reference, against: base)
    }
}

enum URLResolution {
    /// An absolute URL string for `reference` (trimmed), or the trimmed reference itself when it
    /// cannot be resolved; nil for a missing or blank reference.
    static func resolve(_ reference: String?, against base: URL?) -> String? {
        guard let trimmed = reference?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        guard let url = URL(string: trimmed, relativeTo: base) else { return trimmed }
        return url.absoluteString
    }

    static func baseURL(_ reference: String?, against base: URL?) -> URL? {
        guard let resolved = resolve(reference, against: base) else { return base }
        return URL(string: resolved) ?? base
    }
}

/// Parses XML with libxml2 in recover mode and copies the tree out as ``XMLElement`` values.
enum XMLTree {
    /// Recover from errors, never touch the network, do not substitute entities (so no external
    /// entity is ever loaded), ignore the declared encoding (the text is already UTF-8), and keep
    /// libxml2 quiet on stderr.
    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// The root element of `text`.
    /// - Throws: ``FeedError/malformed(reason:)`` when libxml2 recovers no element at all.
    static func parse(_ text: String, documentURL: URL?) throws(FeedError) -> XMLElement {
        initializeLibXML
        let bytes = XMLRepair.repair(Array(text.utf8))
        guard let ctxt = xmlNewParserCtxt() else { throw .malformed(reason: "libxml2 could not create a parser") }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                xmlCtxtReadMemory(ctxt, p, Int32(buf.count), documentURL?.absoluteString, "UTF-8", options)
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        guard let doc, let root = xmlDocGetRootElement(doc) else {
            throw .malformed(reason: "no XML element could be read (\(lastError(ctxt) ?? "libxml2 gave no reason"))")
        }
        return element(root, parentBase: documentURL)
    }

    private static func lastError(_ ctxt: xmlParserCtxtPtr) -> String? {
        guard let error = xmlCtxtGetLastError(ctxt), let message = error.pointee.message else { return nil }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return "line \(error.pointee.line): \(text)"
    }

    /// Copies one element and its subtree (libxml2 caps nesting depth, so recursion is bounded).
    private static func element(_ node: xmlNodePtr, parentBase: URL?) -> XMLElement {
        let (namespace, name) = qualifiedName(node)
        let attributes = self.attributes(node)
        let ownBase = attributes.first { $0.namespace == Namespace.xml && $0.name == "base" }?.value
        var result = XMLElement(namespace: namespace, name: name, attributes: attributes, content: [],
                                base: URLResolution.baseURL(ownBase, against: parentBase))
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                result.content.append(.element(element(c, parentBase: result.base)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { result.content.append(.text(String(cString: content))) }
            case XML_ENTITY_REF_NODE:
                if let text = internalEntityText(c) { result.content.append(.text(text)) }
            default:
                break
            }
            child = c.pointee.next
        }
        return result
    }

    /// The replacement text of a reference to an entity the document declares itself. External
    /// entities are never read (that would let a feed read local files or make requests).
    private static func internalEntityText(_ reference: xmlNodePtr) -> String? {
        guard let doc = reference.pointee.doc, let entity = xmlGetDocEntity(doc, reference.pointee.name),
              entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let content = entity.pointee.content else { return nil }
        return String(cString: content)
    }

    /// Namespace URI and local name; an undeclared well-known prefix (libxml2 keeps `dc:date` as
    /// the name) is mapped to its usual namespace.
    private static func qualifiedName(_ node: xmlNodePtr) -> (String?, String) {
        let name = String(cString: node.pointee.name)
        if let href = node.pointee.ns?.pointee.href { return (String(cString: href), name) }
        guard let colon = name.firstIndex(of: ":") else { return (nil, name) }
        let prefix = String(name[..<colon])
        return (Namespace.undeclaredPrefixes[prefix] ?? prefix, String(name[name.index(after: colon)...]))
    }

    static func attributes(_ node: xmlNodePtr) -> [XMLAttribute] {
        var result: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            let namespace = a.pointee.ns?.pointee.href.map { String(cString: $0) }
            var value = ""
            var text = a.pointee.children
            while let t = text {
                if let content = t.pointee.content { value += String(cString: content) }
                text = t.pointee.next
            }
            result.append(XMLAttribute(namespace: namespace, name: String(cString: a.pointee.name), value: value))
            attribute = a.pointee.next
        }
        return result
    }
}

/// libxml2 must be initialised once before it is used from several threads.
let initializeLibXML: Void = { xmlInitParser() }()
