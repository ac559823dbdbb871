import Foundation
import Testing
@testable import NewswireNormalize

@Suite("Metadata")
struct MetadataTests {
    @Test func titlePrefersOpenGraphAndDropsSiteName() throws {
        let head = #"<meta property="og:title" content="Storm cuts power to thousands - Daily Planet"><meta property="og:site_name" content="Daily Planet">"#
        let result = try normalize(newsPage(head: head))
        #expect(result.title == "Storm cuts power to thousands")
        #expect(result.siteName == "Daily Planet")
    }

    @Test func titleFallsBackToH1ThenTitleElement() throws {
        #expect(try normalize(newsPage()).title == "Storm hits coast")
        let noH1 = "<html><head><title>Floods close schools | Northern Herald</title></head><body>\(storyParagraphs.map { "<p>\($0)</p>" }.joined())</body></html>"
        #expect(try normalize(noH1).title == "Floods close schools")
    }

    @Test func titleCleaningKeepsDashesInsideTheHeadline() {
        #expect(TitleCleaner.clean("Storm - what we know so far", siteName: nil, pageURL: "https://example.com/") == "Storm - what we know so far")
        #expect(TitleCleaner.clean("Reuters - Storm hits coast", siteName: "Reuters", pageURL: "https://example.com/") == "Storm hits coast")
        #expect(TitleCleaner.clean("Storm hits coast – The Guardian", siteName: nil, pageURL: "https://www.theguardian.com/x") == "Storm hits coast")
    }

    @Test func bylineFromJSONLDThenMetaThenMarkup() throws {
        let ld = #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Berg"}]}</script>"#
        #expect(try normalize(newsPage(head: ld + #"<meta name="author" content="Someone Else">"#)).byline == "Ana Ruiz, Tom Berg")
        #expect(try normalize(newsPage(head: #"<meta name="author" content="By Lena Kraus">"#)).byline == "Lena Kraus")
        #expect(try normalize(newsPage()).byline == "Ana Ruiz", "class=byline, 'By ' stripped")
        #expect(try normalize(newsPage(head: #"<meta property="article:author" content="https://facebook.com/someone">"#)).byline == "Ana Ruiz")
    }

    @Test func publishedDateOrderOfTrust() throws {
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-04T09:30:00+01:00","dateModified":"2024-03-04T18:00:00Z"}</script>"#
        let og = #"<meta property="article:published_time" content="2024-03-03T08:00:00Z">"#
        let time = #"<time datetime="2024-03-02">2 March</time>"#
        #expect(try normalize(newsPage(head: ld + og, extraBody: time)).publishedAt == "2024-03-04T09:30:00+01:00")
        #expect(try normalize(newsPage(head: ld + og)).modifiedAt == "2024-03-04T18:00:00Z")
        #expect(try normalize(newsPage(head: og, extraBody: time)).publishedAt == "2024-03-03T08:00:00Z")
        #expect(try normalize(newsPage(extraBody: time)).publishedAt == "2024-03-02")
        #expect(try normalize(newsPage()).publishedAt == "2024-03-05", "date in the URL")
        let undated = try normalize(newsPage(), url: "https://news.example.com/storm-hits-coast")
        #expect(undated.publishedAt == nil)
        #expect(undated.modifiedAt == nil)
    }

    @Test func dateFormatsNormaliseToISO8601() {
        #expect(DateNormalizer.iso8601("2019-11-19T10:05:00.000Z") == "2019-11-19T10:05:00Z")
        #expect(DateNormalizer.iso8601("2019-11-19 10:05:07 -0500") == "2019-11-19T10:05:07-05:00")
        #expect(DateNormalizer.iso8601("2019-11-19T10:05") == "2019-11-19T10:05:00")
        #expect(DateNormalizer.iso8601("20191119") == "2019-11-19")
        #expect(DateNormalizer.iso8601("Tue, 19 Nov 2019 15:04:05 GMT") == "2019-11-19T15:04:05Z")
        #expect(DateNormalizer.iso8601("November 19, 2019 3:04 PM") == "2019-11-19T15:04:00")
        #expect(DateNormalizer.iso8601("2019-02-30") == nil)
        #expect(DateNormalizer.iso8601("yesterday") == nil)
    }

