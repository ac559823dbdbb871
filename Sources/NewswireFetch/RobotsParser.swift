import Foundation

/// A robots.txt group: the user agents it names and the rules that apply to them.
struct RobotsGroup: Sendable, Equatable {
    var agents: [String]
    var rules: [RobotsRule] = []
    var crawlDelay: TimeInterval?
}

/// The whole file read into groups, before one group is chosen for a crawler.
struct RobotsFile: Sendable, Equatable {
    var groups: [RobotsGroup] = []
    var sitemaps: [URL] = []
}

/// Reads robots.txt text line by line (RFC 9309 §2.2): `field: value`, `#` comments, groups that
/// start at one or more `user-agent` lines. Anything it does not understand is skipped, never
/// an error: a crawler must cope with whatever a site serves.
struct RobotsParser {
    private var file = RobotsFile()
    private var current: RobotsGroup?
    /// Consecutive user-agent lines share one group; a user-agent after a rule starts a new one.
    private var lastLineWasAgent = false
    private let maxCrawlDelay: TimeInterval

    static func parse(_ text: String, maxCrawlDelay: TimeInterval) -> RobotsFile {
        var parser = RobotsParser(maxCrawlDelay: maxCrawlDelay)
        for line in text.split(whereSeparator: \.isNewline) {
            guard let (field, value) = fieldAndValue(line) else { continue }
            parser.consume(field: field, value: value)
        }
        parser.closeGroup()
        return parser.file
    }

    private init(maxCrawlDelay: TimeInterval) { self.maxCrawlDelay = maxCrawlDelay }

    /// `Disallow : /x # note` → ("disallow", "/x"); nil for blank, comment-only or colon-less lines.
    static func fieldAndValue(_ line: Substring) -> (String, String)? {
        let content = line.prefix { $0 != "#" }
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let field = content[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return field.isEmpty ? nil : (field, value)
    }

    private mutating func consume(field: String, value: String) {
        switch field {
        case "user-agent": addAgent(value)
        case "allow": addRule(allows: true, value)
        case "disallow": addRule(allows: false, value)
        case "crawl-delay": setCrawlDelay(value)
        case "sitemap": addSitemap(value)
        default: break
        }
    }

    private mutating func addAgent(_ value: String) {
        if !lastLineWasAgent {
            closeGroup()
            current = RobotsGroup(agents: [])
        }
        current?.agents.append(Self.productToken(value))
        lastLineWasAgent = true
    }

    /// Rules outside any group (before the first user-agent) are ignored.
    private mutating func addRule(allows: Bool, _ value: String) {
        lastLineWasAgent = false
        guard current != nil, let pattern = RobotsPattern(value) else { return }
        current?.rules.append(RobotsRule(allows: allows, pattern: pattern))
    }

    private mutating func setCrawlDelay(_ value: String) {
        lastLineWasAgent = false
        guard current != nil, let delay = Self.crawlDelay(value, cappedAt: maxCrawlDelay) else { return }
        current?.crawlDelay = delay
    }

    /// Sitemap lines belong to the file, not to a group, and do not end one.
    private mutating func addSitemap(_ value: String) {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else { return }
        file.sitemaps.append(url)
    }

    private mutating func closeGroup() {
        if let group = current { file.groups.append(group) }
        current = nil
    }

    /// Seconds, fractions allowed; negative, non-finite or unparsable values are ignored and
    /// absurd ones capped, so a typo cannot stall a host for days.
    static func crawlDelay(_ value: String, cappedAt cap: TimeInterval) -> TimeInterval? {
        guard let seconds = Double(value), seconds.isFinite, seconds >= 0 else { return nil }
        return min(seconds, cap)
    }

    /// The product token of a user-agent value, lower-cased: `Newswire/0.2 (+https://…)` →
    /// `newswire`; `*` stays `*`.
    static func productToken(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("*") { return "*" }
        return String(trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            .lowercased()
    }
}
