import Foundation

/// Something fetch can read: a local file or an http(s) URL.
public enum FetchTarget: Sendable, Equatable, CustomStringConvertible {
    case file(path: String)
    case web(URL)

    /// The URL recorded in the article: `file://` for local files.
    public var url: String {
        switch self {
        case .file(let path): URL(fileURLWithPath: path).absoluteString
        case .web(let url): url.absoluteString
        }
    }

    public var description: String { url }

    /// The target an origin (`url`) names again: `file://` URLs are files.
    public static func parse(_ origin: String) throws(FetchError) -> FetchTarget {
        if origin.hasPrefix("file://") {
            guard let url = URL(string: origin), url.isFileURL else { throw .invalidURL(origin) }
            return .file(path: url.path)
        }
        guard let url = URL(string: origin), url.host != nil,
              ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { throw .invalidURL(origin) }
        return .web(url)
    }

    /// Expands command-line or pipeline inputs: folders become their `.html`/`.htm` files
    /// (sorted, recursively), `file://` URLs become paths, http(s) URLs stay URLs.
    public static func expand(_ inputs: [String]) throws(FetchError) -> [FetchTarget] {
        var out: [FetchTarget] = []
        for input in inputs {
            if input.hasPrefix("http://") || input.hasPrefix("https://") {
                guard let url = URL(string: input), url.host != nil else { throw .invalidURL(input) }
                out.append(.web(url))
                continue
            }
            var path = input
            if input.hasPrefix("file://") {
                guard let url = URL(string: input) else { throw .invalidURL(input) }
                path = url.path
            } else if input.contains("://") {
                throw .unsupportedScheme(input)
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .notFound(path)
            }
            if isDirectory.boolValue {
                let base = URL(fileURLWithPath: path)
                guard let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
                    throw .notFound(path)
                }
                let pages = e.compactMap { $0 as? URL }
                    .filter { ["html", "htm", "xhtml"].contains($0.pathExtension.lowercased()) }
                    .map(\.path).sorted()
                out.append(contentsOf: pages.map { .file(path: $0) })
            } else {
                out.append(.file(path: URL(fileURLWithPath: path).standardizedFileURL.path))
            }
        }
        return out
    }
}

/// Why a page could not be fetched.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case unsupportedScheme(String)
    case notFound(String)
    case unreadable(path: String, reason: String)
    case tooLarge(url: String, limit: Int)
    case http(url: String, status: Int)
    case transport(url: String, reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let s): "'\(s)' is not a valid URL"
        case .unsupportedScheme(let s): "'\(s)': only http, https and file URLs or local paths can be fetched"
        case .notFound(let p): "no such file or folder: \(p)"
        case .unreadable(let p, let r): "cannot read \(p): \(r)"
        case .tooLarge(let u, let limit): "\(u) is larger than the limit of \(limit) bytes"
        case .http(let u, let status): "\(u) answered HTTP \(status)"
        case .transport(let u, let r): "cannot fetch \(u): \(r)"
        }
    }
}
