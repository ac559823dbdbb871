import Foundation

/// Evidence from tags, class names, ids and roles about whether an element holds article text.
///
/// Class and id names are the author's own labels for page parts ("related-stories",
/// "article-body"), the strongest cheap signal there is. A name counts as negative when any part
/// of it names boilerplate, even if another part sounds like content ("article-comments",
/// "related-content"): the qualifier wins.
enum Boilerplate {
    /// Elements never part of the article text, whatever their class.
    static let removedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math",
        "nav", "aside", "footer", "button", "select", "input", "textarea", "option", "label",
        "figure", "figcaption", "picture", "video", "audio", "map", "dialog", "head",
    ]

    /// Negative words, matched anywhere inside a class or id token.
    private static let negativeSubstrings = [
        "comment", "related", "share", "sharing", "social", "promo", "newsletter", "cookie", "sidebar",
        "footer", "advert", "subscri", "mostread", "most-read", "most_read", "popular", "trending",
        "recommend", "outbrain", "taboola", "breadcrumb", "signup", "sign-up", "sponsor", "navigation",
        "navbar", "caption", "byline", "disqus", "widget", "banner", "toolbar", "readmore", "read-more",
        "more-stories", "dropdown", "pagination", "tooltip", "authorbio", "author-bio", "timestamp",
        "credit", "login", "taglist", "tag-list", "keyword", "rating", "donate", "slideshow", "carousel",
        "gallery", "follow-us", "newsfeed", "skip-link", "skiplink", "print-only", "visually-hidden",
        "screen-reader", "sr-only", "gdpr", "consent", "paid-content", "next-article", "prev-article",
        "dateline", "publish-date", "pubdate", "meta-data",
    ]
    /// Negative words that must be a whole part of a token ("ad" in "top-ad", not in "head").
    private static let negativeParts: Set<String> = [
        "ad", "ads", "adv", "dfp", "gpt", "nav", "tag", "tags", "bio", "meta", "hidden", "hide", "print",
        "date", "time", "author", "topics", "foot", "aside", "extra", "sr", "promo", "share", "social",
        "related", "more", "subnav", "btn", "button", "icon", "logo", "search", "nocontent", "rail", "tools",
        "teaser", "header", "menu", "pager", "modal", "popup", "overlay", "masthead",
    ]
    private static let positiveSubstrings = [
        "article", "story", "content", "body", "entry", "post", "text", "main", "blog", "prose",
    ]

    struct Evidence: Equatable {
        var negative = false
        var positive = false
        /// Readability-style weight: +25 for content names, -25 for boilerplate names.
        var weight: Double { (positive ? 25 : 0) - (negative ? 25 : 0) }
        /// Strong enough to drop the element before scoring.
        var isBoilerplate: Bool { negative && !positive }
    }

    static func evidence(of node: DOMNode) -> Evidence {
        var e = Evidence()
        for attr in node.attributes {
            switch attr.name {
            case "class", "id":
                for token in attr.value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                    classify(token, into: &e)
                }
            case "role":
                let role = attr.value.lowercased()
                if ["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog",
                    "alert", "search", "toolbar", "tablist"].contains(role) { e.negative = true }
                if role == "main" || role == "article" { e.positive = true }
            case "itemprop":
                if attr.value.lowercased().contains("articlebody") { e.positive = true }
            default:
                break
            }
        }
        return e
    }

    private static func classify(_ token: Substring, into e: inout Evidence) {
        var negative = false
        for word in negativeSubstrings where token.contains(word) {
            // "commentary" is an opinion article, not comments.
            if word == "comment" && token.contains("commentary") { continue }
            negative = true
            break
        }
        if !negative {
            for part in token.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where negativeParts.contains(String(part)) {
                negative = true
                break
            }
        }
        if negative { e.negative = true; return }
        if positiveSubstrings.contains(where: { token.contains($0) }) { e.positive = true }
    }

    /// Hidden by attribute or inline style: never rendered, so never article text.
    static func isHidden(_ node: DOMNode) -> Bool {
        for attr in node.attributes {
            switch attr.name {
            case "hidden": return true
            case "aria-hidden": if attr.value.lowercased() == "true" { return true }
            case "style":
                let style = attr.value.lowercased().filter { $0 != " " }
                if style.contains("display:none") || style.contains("visibility:hidden") { return true }
            default: break
            }
        }
        return false
    }

    /// A byline or dateline line ("By Ana Ruiz", "Published 19 Nov 2019 10:05"): metadata that
    /// templates print above the text, not part of it.
    static func isBylineOrDateline(_ text: String) -> Bool {
        guard text.count < 90 else { return false }
        let t = text.lowercased()
        for prefix in ["by ", "by:", "von ", "por ", "par ", "published", "updated", "posted", "last updated",
                       "first published", "written by"] where t.hasPrefix(prefix) {
            return true
        }
        // Mostly a date: a year or a clock time, and few words.
        let words = t.split(separator: " ")
        guard words.count <= 10 else { return false }
        let hasYear = words.contains { w in
            let d = w.filter(\.isNumber)
            return d.count == 4 && (d.hasPrefix("19") || d.hasPrefix("20")) && w.count <= 6
        }
        let hasClock = t.range(of: #"\b\d{1,2}[:.]\d{2}\b"#, options: .regularExpression) != nil
        return hasYear && (hasClock || words.count <= 5)
    }

    /// Short lines that are page furniture in any template.
    static func isFurniture(_ text: String) -> Bool {
        guard text.count < 60 else { return false }
        let t = text.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if t.isEmpty { return false }  // separators ("___", "* * *") are part of the text
        let exact: Set<String> = [
            "advertisement", "advertising", "ad", "sponsored", "share", "share this", "share this article",
            "share this story", "read more", "continue reading", "related", "related articles", "related stories",
            "more stories", "see also", "comments", "print", "email", "tweet", "facebook", "twitter", "whatsapp",
            "linkedin", "reddit", "pinterest", "copy link", "subscribe", "sign up", "log in", "skip to content",
            "story continues below advertisement", "article continues below", "scroll to continue",
            "recommended", "most read", "most popular", "trending", "loading", "close",
        ]
        if exact.contains(t) { return true }
        return ["advertisement", "read more:", "related:", "see also:", "click here", "sign up for",
                "subscribe to", "follow us", "getty images", "image copyright", "image caption",
                "photo:", "(photo", "image:", "all rights reserved"].contains { t.hasPrefix($0) }
    }
}
