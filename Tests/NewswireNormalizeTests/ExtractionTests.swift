import Foundation
import Testing
import NewswireWire
@testable import NewswireNormalize

@Suite("Main-text extraction")
struct ExtractionTests {
    @Test func keepsArticleParagraphsAndRemovesBoilerplate() throws {
        let result = try normalize(newsPage())
        #expect(result.paragraphs == storyParagraphs)
        #expect(result.text == storyParagraphs.joined(separator: "\n\n"))
        for junk in ["Home", "Most read", "Related stories", "newsletter", "Great article", "All rights reserved",
                     "Share on Facebook", "quick brown fox", "By Ana Ruiz"] {
            #expect(!result.text.contains(junk), "boilerplate leaked: \(junk)")
        }
    }

    @Test func copiesIdentityFields() throws {
        let result = try normalize(newsPage())
        #expect(result.id == "a0123456789abcdef")
        #expect(result.url == "https://news.example.com/2024/03/05/storm-hits-coast")
        #expect(result.fetchedAt == "2024-03-05T12:00:00Z")
        #expect(result.contentHash == ArticleID.sha256Hex(Data(result.text.utf8)))
    }

    @Test func keepsSubheadingsListsAndQuotesButNotTrailingHeadings() throws {
        let extra = """
            <h2>What happens next</h2>
            <p>Engineers will inspect the sea wall on Friday, and the council will publish a report on the damage next month.</p>
            <ul><li>Check the council website for closures before travelling.</li><li>Report fallen power lines to the grid operator.</li></ul>
            <blockquote>We have never seen water this high in the old town, not even in the floods of 2002.</blockquote>
            <h3>More on this story</h3>
            """
        let result = try normalize(newsPage(extraBody: extra))
        #expect(result.paragraphs.contains("What happens next"))
        #expect(result.paragraphs.contains("Check the council website for closures before travelling."))
        #expect(result.paragraphs.contains("We have never seen water this high in the old town, not even in the floods of 2002."))
        #expect(!result.paragraphs.contains("More on this story"))
        #expect(!result.paragraphs.contains("Storm hits coast"), "the headline is metadata, not body text")
    }

    @Test func doubleLineBreakSeparatesParagraphs() throws {
        let body = "<div class=\"article-body\">\(storyParagraphs[0])<br><br>\(storyParagraphs[1])<br>\(storyParagraphs[2])</div>"
        let result = try normalize("<html><body>\(body)</body></html>")
        #expect(result.paragraphs == [storyParagraphs[0], storyParagraphs[1] + " " + storyParagraphs[2]])
    }

    @Test func inlineMarkupKeepsWordBoundariesAsWritten() throws {
        let p = "<p>The <b>mayor</b> said the <a href=\"/x\">flood barrier</a> held, but only just, and repairs would cost millions.</p>"
        let result = try normalize("<html><body><div>\(p)\(storyParagraphs.map { "<p>\($0)</p>" }.joined())</div></body></html>")
        #expect(result.paragraphs.first == "The mayor said the flood barrier held, but only just, and repairs would cost millions.")
    }

    @Test func usesJSONLDBodyWhenPageTextIsMissing() throws {
        let body = storyParagraphs.joined(separator: "\\n")
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm","articleBody":"\(body)"}</script></head>
            <body><div id="app">Loading…</div></body></html>
            """
        let result = try normalize(html)
        #expect(result.paragraphs == storyParagraphs)
    }

    @Test func hiddenElementsAreNotText() throws {
        let extra = "<p style=\"display: none\">Hidden paragraph with a long sentence, that a reader would never see on screen.</p>"
        let result = try normalize(newsPage(extraBody: extra))
        #expect(!result.text.contains("Hidden paragraph"))
    }
}

@Suite("Text clean-up")
struct TextCleaningTests {
    @Test func whitespaceInvisiblesAndNBSP() {
        #expect(TextCleaning.clean("  a\u{00A0}b \n\t c  ") == "a b c")
        #expect(TextCleaning.clean("news\u{00AD}paper zero\u{200B}width\u{200C}\u{200D} word\u{2060}join\u{FEFF}") == "newspaper zerowidth wordjoin")
        #expect(TextCleaning.clean("“Quoted” — ‘kept’") == "“Quoted” — ‘kept’")
    }

    @Test func appliesNFC() {
        let decomposed = "Cafe\u{0301} Mu\u{0308}ller"
        let cleaned = TextCleaning.clean(decomposed)
        #expect(cleaned == "Caf\u{00E9} M\u{00FC}ller")
        #expect(cleaned.unicodeScalars.count == 11)
    }

    @Test func pageTextIsCleaned() throws {
        let p = "The sea\u{00A0}wall, built in 1953, was over\u{00AD}topped twice; Mu\u{0308}ller&nbsp;said &amp; repeated it &#8220;twice&#8221; today."
        let result = try normalize(newsPage(paragraphs: [p] + storyParagraphs))
        #expect(result.paragraphs.first == "The sea wall, built in 1953, was overtopped twice; M\u{00FC}ller said & repeated it “twice” today.")
    }
}
