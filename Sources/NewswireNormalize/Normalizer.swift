import Foundation
import NewswireWire

/// Turns a fetched page into clean article text and metadata.
///
/// Pure and deterministic: the same bytes always give the same result, so re-processing a message
/// after a crash is harmless. Every failure is a ``NormalizeError`` saying what to do about it.
public struct Normalizer: Sendable {
    public struct Options: Sendable, Equatable {
        /// Pages larger than this are refused before parsing.
        public var maxBytes: Int
        /// Element nesting kept from the parse; deeper elements are made transparent.
        public var maxDepth: Int

        public init(maxBytes: Int = 50 * 1024 * 1024, maxDepth: Int = 256) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
    }

    public var options: Options

    public init() { self.options = Options() }
    public init(options: Options) { self.options = options }

    public func normalize(_ fetched: ArticleFetched, bytes: Data) throws(NormalizeError) -> ArticleNormalized {
        guard !bytes.isEmpty else { throw .emptyDocument }
        guard bytes.count <= options.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: options.maxBytes) }

        let utf8 = try PageDecoder().decodeUTF8(bytes, declared: fetched.charset)
        guard utf8.withUnsafeBufferPointer(TextCleaning.hasNonSpace) else {
            throw .emptyDocument
        }
        guard let doc = HTMLDocument.parse(utf8: utf8, baseURL: fetched.url,
                                           maxDepth: options.maxDepth) else {
            throw .unparsable
        }
        let metadata = PageMetadata(document: doc, pageURL: fetched.url)
        let paragraphs = ContentExtractor().extract(doc, metadata: metadata)
        guard !paragraphs.isEmpty else { throw .noArticleText }
        let text = paragraphs.joined(separator: "\n\n")

        return ArticleNormalized(
            id: fetched.id, url: fetched.url, canonicalUrl: metadata.canonicalUrl, title: metadata.title,
            byline: metadata.byline, publishedAt: metadata.publishedAt, modifiedAt: metadata.modifiedAt,
            siteName: metadata.siteName, description: metadata.description,
            language: metadata.declaredLanguage ?? LanguageIdentifier.identify(text),
            text: text, paragraphs: paragraphs, contentHash: ArticleID.sha256Hex(Data(text.utf8)),
            fingerprint: SimHash.fingerprint(of: text), fetchedAt: fetched.fetchedAt)
    }

}

/// Why a page could not be normalised. Each message says what was wrong and what to check.
public enum NormalizeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bytes, or only whitespace.
    case emptyDocument
    /// The bytes are not a text document (an image, an archive, binary junk).
    case notHTML(String)
    /// Larger than ``Normalizer/Options/maxBytes``.
    case tooLarge(bytes: Int, limit: Int)
    /// The declared charset cannot decode the bytes, and they are not UTF-8 either.
    case undecodableCharset(String)
    /// The HTML parser produced no document.
    case unparsable
    /// A page was parsed, but nothing in it reads like article text.
    case noArticleText

    public var description: String {
        switch self {
        case .emptyDocument:
            "empty document: the page has no content; check the fetch (status, redirects, body size)"
        case .notHTML(let reason):
            "not HTML: \(reason); check the URL and the Content-Type the server sent"
        case .tooLarge(let bytes, let limit):
            "page too large: \(bytes) bytes exceeds the limit of \(limit) bytes; raise maxBytes if this page is wanted"
        case .undecodableCharset(let charset):
            "undecodable charset: the bytes are not valid \(charset) (the declared charset) nor UTF-8; check the Content-Type header and <meta charset>"
        case .unparsable:
            "unparsable: the HTML parser produced no document from the page"
        case .noArticleText:
            "no article text found: the page has no paragraphs of prose (an index page, a video page, or content loaded by JavaScript)"
        }
    }
}
