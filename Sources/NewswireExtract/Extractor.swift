import Foundation
import NewswireWire

/// Finds the facts in a normalized article: entities with roles and places, direct and
/// indirect quotations with speakers, amounts with their sources, dates resolved against the
/// publication date, claims and tone. Pure and deterministic: the same article gives the same
/// result, so re-processing after a crash is harmless.
public struct Extractor: Sendable {
    /// Texts longer than this are only counted past the limit, not analysed: no real article is
    /// this long, and it bounds time and memory for the stage.
    public static let analysisLimit = 400_000

    public init() {}

    public func extract(_ article: ArticleNormalized) -> ArticleExtracted {
        let fullScalars = article.text.unicodeScalars.count
        if fullScalars > Extractor.analysisLimit {
            // Analyse a prefix cut at a paragraph break; count the rest cheaply.
            let scalars = Array(article.text.unicodeScalars)
            var cut = Extractor.analysisLimit
            var k = cut
            while k > Extractor.analysisLimit / 2 {
                if scalars[k] == "\n" && scalars[k - 1] == "\n" { cut = k; break }
                k -= 1
            }
            var head = String.UnicodeScalarView(); head.append(contentsOf: scalars[0..<cut])
            var result = analyse(article, text: String(head))
            let rest = Extractor.roughCounts(scalars[cut...])
            result.tokenCount += rest.tokens
            result.sentenceCount += rest.sentences
            return result
        }
        return analyse(article, text: article.text)
    }

    /// Token and sentence counts without building tokens, for text past the analysis limit:
    /// a word or number run is one token, any other visible character one token; a sentence
    /// ends at . ! ? before a space and a capital, or at a line break.
    static func roughCounts(_ s: ArraySlice<Unicode.Scalar>) -> (tokens: Int, sentences: Int) {
        var tokens = 0, sentences = 0
        var inWord = false
        var open = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if isSpace(c) {
                inWord = false
                if c == "\n" && open { sentences += 1; open = false }
            } else if isLetter(c) || isDigit(c) {
                if !inWord { tokens += 1; inWord = true; open = true }
            } else {
                inWord = false
                tokens += 1
                open = true
                if c == "." || c == "!" || c == "?" {
                    var j = i + 1
                    while j < s.endIndex && (doubleQuoteKind(s[j]) != 0 || singleQuoteKind(s[j]) != 0 || s[j] == ")") { j += 1 }
                    if j + 1 < s.endIndex && isSpace(s[j]) && (isUpperLetter(s[j + 1]) || doubleQuoteKind(s[j + 1]) != 0) {
                        sentences += 1; open = false
                    }
                }
            }
            i += 1
        }
        if open { sentences += 1 }
        return (tokens, sentences)
    }

    private func analyse(_ article: ArticleNormalized, text: String) -> ArticleExtracted {
        let doc = Document(text: text, language: article.language)
        let published = Day.parseISO(article.publishedAt)

        // The context rules (reporting verbs, cue words, relative dates, tone words) are English.
        // In another language they would only invent facts, so they are switched off: entities
        // keep only strong evidence (gazetteer, suffix, first name), direct quotations keep their
        // text without a speaker, and there are no indirect quotes, claims, amount sources,
        // word-based dates or tone. An article without a language is read as English.
        let english = article.language.map { $0.isEmpty || $0.lowercased().hasPrefix("en") } ?? true
        let entities = EntityRecognizer(minScore: english ? 0 : 4).recognize(doc)
        let resolver = SourceResolver(doc: doc, entities: entities)

        var dates = DateFinder().find(doc, published: published)
        if !english {
            dates = dates.filter { d in !d.range.contains { doc.tokens[$0].kind == .word } }
        }
        var dateTokens = [Bool](repeating: false, count: doc.tokens.count)
        for d in dates { for k in d.range { dateTokens[k] = true } }

        let direct = QuoteFinder().find(doc, resolver: resolver)
        var quoted = [Bool](repeating: false, count: doc.tokens.count)
        for q in direct { for k in q.outer { quoted[k] = true } }
        let attributions = english ? AttributionFinder().find(doc, resolver: resolver, quoted: quoted) : []

        let amountsFound = AmountFinder().find(doc, dateTokens: dateTokens, entities: entities)

        var out = ArticleExtracted(article: article)
        out.sentenceCount = doc.sentences.count
        out.tokenCount = doc.tokens.count
        out.entities = entities.entities.map { en in
            Entity(name: en.name, type: en.type,
                   mentions: en.mentions.map { m in
                       let s = doc.tokens[m.lowerBound].start, e = doc.tokens[m.upperBound - 1].end
                       return Mention(text: doc.text(s, e), start: s, end: e)
                   },
                   roles: en.roles, geo: en.type == .location ? en.geo : nil)
        }
        var quotes: [Quote] = direct.map { q in
            let texts = q.parts.map { doc.text(tokens: $0) }
            let s = doc.tokens[q.parts[0].lowerBound].start
            let e = doc.tokens[q.parts[q.parts.count - 1].upperBound - 1].end
            return Quote(text: texts.joined(separator: " "), speaker: english ? q.speaker : nil, verb: english ? q.verb : nil,
                         kind: .direct, start: s, end: e)
        }
        quotes.append(contentsOf: ClaimBuilder().indirectQuotes(doc, attributions))
        quotes.sort { $0.start < $1.start }
        out.quotes = quotes
        out.claims = ClaimBuilder().claims(doc, attributions)
        out.dates = dates.map { d in
            let s = doc.tokens[d.range.lowerBound].start, e = doc.tokens[d.range.upperBound - 1].end
            return DateMention(text: doc.text(s, e), value: d.value, start: s, end: e)
        }
        out.amounts = amountsFound.map { a in
            let s = doc.tokens[a.range.lowerBound].start, e = doc.tokens[a.range.upperBound - 1].end
            let source = english ? sourceOf(a.range, doc: doc, direct: direct, attributions: attributions) : nil
            return Amount(text: doc.text(s, e), value: a.value, unit: a.unit, object: a.object, valueMax: a.valueMax,
                          approximate: a.approximate, bound: a.bound, source: source, renderings: a.renderings,
                          start: s, end: e)
        }
        out.tone = english ? ToneScorer().score(doc.tokens) : 0
        return out
    }

    /// The speaker of the quotation holding the amount, else the innermost attribution around it.
    private func sourceOf(_ r: Range<Int>, doc: Document, direct: [QuoteFinder.Found], attributions: [Attribution]) -> String? {
        for q in direct where q.parts.contains(where: { $0.contains(r.lowerBound) }) { return q.speaker }
        var best: Attribution? = nil
        for a in attributions where a.clause.contains(r.lowerBound) {
            if best == nil || a.clause.count < best!.clause.count { best = a }
        }
        if let b = best { return b.source }
        // Outside every clause but in a sentence with an attribution: in news the number is still
        // the source's ("Police said 214 were detained …"); the nearest attribution in the sentence.
        let s = doc.sentenceRange(of: r.lowerBound)
        var nearest: (Int, Attribution)? = nil
        // Only numbers reported after the verb: "The rebels hold 900 km², and the government, which says …"
        // does not credit the government with the rebels' 900 km².
        for a in attributions where s.contains(a.verbStart) && a.verbStart < r.lowerBound {
            if a.subject.contains(r.lowerBound) { continue }
            let d = min(abs(a.verbStart - r.lowerBound), abs(a.verbStart - r.upperBound))
            if nearest == nil || d < nearest!.0 { nearest = (d, a) }
        }
        return nearest?.1.source
    }
}
