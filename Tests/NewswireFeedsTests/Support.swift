import Foundation
@testable import NewswireFeeds

/// Parses an inline fixture written as a Swift string (UTF-8).
func parseFeed(_ xml: String, url: String? = "https://news.example.com/feed.xml", charset: String? = nil) throws -> Feed {
    try FeedParser.parse(Data(xml.utf8), url: url.flatMap(URL.init(string:)), charset: charset)
}

/// The instant of a UTC date and time.
func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
    var components = DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    components.timeZone = TimeZone(identifier: "UTC")
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: components)!
}

func rss(_ items: String, channel: String = "<title>Example News</title><link>https://news.example.com/</link>",
         namespaces: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" \(namespaces)><channel>\(channel)\(items)</channel></rss>
    """
}
