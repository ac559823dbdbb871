import NewswireWire
@testable import NewswireExtract

/// Publication time used by the tests: Thursday 19 November 2026.
let published = "2026-11-19T10:00:00Z"

func article(_ text: String, publishedAt: String? = published) -> ArticleNormalized {
    ArticleNormalized(id: "t", url: "https://example.com/t", publishedAt: publishedAt, text: text,
                      paragraphs: text.components(separatedBy: "\n\n"), contentHash: "", fingerprint: "")
}

func extract(_ text: String, publishedAt: String? = published) -> ArticleExtracted {
    Extractor().extract(article(text, publishedAt: publishedAt))
}

/// The text of a scalar range of `text`.
func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let s = Array(text.unicodeScalars)
    guard start >= 0, end <= s.count, start <= end else { return "<out of range \(start)..<\(end)>" }
    var v = String.UnicodeScalarView(); v.append(contentsOf: s[start..<end])
    return String(v)
}

/// Every offset in a result must point at the text it reports.
func offsetErrors(_ r: ArticleExtracted) -> [String] {
    let text = r.article.text
    var errors: [String] = []
    for e in r.entities { for m in e.mentions where slice(text, m.start, m.end) != m.text { errors.append("mention \(m)") } }
    for a in r.amounts where slice(text, a.start, a.end) != a.text { errors.append("amount \(a.text)") }
    for d in r.dates where slice(text, d.start, d.end) != d.text { errors.append("date \(d.text)") }
    for c in r.claims where slice(text, c.start, c.end) != c.text { errors.append("claim \(c.text)") }
    for q in r.quotes where q.start < 0 || q.end > text.unicodeScalars.count || q.start > q.end { errors.append("quote \(q.text)") }
    return errors
}

func entity(_ r: ArticleExtracted, _ name: String) -> Entity? { r.entities.first { $0.name == name } }
func amount(_ r: ArticleExtracted, _ text: String) -> Amount? { r.amounts.first { $0.text == text } }
func date(_ r: ArticleExtracted, _ text: String) -> DateMention? { r.dates.first { $0.text == text } }

func sentences(_ text: String) -> [String] {
    let doc = Document(text: text)
    return doc.sentences.map { doc.text(tokens: $0) }
}
