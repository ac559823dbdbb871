import Foundation
import NewswireFeeds
import NewswireWARC
import NewswireWire
import Zlib

/// What a command-line or pipeline SOURCE is. Local files are told apart by their content
/// (a page, a feed or list to read, a WARC archive), URLs when first fetched.
public enum CrawlInput: Sendable, Equatable {
    /// An http(s) URL: a feed, a sitemap, an OPML list or a page, detected when fetched.
    case web(URL)
    /// A saved page.
    case page(String)
    /// A local feed, sitemap or OPML file whose links are crawled.
    case document(String)
    /// A WARC file to replay.
    case warc(String)
}

public enum CrawlInputs {
    /// Classifies `inputs`, expanding folders into their pages and WARC files.
    public static func classify(_ inputs: [String]) throws(FetchError) -> [CrawlInput] {
        var out: [CrawlInput] = []
        for input in inputs {
            if input.hasPrefix("http://") || input.hasPrefix("https://") {
                guard let url = URL(string: input), url.host != nil else { throw .invalidURL(input) }
                out.append(.web(url))
                continue
            }
            let path = try localPath(input)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            out += isDirectory.boolValue ? try folder(path) : [try file(path)]
        }
        return out
    }

    static func localPath(_ input: String) throws(FetchError) -> String {
        if input.hasPrefix("file://") {
            guard let url = URL(string: input), url.isFileURL else { throw .invalidURL(input) }
            return url.path
        }
        if input.contains("://") { throw .unsupportedScheme(input) }
        return URL(fileURLWithPath: input).standardizedFileURL.path
    }

    /// A file's kind from its first bytes (gzip is looked inside), not its name.
    static func file(_ path: String) throws(FetchError) -> CrawlInput {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "cannot open") }
        defer { try? handle.close() }
        var head = (try? handle.read(upToCount: 65_536)) ?? Data()
        if Gzip.isGzip(head) {
            var members = GzipMemberReader(data: head, memberLimit: 1 << 20)
            if let first = try? members.next() { head = first.data }
        }
        switch DocumentKind.detect(head) {
        case .warc: return .warc(path)
        case .feed, .jsonFeed, .opml, .sitemap, .sitemapIndex: return .document(path)
        case .html, .unknown: return .page(path)
        }
    }

    /// A folder's pages (`.html`, `.htm`, `.xhtml`) and WARC files, sorted, recursively.
    static func folder(_ path: String) throws(FetchError) -> [CrawlInput] {
        guard let e = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: nil) else {
            throw .notFound(path)
        }
        let files = e.compactMap { $0 as? URL }.map(\.path).sorted()
        return files.compactMap { file in
            let name = file.lowercased()
            if name.hasSuffix(".warc") || name.hasSuffix(".warc.gz") { return .warc(file) }
            if ["html", "htm", "xhtml"].contains(URL(fileURLWithPath: file).pathExtension.lowercased()) { return .page(file) }
            return nil
        }
    }
}