    @Test func canonicalURLIsResolvedAgainstThePage() throws {
        #expect(try normalize(newsPage(head: #"<link rel="canonical" href="/2024/03/05/storm">"#)).canonicalUrl
                == "https://news.example.com/2024/03/05/storm")
        #expect(try normalize(newsPage(head: #"<meta property="og:url" content="https://example.org/s">"#)).canonicalUrl
                == "https://example.org/s")
        #expect(try normalize(newsPage()).canonicalUrl == nil)
    }

    @Test func descriptionAndAbsentFieldsAreNull() throws {
        let result = try normalize("<html><body>\(storyParagraphs.map { "<p>\($0)</p>" }.joined())</body></html>",
                                   url: "https://example.com/story")
        #expect(result.title == nil && result.byline == nil && result.siteName == nil && result.description == nil)
        #expect(result.canonicalUrl == nil && result.publishedAt == nil)
        #expect(try normalize(newsPage(head: #"<meta name="description" content="  A storm. ">"#)).description == "A storm.")
    }

    @Test func languageDeclaredOrDetected() throws {
        #expect(try normalize(newsPage(lang: "en-GB")).language == "en")
        let german = [
            "Der Sturm hat in der Nacht auf Dienstag an der Küste schwere Schäden angerichtet, wie die Behörden mitteilten.",
            "Die Feuerwehr war mit mehr als 400 Einsätzen beschäftigt, die meisten wegen umgestürzter Bäume und überfluteter Keller.",
            "Auch der Bahnverkehr zwischen dem Hafen und der Hauptstadt wird bis auf Weiteres nicht wieder aufgenommen.",
        ]
        let page = "<html><body>\(german.map { "<p>\($0)</p>" }.joined())</body></html>"
        #expect(try normalize(page).language == "de")
        #expect(LanguageIdentifier.identify("東京都は火曜日、台風の影響で多くの学校が休校になったと発表した。") == "ja")
        #expect(LanguageIdentifier.identify("서울시는 화요일 태풍의 영향으로 많은 학교가 휴교했다고 밝혔다.") == "ko")
        #expect(LanguageIdentifier.identify("北京市政府周二表示，受台风影响，许多学校停课。") == "zh")
        #expect(LanguageIdentifier.identify("Буря обрушилась на побережье во вторник, и в тысячах домов не было света, сообщили власти.") == "ru")
        #expect(LanguageIdentifier.identify("12345 67890 ++ --") == nil)
    }
}

@Suite("Byline clean-up") struct BylineCleanupTests {
    @Test func datesAndFurnitureAreCutFromBylines() {
        #expect(PageMetadata.cutDateline("Madeline Fry | November 18, 2019 12:01 PM Print this article") == "Madeline Fry")
        #expect(PageMetadata.cutDateline("Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader Published 10:02 AM EST Nov 19,")
                == "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader")
        #expect(PageMetadata.cutDateline("Jeff FoustMonday, November 18, 2019") == "Jeff Foust")
        #expect(PageMetadata.cutDateline("VALLEY WIRE SERVICE Published: 06:20, 11 November 2026") == "VALLEY WIRE SERVICE")
        #expect(PageMetadata.cutDateline("Amy Kuperinsky | NJ Advance Media for NJ.com") == "Amy Kuperinsky | NJ Advance Media for NJ.com")
        #expect(PageMetadata.cutDateline("JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43") == "JERUSALEM POST STAFF")
        #expect(PageMetadata.cutDateline("April Ryan") == "April Ryan")
        #expect(PageMetadata.cutDateline("Tom Rogan, Washington Examiner") == "Tom Rogan, Washington Examiner")
        #expect(PageMetadata.cutDateline("Summer May Jones") == "Summer May Jones")
    }
}

@Suite("Byline from author elements") struct AuthorElementTests {
    @Test func anAuthorElementReadingByIsTheBylineButACommentAuthorIsNot() throws {
        let page = """
        <html><head><title>Fire at plant</title></head><body><article><h1>Fire at plant</h1>
        <span class="x-author">By <a href="/a/sam">SAM OKONJO-REED</a>, Northern Correspondent</span>
        <p>\(String(repeating: "Workers were hurt when a fire ripped through the plant on Tuesday night. ", count: 6))</p>
        </article><div class="comments"><p class="x-comment-author">By DunmoreDave</p></div></body></html>
        """
        #expect(try normalize(page).byline == "SAM OKONJO-REED, Northern Correspondent")
        let onlyComment = """
        <html><head><title>Fire at plant</title></head><body><article><h1>Fire at plant</h1>
        <p>\(String(repeating: "Workers were hurt when a fire ripped through the plant on Tuesday night. ", count: 6))</p>
        </article><div class="comments"><p class="x-comment-author">By DunmoreDave</p></div></body></html>
        """
        #expect(try normalize(onlyComment).byline == nil)
    }
}
