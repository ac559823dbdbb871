import Foundation
import NewswireWire
@testable import NewswireNormalize

/// A fetched-page body for tests.
func fetched(url: String = "https://news.example.com/2024/03/05/storm-hits-coast", charset: String? = nil,
             byteCount: Int = 0) -> ArticleFetched {
    ArticleFetched(id: "a0123456789abcdef", url: url, fetchedAt: "2024-03-05T12:00:00Z", status: 200,
                   contentType: "text/html", charset: charset, byteCount: byteCount)
}

/// Normalises an HTML string given as UTF-8.
func normalize(_ html: String, url: String = "https://news.example.com/2024/03/05/storm-hits-coast",
               charset: String? = nil) throws(NormalizeError) -> ArticleNormalized {
    try Normalizer().normalize(fetched(url: url, charset: charset), bytes: Data(html.utf8))
}

/// The error thrown by normalising `bytes`, or nil when it succeeds.
func normalizeError(_ bytes: Data, options: Normalizer.Options = .init()) -> NormalizeError? {
    do {
        _ = try Normalizer(options: options).normalize(fetched(), bytes: bytes)
        return nil
    } catch {
        return error
    }
}

/// Prose long enough to be scored as article text.
let storyParagraphs = [
    "Heavy rain and winds of up to 120 kilometres an hour hit the northern coast on Tuesday, cutting power to thousands of homes, officials said.",
    "The regional fire service said crews had answered more than 400 calls overnight, most of them for fallen trees, flooded cellars and damaged roofs.",
    "Schools in three districts stayed closed, and the rail operator suspended services between the port and the capital until the line could be inspected.",
    "Forecasters expect the storm to weaken by Thursday, although they warned that rivers in the hills could still rise sharply over the weekend.",
]

/// A typical news page: navigation, header, article with byline, share widget, related links,
/// newsletter box, comments and footer around the story.
func newsPage(head: String = "", paragraphs: [String] = storyParagraphs, extraBody: String = "",
              lang: String = "en") -> String {
    """
    <!DOCTYPE html>
    <html lang="\(lang)"><head><meta charset="utf-8">
    <title>Storm hits coast | Daily Planet</title>
    \(head)
    </head><body>
    <nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <header class="site-header"><a href="/">Daily Planet</a></header>
    <div class="page">
      <article class="story">
        <h1>Storm hits coast</h1>
        <div class="byline">By Ana Ruiz</div>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
        <div class="article-body">
          \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n      "))
          \(extraBody)
        </div>
      </article>
      <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Minister resigns over expenses claims and more details</a></li><li><a href="/b">Local team wins the cup after a dramatic final, fans celebrate</a></li></ul></aside>
      <div class="related-stories"><h2>Related stories</h2><p><a href="/c">Earlier storm damaged the harbour wall, and the repairs are still not finished today</a></p></div>
      <div class="newsletter-signup"><p>Sign up for our daily newsletter to get the most important news of the day, every morning, in your inbox.</p></div>
      <section id="comments"><p>Great article, thanks for writing about the storm, we lost power for two full days here in the north.</p></section>
    </div>
    <footer><p>© 2024 Daily Planet. All rights reserved. Contact us, advertise with us, privacy policy and terms.</p></footer>
    <script>var tracking = "the quick brown fox, should never appear in article text, ever, at all";</script>
    </body></html>
    """
}
