import Foundation

/// What an article is shown as coming from: the site's own name when the page gives one, else
/// its host, else the URL as stored. One rule for the digest, the pages and the feeds.
public enum Outlet {
    public static func name(siteName: String?, url: String) -> String {
        if let siteName, !siteName.isEmpty { return siteName }
        return URLComponents(string: url)?.host ?? url
    }
}
