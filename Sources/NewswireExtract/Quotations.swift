import NewswireWire

/// Direct quotations: pairs quotation marks of any style within a paragraph, carries a quote
/// across paragraphs when a paragraph ends open and the next one reopens, then finds the
/// speaker from the reporting verb after or before the quote. Split quotes ("X," he said, "Y")
/// and follow-on quotes right after an attributed one join it with the same speaker.
struct QuoteFinder: Sendable {
    struct Found: Sendable {
        /// Content token ranges, one per part (quote marks excluded).
        var parts: [Range<Int>]
        /// Mark tokens of the whole quotation, open to close, inclusive.
        var outer: ClosedRange<Int>
        var speaker: String?
        var verb: String?
        /// Token index after the attribution phrase used, for joining follow-ons.
        var attributionEnd: Int
        var attributed: Bool
    }

    func find(_ doc: Document, resolver: SourceResolver) -> [Found] {
        let t = doc.tokens
        let n = t.count
        let single = QuoteFinder.singleMarksArePrimary(t)
        func isMark(_ k: Int) -> Bool { t[k].kind == .quote && t[k].has(.quoteSingle) == single }

        // 1. Pair marks into raw quotations (possibly multi-paragraph).
        var raw: [(parts: [Range<Int>], open: Int, close: Int)] = []
        var open = -1
        var parts: [Range<Int>] = []
        var partStart = -1
        var firstOpen = -1
        var nested = 0
        var k = 0
        while k < n {
            let tok = t[k]
            if (tok.has(.paragraphStart) || tok.has(.lineStart)) && open >= 0 {
                // A paragraph that ends inside a quote continues only if the next one reopens.
                if isMark(k) && tok.has(.quoteOpen) {
                    if k > partStart { parts.append(partStart..<k) }
                    partStart = k + 1
                    open = k
                    k += 1; continue
                }
                // A quotation that ran over paragraphs (reopened at least once) and whose last paragraph
                // does not close it, as before an embedded post: it ends with that paragraph.
                if !parts.isEmpty && k > partStart {
                    parts.append(partStart..<k)
                    raw.append((parts, firstOpen, k - 1))
                }
                open = -1; parts = []; nested = 0
            }
            if isMark(k) {
                if open < 0 {
                    if tok.has(.quoteOpen) { open = k; firstOpen = k; partStart = k + 1; parts = [] }
                } else if nested > 0 && (tok.has(.quoteClose) || tok.text == "\"") {
                    nested -= 1
                } else if nested == 0 && opensNested(t, k, isMark: isMark) {
                    // “… called it "a historic day" and …”: the same marks nested, straight style.
                    nested = 1
                } else if tok.has(.quoteClose) || tok.text == "\"" {
                    if k > partStart { parts.append(partStart..<k) }
                    if !parts.isEmpty { raw.append((parts, firstOpen, k)) }
                    open = -1; parts = []
                }
            }
            k += 1
        }

        // 2. Keep real quotations, drop scare quotes and titles.
        var out: [Found] = []
        for q in raw {
            let words = q.parts.reduce(0) { acc, r in acc + r.filter { t[$0].kind == .word || t[$0].kind == .number }.count }
            var f = Found(parts: q.parts, outer: q.open...q.close, speaker: nil, verb: nil, attributionEnd: q.close + 1, attributed: false)
            attribute(doc, &f, resolver: resolver, previous: out.last)
            // Second half of a split quote, or a follow-on right after the attribution: join it.
            if !f.attributed, let last = out.last, last.attributed, last.attributionEnd <= q.open, samePara(doc, last.outer.upperBound, q.open),
               !(last.attributionEnd..<q.open).contains(where: { t[$0].kind == .word || t[$0].kind == .number }) {
                var merged = last
                merged.parts.append(contentsOf: q.parts)
                merged.outer = last.outer.lowerBound...q.close
                merged.attributionEnd = q.close + 1
                out[out.count - 1] = merged
                continue
            }
            let followsAttributed = !f.attributed && out.last?.attributed == true
                && samePara(doc, out.last!.outer.upperBound, q.open) && out.last!.attributionEnd <= q.open
                && !(out.last!.attributionEnd..<q.open).contains(where: { t[$0].kind == .word || t[$0].kind == .number })
            if words < 4 && !f.attributed && !followsAttributed { continue }
            if words <= 2 && !followsAttributed && !reportingVerbNextTo(doc, f) { continue }
            if words < 7 && !f.attributed && !followsAttributed && q.open > 0 {
                // 'the so-called "peace plan" was' — inside running text, not speech.
                let p = t[q.open - 1]
                if p.kind == .word && !p.has(.sentenceStart) && Lexicon.reportingVerbs[p.lower] == nil { continue }
            }
            // Follow-on: right after an attributed quotation's attribution, same paragraph.
            if !f.attributed, let last = out.last, last.attributed, samePara(doc, last.outer.upperBound, q.open) {
                var gapOK = true
                var g = last.attributionEnd
                while g < q.open { if t[g].kind == .word || t[g].kind == .number { gapOK = false; break }; g += 1 }
                if last.attributionEnd <= q.open && gapOK {
                    var merged = last
                    merged.parts.append(contentsOf: q.parts)
                    merged.outer = last.outer.lowerBound...q.close
                    merged.attributionEnd = max(last.attributionEnd, q.close + 1)
                    out[out.count - 1] = merged
                    continue
                }
                f.speaker = last.speaker; f.verb = last.verb
            } else if !f.attributed, let last = out.last, last.attributed, pureQuoteParagraph(doc, f, after: last) {
                // A paragraph that is only a quotation, right after one attributed: same speaker.
                f.speaker = last.speaker; f.verb = last.verb
            } else if !f.attributed, f.speaker == nil, let (sp, verb) = inheritedSpeaker(doc, f, resolver: resolver, previous: out.last) {
                f.speaker = sp; f.verb = verb
            }
            out.append(f)
        }
        return out
    }

