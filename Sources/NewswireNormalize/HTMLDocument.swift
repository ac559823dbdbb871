import CLibXML2
import Foundation

/// One node of a parsed page: an element or a run of text.
///
/// Nodes live in one array in document order (pre-order), so the subtree of node `i` is exactly
/// the index range `i ..< end`. Everything downstream walks ranges and parent indices instead of
/// recursing, which keeps arbitrarily deep or broken pages safe from stack overflow.
struct DOMNode: Sendable {
    /// Lower-case tag name; empty for text.
    var tag: String
    /// Text content of a text node; empty for elements.
    var text: String
    /// Attributes of an element, names lower-cased, in source order.
    var attributes: [(name: String, value: String)]
    /// Index of the parent element, -1 for the root.
    var parent: Int
    /// One past the last index of this node's subtree.
    var end: Int

    var isText: Bool { tag.isEmpty }

    func attribute(_ name: String) -> String? {
        for a in attributes where a.name == name { return a.value }
        return nil
    }
}

/// A page parsed by libxml2's HTML parser and flattened into Swift values.
///
/// libxml2 is the parser lxml and trafilatura build on: it recovers from the broken markup real
/// pages contain. The libxml2 tree is walked once with raw pointers (no recursion), copied into
/// ``DOMNode``s and freed immediately, so no C memory outlives ``parse(utf8:baseURL:maxDepth:)``.
struct HTMLDocument: Sendable {
    var nodes: [DOMNode]

    /// Element nesting kept when flattening. Deeper elements are made transparent (their text is
    /// kept, attached to the deepest kept ancestor), so pathological nesting costs nothing later.
    static let defaultMaxDepth = 256

    /// Tags whose text is never article text and is not needed for metadata.
    private static let textlessTags: Set<String> = ["style", "noscript", "template", "svg", "math", "canvas"]

    /// Concatenated text of the subtree of node `i`, as written (not cleaned).
    func text(of i: Int) -> String {
        var s = ""
        for j in (i + 1)..<max(i + 1, nodes[i].end) where nodes[j].isText { s += nodes[j].text }
        return s
    }

    /// Parses UTF-8 HTML. Returns nil only when libxml2 produces no document at all.
    static func parse(utf8 bytes: [UInt8], baseURL: String?, maxDepth: Int = defaultMaxDepth) -> HTMLDocument? {
        initializeLibXML
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        // No HTML_PARSE_HUGE: libxml2's default limits on text node size and nesting depth stay on.
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), baseURL, "UTF-8", options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return HTMLDocument(nodes: []) }
        return HTMLDocument(nodes: flatten(root: root, maxDepth: maxDepth))
    }

    /// Iterative pre-order walk of the libxml2 tree using the child/next/parent links.
    private static func flatten(root: xmlNodePtr, maxDepth: Int) -> [DOMNode] {
        var nodes: [DOMNode] = []
        nodes.reserveCapacity(4096)
        // Stack of flattened elements still open: (index in `nodes`, libxml2 node).
        var open: [(index: Int, node: xmlNodePtr)] = []
        var depth = 0  // libxml2 depth below root, including transparent elements
        var textless = 0  // > 0 while inside a textless element (counted in libxml2 depth)
        var textlessDepth = Int.max
        var current: xmlNodePtr? = root

        func closeOpen(upTo node: xmlNodePtr) {
            while let last = open.last, last.node == node {
                nodes[last.index].end = nodes.count
                open.removeLast()
            }
        }

        while let cur = current {
            var descend = false
            switch cur.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = cur.pointee.name.map { String(cString: $0) } ?? ""
                let attrs = attributes(of: cur)
                if depth < maxDepth || open.isEmpty {
                    let parent = open.last?.index ?? -1
                    nodes.append(DOMNode(tag: tag, text: "", attributes: attrs,
                                         parent: parent, end: nodes.count + 1))
                    open.append((nodes.count - 1, cur))
                }
                // Script text is dropped except JSON-LD, which carries metadata.
                let isTextless = textlessTags.contains(tag) || (tag == "script"
                    && !(attrs.first { $0.name == "type" }?.value.lowercased().contains("ld+json") ?? false))
                if textless == 0 && isTextless { textless = 1; textlessDepth = depth }
                descend = cur.pointee.children != nil
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if textless == 0, let content = cur.pointee.content, !open.isEmpty {
                    let text = String(cString: content)
                    nodes.append(DOMNode(tag: "", text: text, attributes: [], parent: open.last!.index,
                                         end: nodes.count + 1))
                }
            default:
                break  // comments, processing instructions, DTD
            }

            if descend, let child = cur.pointee.children {
                depth += 1
                current = child
                continue
            }
            // `cur` is finished: close it, then climb until a node has a next sibling.
            var n = cur
            current = nil
            while true {
                closeOpen(upTo: n)
                if textless > 0 && depth == textlessDepth && n.pointee.type == XML_ELEMENT_NODE {
                    textless = 0; textlessDepth = .max
                }
                if n == root { break }
                if let next = n.pointee.next { current = next; break }
                guard let parent = n.pointee.parent else { break }
                depth -= 1
                n = parent
            }
        }
        for entry in open { nodes[entry.index].end = nodes.count }
        return nodes
    }

    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attr = node.pointee.properties
        while let a = attr {
            if let name = a.pointee.name {
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += String(cString: content) }
                    child = c.pointee.next
                }
                result.append((String(cString: name).lowercased(), value))
            }
            attr = a.pointee.next
        }
        return result
    }
}

/// libxml2 must be initialised once before it is used from several threads.
private let initializeLibXML: Void = { xmlInitParser() }()
