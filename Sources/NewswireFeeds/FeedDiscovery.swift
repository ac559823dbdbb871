import CLibXML2
import Foundation

/// Finds the feeds a web page advertises with `<link rel="alternate" type="application/rss+xml">`.
enum FeedDiscovery {
    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
        "application/x.atom+xml", "application/x-atom+xml", "text/xml", "application/xml",
    ]

    private static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        | HTML_PARSE_COMPACT.rawValue)

    /// Absolute feed URLs (resolved against `<base href>`, then `url`), in page order, each once.
    static func feedLinks(inHTML text: String, url: URL?) -> [String] {
        initializeLibXML
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return [] }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), url?.absoluteString, "UTF-8", options)
            }
        }
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        var base = url
        var links: [String] = []
        forEachElement(in: doc) { name, attributes in
            if name == "base", let href = value("href", in: attributes) {
                base = URLResolution.baseURL(href, against: url)
            } else if name == "link", isFeedLink(attributes), let href = value("href", in: attributes) {
                links.append(href)
            }
        }
        return AuthorName.unique(links.compactMap { URLResolution.resolve($0, against: base) })
    }

    /// `rel` has the token `alternate` and `type` is a feed type.
    static func isFeedLink(_ attributes: [XMLAttribute]) -> Bool {
        let rel = value("rel", in: attributes)?.lowercased().split(whereSeparator: \.isWhitespace) ?? []
        let type = value("type", in: attributes)?.lowercased().split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return rel.contains("alternate") && feedTypes.contains(type)
    }

    private static func value(_ name: String, in attributes: [XMLAttribute]) -> String? {
        attributes.first { $0.name.lowercased() == name }?.value
    }

    /// Visits every element in document order without recursion (pages can nest deeply).
    private static func forEachElement(in doc: htmlDocPtr, _ visit: (String, [XMLAttribute]) -> Void) {
        var node = xmlDocGetRootElement(doc)
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE {
                visit(String(cString: n.pointee.name).lowercased(), XMLTree.attributes(n))
            }
            if let child = n.pointee.children, n.pointee.type == XML_ELEMENT_NODE {
                node = child
                continue
            }
            var current: xmlNodePtr? = n
            while let c = current, c.pointee.next == nil {
                current = c.pointee.parent
                if current?.pointee.type != XML_ELEMENT_NODE { current = nil }
            }
            node = current?.pointee.next
        }
    }
}
