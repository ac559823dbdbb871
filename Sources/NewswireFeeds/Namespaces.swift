/// Namespace URIs the readers match elements by (prefixes are the author's choice and vary).
enum Namespace {
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let news = "http://www.google.com/schemas/sitemap-news/0.9"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// Namespaces for prefixes that feeds use without declaring them, so `<dc:creator>` in a feed
    /// that forgot `xmlns:dc` is still read as Dublin Core.
    static let undeclaredPrefixes: [String: String] = [
        "dc": dc, "dcterms": dcterms, "content": content, "atom": atom10, "rdf": rdf, "news": news,
        "xhtml": xhtml,
    ]
}