    /// A scare quote ("were made to feel “cornered.”") has no verb of speech close to it; a one- or
    /// two-word quotation is speech as `said “no”`, `called his work “stunning”`, `says they are
    /// “believers”` (a verb at most four tokens before, same sentence) or `“No,” he said`.
    private func reportingVerbNextTo(_ doc: Document, _ f: Found) -> Bool {
        let t = doc.tokens
        func isVerb(_ k: Int) -> Bool {
            guard k >= 0 && k < t.count && t[k].kind == .word && !t[k].has(.capitalized) else { return false }
            return Lexicon.reportingVerbs[t[k].lower] != nil || ["called", "calls", "call", "calling", "according"].contains(t[k].lower)
        }
        let open = f.outer.lowerBound
        var b = open - 1
        while b >= 0 && open - b <= 5 && doc.sentenceOf[b] == doc.sentenceOf[open] && (t[b].kind == .word || t[b].text == "," || t[b].text == ":" || t[b].text == "’s" || t[b].text == "'s") {
            if isVerb(b) { return true }
            b -= 1
        }
        var a = f.outer.upperBound + 1
        while a < t.count && t[a].kind == .punct && a - f.outer.upperBound <= 2 { a += 1 }
        guard a < t.count, doc.sentenceOf[a] == doc.sentenceOf[f.outer.upperBound] else { return false }
        return (a..<min(t.count, a + 4)).contains(where: isVerb)
    }

    private func pureQuoteParagraph(_ doc: Document, _ f: Found, after last: Found) -> Bool {
        let t = doc.tokens
        let open = f.outer.lowerBound
        guard t[open].has(.paragraphStart) else { return false }
        // The previous paragraph holds the attributed quotation.
        var k = open - 1
        while k > last.outer.upperBound { if t[k].has(.paragraphStart) { return false }; k -= 1 }
        // Nothing but punctuation after the closing mark in this paragraph.
        var e = f.outer.upperBound + 1
        while e < t.count && !t[e].has(.paragraphStart) { if t[e].kind == .word { return false }; e += 1 }
        return true
    }

    private func samePara(_ doc: Document, _ a: Int, _ b: Int) -> Bool {
        guard a < b else { return true }
        for k in (a + 1)...b where doc.tokens[k].has(.paragraphStart) { return false }
        return true
    }

    /// Lemmas of verbs of speech that carry a quotation from further back in the sentence or from
    /// the sentence before ("Cook said Apple employs 450 Dreamers, and he sees “first hand …”").
    static let speechLemmas: Set<String> = ["say", "tell", "add", "state", "argue", "warn", "insist", "explain", "note",
                                            "testify", "reiterate", "write", "claim", "acknowledge", "admit", "declare",
                                            "stress", "emphasise", "emphasize", "contend", "maintain", "assert", "reply", "respond"]

    /// Looks for "…," said X / X said / he said after the quote, then "X said:" before it.
    private func attribute(_ doc: Document, _ f: inout Found, resolver: SourceResolver, previous: Found?) {
        let t = doc.tokens
        let open = f.outer.lowerBound
        // "… and said, “…,” the prosecutor's office said": the quote's own speaker is the one
        // right before it; the attribution after it reports the whole statement.
        if open >= 2 && (t[open - 1].text == "," || t[open - 1].text == ":"),
           t[open - 2].kind == .word && !t[open - 2].has(.capitalized),
           let lemma = Lexicon.reportingVerbs[t[open - 2].lower], QuoteFinder.speechLemmas.contains(lemma) {
            if attributeBefore(doc, &f, resolver: resolver, previous: previous) { return }
        }
        if attributeAfter(doc, &f, resolver: resolver) { return }
        if attributeDashOrAccording(doc, &f, resolver: resolver) { return }
        if attributeBefore(doc, &f, resolver: resolver, previous: previous) { return }
        if attributeColon(doc, &f, resolver: resolver) { return }
        if attributeNameRoleColon(doc, &f, resolver: resolver) { return }
        _ = attributeNextSentence(doc, &f, resolver: resolver)
    }

    static let dashes: Set<String> = ["—", "–", "-", "―"]

    /// British style quotes in single marks and nests double ones inside (‘He said “never” to me’):
    /// single marks are the quotation marks when there are no double marks, or when a paragraph opens
    /// with a single mark and every double mark stands inside a single-quoted stretch.
    static func singleMarksArePrimary(_ t: [Token]) -> Bool {
        var anyDouble = false, openerAtStart = false, singleOpen = false
        for (k, u) in t.enumerated() {
            if u.has(.paragraphStart) { singleOpen = false }
            guard u.kind == .quote else { continue }
            if u.has(.quoteSingle) {
                if u.text == "'" { continue }
                if u.has(.quoteOpen) {
                    singleOpen = true
                    if k == 0 || u.has(.paragraphStart) || u.has(.lineStart) { openerAtStart = true }
                } else { singleOpen = false }
            } else {
                anyDouble = true
                if !singleOpen { return false }
            }
        }
        return !anyDouble || openerAtStart
    }

    /// An opening straight mark inside an open quotation, glued to the next word, with at least two
    /// more marks later in the paragraph (its own close and the outer one): a nested quotation.
    private func opensNested(_ t: [Token], _ k: Int, isMark: (Int) -> Bool) -> Bool {
        guard t[k].text == "\"", t[k].has(.quoteOpen), t[k].has(.spaceBefore), k + 1 < t.count, t[k + 1].kind == .word,
              !t[k + 1].has(.spaceBefore) else { return false }
        var marks = 0
        var j = k + 1
        while j < t.count && !t[j].has(.paragraphStart) { if isMark(j) { marks += 1 }; j += 1 }
        return marks >= 2
    }

    /// "Jane Roe, editor of The Review: “…”": a name, a role in apposition, then a colon.
    private func attributeNameRoleColon(_ doc: Document, _ f: inout Found, resolver: SourceResolver) -> Bool {
        let t = doc.tokens
        let open = f.outer.lowerBound
        guard open >= 3 && t[open - 1].text == ":" else { return false }
        let lower = doc.sentenceRange(of: open - 1).lowerBound
        guard open - 1 - lower <= 16 else { return false }
        var k = lower
        while k < open - 1 && t[k].kind != .word { k += 1 }
        let e = resolver.entities.tokenEntity[k]
        guard e >= 0, [.person, .organization, .group].contains(resolver.entities.entities[Int(e)].type) else { return false }
        var m = k
        while m < open - 1 && resolver.entities.tokenEntity[m] == e { m += 1 }
        guard m < open - 1, t[m].text == "," else { return false }
        // The apposition is a role, not a clause: no verb of speech in it.
        guard !(m..<(open - 1)).contains(where: { Lexicon.reportingVerbs[t[$0].lower] != nil && !t[$0].has(.capitalized) }) else { return false }
        f.speaker = resolver.entities.entities[Int(e)].name; f.verb = ":"; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
        return true
    }

    /// A quotation that is a sentence of its own, with the speaker in the next sentence:
    /// "“….” Gomez said on Friday." or "“…” The pledge came from Mayor Rita Gomez."
    private func attributeNextSentence(_ doc: Document, _ f: inout Found, resolver: SourceResolver) -> Bool {
        let t = doc.tokens
        let close = f.outer.upperBound
        guard close + 2 < t.count, !t[close + 1].has(.paragraphStart), t[close + 1].kind == .word,
              doc.sentenceOf[close + 1] != doc.sentenceOf[f.outer.lowerBound] else { return false }
        let s = doc.sentenceRange(of: close + 1)
        guard s.lowerBound == close + 1 else { return false }
        if let sp = statementNounSource(doc, s, resolver: resolver) ?? shortSpeechSentenceSubject(doc, s, resolver: resolver) {
            f.speaker = sp; f.verb = nil; f.attributed = true; f.attributionEnd = s.upperBound
            return true
        }
        return false
    }

    /// "The pledge came from Mayor Rita Gomez": a noun for what was said, then "from" or "by" a name.
    private func statementNounSource(_ doc: Document, _ s: Range<Int>, resolver: SourceResolver) -> String? {
        let t = doc.tokens
        let head = min(s.upperBound, s.lowerBound + 3)
        guard (s.lowerBound..<head).contains(where: { Lexicon.statementNouns.contains(t[$0].lower) }) else { return nil }
        var k = s.lowerBound + 1
        while k < s.upperBound - 1 && k - s.lowerBound <= 8 {
            if t[k].lower == "from" || t[k].lower == "by" {
                // Past "the" and titles: "from the Interior Minister Ana Ruiz".
                var e = k + 1
                while e < s.upperBound && e - k <= 4 && resolver.entities.tokenEntity[e] < 0
                        && (t[e].lower == "the" || Lexicon.titleHeads.contains(t[e].lower) || Lexicon.roleModifiers.contains(t[e].lower)) { e += 1 }
                guard e < s.upperBound, resolver.entities.tokenEntity[e] >= 0 else { return nil }
                let en = resolver.entities.entities[Int(resolver.entities.tokenEntity[e])]
                return [.person, .organization, .group].contains(en.type) ? en.name : nil
            }
            k += 1
        }
        return nil
    }

    /// "Gomez said on Friday.": a subject and a verb of speech with nothing reported after it.
    private func shortSpeechSentenceSubject(_ doc: Document, _ s: Range<Int>, resolver: SourceResolver) -> String? {
        let t = doc.tokens
        var v = s.lowerBound + 1
        while v < s.upperBound && v - s.lowerBound <= 6 {
            if t[v].kind == .word && !t[v].has(.capitalized), let lemma = Lexicon.reportingVerbs[t[v].lower], QuoteFinder.speechLemmas.contains(lemma) { break }
            v += 1
        }
        guard v < s.upperBound, v - s.lowerBound <= 6, s.upperBound - v <= 7 else { return nil }
        guard !((v + 1)..<s.upperBound).contains(where: { t[$0].lower == "that" || Lexicon.clauseWords.contains(t[$0].lower) }) else { return nil }
        return resolver.resolveSubject(s.lowerBound..<v)
    }

    /// "“…” — Maria Santos" (a name closing the paragraph after a dash) and "“…,” according to X."
    private func attributeDashOrAccording(_ doc: Document, _ f: inout Found, resolver: SourceResolver) -> Bool {
        let t = doc.tokens
        let close = f.outer.upperBound
        var k = close + 1
        if k < t.count && t[k].text == "," { k += 1 }
        // "-Senator Smith, tweeting after the vote" may stand on a line of its own.
        guard k + 1 < t.count, !t[k].has(.paragraphStart) || QuoteFinder.dashes.contains(t[k].text) else { return false }
        if t[k].lower == "according" && t[k + 1].lower == "to" {
            // Only inside the quotation's own sentence: "“…,” according to X."
            guard doc.sentenceOf[k] == doc.sentenceOf[close] || t[close + 1].text == "," else { return false }
            var e = k + 2
            while e < t.count && e - k <= 14 && t[e].text != "," && t[e].text != "." && t[e].text != ";" && t[e].kind != .quote && !t[e].has(.paragraphStart) { e += 1 }
            guard let sp = resolver.resolve((k + 2)..<e) else { return false }
            f.speaker = sp; f.verb = "according to"; f.attributed = true; f.attributionEnd = e
            return true
        }
        guard QuoteFinder.dashes.contains(t[k].text) else { return false }
        // The name runs to the end of the paragraph (or a comma before a role), a few tokens at most.
        var e = k + 1
        // An embedded post: "— Harbury Wanderers (@HarburyFC) May 3" ends the name at the bracket.
        while e < t.count && !t[e].has(.paragraphStart) && !t[e].has(.lineStart) && t[e].text != "," && t[e].text != "(" && e - k <= 8 { e += 1 }
        guard e - k <= 8, e > k + 1 else { return false }
        let g = (k + 1)..<e
        guard let last = g.last(where: { t[$0].kind == .word }), resolver.entities.tokenEntity[last] >= 0,
              resolver.entities.entities[Int(resolver.entities.tokenEntity[last])].type != .location,
              let sp = resolver.resolve(g) else { return false }
        f.speaker = sp; f.verb = t[k].text; f.attributed = true; f.attributionEnd = e
        return true
    }

    /// "Merkel: “We will manage …”" in headlines and interviews: a bare name before a colon.
    private func attributeColon(_ doc: Document, _ f: inout Found, resolver: SourceResolver) -> Bool {
        let t = doc.tokens
        let open = f.outer.lowerBound
        guard open >= 2 && t[open - 1].text == ":" else { return false }
        let end = open - 1
        var a = end
        while a > 0 && end - a < 6 && !t[a].has(.paragraphStart) && !t[a].has(.lineStart) && !t[a].has(.sentenceStart)
                && !(t[a - 1].kind == .punct && [".", "?", "!", ":", ";"].contains(t[a - 1].text)) { a -= 1 }
        guard end - a <= 5, a < end, let e = entityCovering(resolver, a..<end),
              [.person, .organization, .group].contains(resolver.entities.entities[e].type) else { return false }
        f.speaker = resolver.entities.entities[e].name; f.verb = ":"; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
        return true
    }

    private func entityCovering(_ resolver: SourceResolver, _ g: Range<Int>) -> Int? {
        let t = resolver.doc.tokens
        let words = g.filter { t[$0].kind == .word || t[$0].kind == .number }
        guard let first = words.first else { return nil }
        let e = resolver.entities.tokenEntity[first]
        guard e >= 0, words.allSatisfy({ resolver.entities.tokenEntity[$0] == e }) else { return nil }
        return Int(e)
    }

    /// "…," said X / "…," X said / "…," X, a spokesman for Y, said / "…," he told Reuters.
    private func attributeAfter(_ doc: Document, _ f: inout Found, resolver: SourceResolver) -> Bool {
        let t = doc.tokens
        let n = t.count
        let close = f.outer.upperBound
        // After: only when the attribution continues the same sentence.
        guard close + 1 < n else { return false }
        // A quotation ending in "?" or "!" ends its sentence for the splitter: "…?” Holmes testified."
        var endMark = close - 1
        while endMark > f.outer.lowerBound && t[endMark].kind == .quote { endMark -= 1 }
        let crossed = (t[endMark].text == "?" || t[endMark].text == "!") && t[close + 1].kind == .word && !t[close + 1].has(.paragraphStart)
        guard doc.sentenceOf[close + 1] == doc.sentenceOf[close] || t[close + 1].text == "," || crossed else { return false }
        let s = doc.sentenceRange(of: close + 1)
        var limit = s.upperBound
        for k in (close + 1)..<s.upperBound where t[k].kind == .quote && t[k].has(.quoteOpen) { limit = k; break }
        var v = close + 1
        var found = -1
        while v < limit && v - close <= 32 {
            let u = t[v]
            if u.kind == .word && !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower], lemma != "put", lemma != "count", lemma != "figure" {
                // Far from the quote only after an apposition or relative clause closed by a comma:
                // "…," Interior Minister X, who serves in …, said.
                if crossed && doc.sentenceOf[close + 1] != doc.sentenceOf[close] {
                    if v - close <= 5 { found = v }
                } else if v - close <= 9 || t[v - 1].text == "," { found = v }
                break
            }
            v += 1
        }
        guard found >= 0 else { return false }
        let left = (close + 1)..<found
        var speaker: String? = nil
        if left.contains(where: { t[$0].kind == .word }) {
            speaker = resolver.resolveSubject(left)
        }
        if speaker == nil && (!left.contains(where: { t[$0].kind == .word }) || t[found - 1].text == ",") {
            // "…," said X / "…" despite …, said another witness, Fiona Hill.
            var e = found + 1
            while e < limit && t[e].text != "," && t[e].text != "." && t[e].text != ";" && t[e].kind != .quote && e - found <= 8 { e += 1 }
            if Lexicon.reportingVerbs[t[found].lower] != "tell" {
                speaker = resolver.resolve((found + 1)..<e)
                // "said another witness, former adviser Fiona Hill": the name in apposition.
                if e < limit && t[e].text == "," && (speaker == nil || !(found + 1..<e).contains(where: { resolver.entities.tokenEntity[$0] >= 0 })) {
                    var e2 = e + 1
                    while e2 < limit && t[e2].text != "," && t[e2].text != "." && t[e2].text != ";" && t[e2].kind != .quote && e2 - e <= 8 { e2 += 1 }
                    let g = (e + 1)..<e2
                    if let last = g.last, resolver.entities.tokenEntity[last] >= 0,
                       resolver.entities.entities[Int(resolver.entities.tokenEntity[last])].type == .person {
                        speaker = resolver.resolve(g)
                    }
                }
            }
        }
        guard let speaker else { return false }
        f.speaker = speaker
        f.verb = t[found].text
        f.attributed = true
        f.attributionEnd = limit
        return true
    }

    /// The subject of a verb read backwards: "Ruiz said", "X, who …, told", "X issued a statement, saying".
    private func subjectBefore(_ doc: Document, verb b: Int, lower: Int, resolver: SourceResolver) -> String? {
        let t = doc.tokens
        func start(from b: Int) -> Int {
            var a = b
            while a > lower {
                let p = t[a - 1]
                if p.kind == .punct && (p.text == "," || p.text == ";" || p.text == ":" || p.text == "(") { break }
                if p.kind == .quote { break }
                if p.kind == .word && !p.has(.capitalized) && Lexicon.clauseBreakers.contains(p.lower) { break }
                if b - a >= 10 { break }
                a -= 1
            }
            return a
        }
        let a = start(from: b)
        if a < b { return resolver.resolve(a..<b) }
        if a > lower && ["and", "but", "then"].contains(t[a - 1].lower) {
            // "he asked about …, called Omar a “terrorist” and said, “…”": the subject of the first verb.
            var k = lower
            while k < a {
                if !resolver.inQuote[k] && t[k].kind == .word {
                    let e = resolver.entities.tokenEntity[k]
                    if e >= 0 && resolver.entities.entities[Int(e)].type == .person { return resolver.entities.entities[Int(e)].name }
                    if Lexicon.pronounsMale.contains(t[k].lower) || Lexicon.pronounsFemale.contains(t[k].lower) {
                        if t[k].lower == "he" || t[k].lower == "she" { return resolver.resolve(k..<(k + 1)) }
                        return nil
                    }
                }
                k += 1
            }
            return nil
        }
        guard a > lower && t[a - 1].text == "," else { return nil }
        // "McCormick, who has split from …, told": back over the apposition to the name.
        var c = a - 2
        while c > lower && a - c <= 30 && t[c].text != "," && t[c].kind != .quote { c -= 1 }
        if c > lower && t[c].text == "," {
            let a2 = start(from: c)
            if a2 < c, let sp = resolver.resolveSubject(a2..<a) { return sp }
        }
        // "Sawyer issued a statement, saying": the subject of the main clause.
        if t[b].lower.hasSuffix("ing") {
            var k = lower
            while k < b {
                let e = resolver.entities.tokenEntity[k]
                if e >= 0 && !resolver.inQuote[k] {
                    let en = resolver.entities.entities[Int(e)]
                    if en.type == .person || en.type == .organization || en.type == .group { return en.name }
                }
                k += 1
            }
        }
        return nil
    }

    /// "The minister, speaking from the border, voiced confidence …, stating": the subject of the
    /// sentence's main clause, its first comma-delimited segment that is a speaker phrase.
    private func mainClauseSubject(_ doc: Document, lower: Int, before b: Int, resolver: SourceResolver) -> String? {
        let t = doc.tokens
        var a = lower
        while a < b {
            var e = a
            while e < b && t[e].text != "," && t[e].kind != .quote { e += 1 }
            let first = t[a].lower
            let opener = Lexicon.prepositions.contains(first) || Lexicon.clauseBreakers.contains(first) || first.hasSuffix("ing")
            if !opener, e > a {
                var v = a
                while v < e && !(t[v].kind == .word && !t[v].has(.capitalized) && v > a && (t[v].lower.hasSuffix("ed") || Lexicon.clauseWords.contains(t[v].lower))) { v += 1 }
                return resolver.resolve(a..<v)
            }
            a = e + 1
        }
        return nil
    }

    /// A verb of speech earlier in the sentence whose subject is a named person or organisation.
    private func outerSpeaker(_ doc: Document, before b: Int, lower: Int, resolver: SourceResolver) -> String? {
        let t = doc.tokens
        var k = lower
        while k < b {
            let u = t[k]
            if u.kind == .quote { return nil }
            if u.kind == .word && !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower], QuoteFinder.speechLemmas.contains(lemma) {
                if let sp = subjectBefore(doc, verb: k, lower: lower, resolver: resolver),
                   resolver.entities.entities.contains(where: { $0.name == sp && ($0.type == .person || $0.type == .organization) }) { return sp }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// "Ruiz said: “…”", "Ruiz told reporters, “…”", "According to Ruiz, “…”", "X called it a “…”",
    /// and, for a longer quote, a verb of speech further back in its sentence.
    private func attributeBefore(_ doc: Document, _ f: inout Found, resolver: SourceResolver, previous: Found?) -> Bool {
        let t = doc.tokens
        let open = f.outer.lowerBound
        guard open > 0 else { return false }
        // A quotation that opens a new sentence is not introduced by the sentence before it,
        // unless that one ends in a colon.
        let before = t[open - 1]
        if before.kind == .punct && before.text != ":" && before.text != "," && before.text != "—" && before.text != "–" { return false }
        if before.kind == .quote { return false }
        var b = open - 1
        // "said:" at the end of the previous paragraph introduces a quote paragraph.
        let s = doc.sentenceRange(of: b)
        var lower = s.lowerBound
        if let prev = previous, prev.outer.upperBound >= lower && prev.outer.upperBound < open {
            lower = max(prev.outer.upperBound + 1, prev.attributed ? prev.attributionEnd : 0)
        }
        while b >= lower && open - b <= 8 {
            let u = t[b]
            if u.kind == .word && !u.has(.capitalized), ["called", "calls", "call", "calling"].contains(u.lower),
               b > lower, !["is", "was", "were", "are", "be", "been", "so", "being"].contains(t[b - 1].lower) {
                // "Sasse called his death “a crisis of public trust”": only a named speaker.
                if let sp = subjectBefore(doc, verb: b, lower: lower, resolver: resolver),
                   resolver.entities.entities.contains(where: { $0.name == sp && $0.type != .location }) {
                    f.speaker = sp; f.verb = u.text; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
                    return true
                }
                return false
            }
            if u.kind == .word && !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower] ?? Lexicon.speechParticiples[u.lower], lemma != "put", lemma != "count" {
                var speaker = subjectBefore(doc, verb: b, lower: lower, resolver: resolver)
                if speaker == nil && u.lower.hasSuffix("ing") { speaker = mainClauseSubject(doc, lower: lower, before: b, resolver: resolver) }
                if !QuoteFinder.speechLemmas.contains(lemma), let outer = outerSpeaker(doc, before: b, lower: lower, resolver: resolver) {
                    // "Pompeo said that … Washington had concluded … “…”": a verb of thinking inside
                    // reported speech; the quotation is the one reporting it.
                    speaker = outer
                }
                if speaker == nil && lemma != "tell" {
                    // "said Ana Ruiz: “…”"
                    var e = b + 1
                    while e < open && t[e].text != "," && t[e].text != ":" { e += 1 }
                    if e > b + 1 { speaker = resolver.resolve((b + 1)..<e) }
                }
                if let speaker {
                    f.speaker = speaker; f.verb = u.text; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
                    return true
                }
                return false
            }
            if u.lower == "to" && b > lower && t[b - 1].lower == "according" {
                var e = b + 1
                while e < open && t[e].text != "," { e += 1 }
                if let speaker = resolver.resolve((b + 1)..<e) {
                    f.speaker = speaker; f.verb = "according to"; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
                    return true
                }
                return false
            }
            b -= 1
        }
        // A longer quote inside reported speech: "Cook said Apple employs …, and he sees “first hand …”".
        let words = f.parts.reduce(0) { acc, r in acc + r.filter { t[$0].kind == .word }.count }
        guard words >= 4 && before.kind != .punct else { return false }
        while b >= lower {
            let u = t[b]
            if u.kind == .quote { return false }
            if u.kind == .word && !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower], QuoteFinder.speechLemmas.contains(lemma),
               let sp = subjectBefore(doc, verb: b, lower: lower, resolver: resolver) {
                f.speaker = sp; f.verb = u.text; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
                return true
            }
            b -= 1
        }
        return false
    }

    /// A quotation standing alone as a sentence, with no attribution, right after indirect speech
    /// ("Erekat said it was … ¶ “They wanted us on our knees …”"): the same speaker. Looks back to
    /// the start of the previous paragraph for the nearest verb of speech with a resolvable subject.
    private func inheritedSpeaker(_ doc: Document, _ f: Found, resolver: SourceResolver, previous: Found?) -> (String, String)? {
        let t = doc.tokens
        let open = f.outer.lowerBound
        let close = f.outer.upperBound
        guard t[open].has(.sentenceStart) || t[open].has(.paragraphStart) || open == 0 || t[open - 1].has(.paragraphStart) || t[open - 1].kind == .punct else { return nil }
        // Nothing but punctuation after it in its sentence.
        var e = close + 1
        while e < t.count && !t[e].has(.paragraphStart) && doc.sentenceOf[e] == doc.sentenceOf[close] {
            if t[e].kind == .word || t[e].kind == .number { return nil }
            e += 1
        }
        var paragraphs = 0
        var k = open - 1
        while k >= 0 {
            if let p = previous, k <= p.outer.upperBound { return nil }
            let u = t[k]
            if u.kind == .word && !u.has(.capitalized) && !resolver.inQuote[k], let lemma = Lexicon.reportingVerbs[u.lower], QuoteFinder.speechLemmas.contains(lemma),
               !(k > 0 && (Lexicon.determiners.contains(t[k - 1].lower) || t[k - 1].lower == "'s" || t[k - 1].lower == "’s")) {
                let s = doc.sentenceRange(of: k)
                if let sp = subjectBefore(doc, verb: k, lower: s.lowerBound, resolver: resolver),
                   resolver.entities.entities.contains(where: { $0.name == sp && $0.type != .location }) {
                    return (sp, u.text)
                }
                // ", said Avi Bell."
                var e2 = k + 1
                while e2 < s.upperBound && t[e2].text != "," && t[e2].text != "." && e2 - k <= 6 { e2 += 1 }
                if lemma != "tell", e2 > k + 1, let sp = resolver.resolve((k + 1)..<e2),
                   resolver.entities.entities.contains(where: { $0.name == sp && $0.type != .location }) {
                    return (sp, u.text)
                }
            }
            if u.has(.paragraphStart) { paragraphs += 1; if paragraphs >= 2 { return nil } }
            k -= 1
        }
        return nil
    }
}
