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
        let anyDouble = t.contains { $0.kind == .quote && !$0.has(.quoteSingle) }
        func isMark(_ k: Int) -> Bool { t[k].kind == .quote && (t[k].has(.quoteSingle) != anyDouble) }

        // 1. Pair marks into raw quotations (possibly multi-paragraph).
        var raw: [(parts: [Range<Int>], open: Int, close: Int)] = []
        var open = -1
        var parts: [Range<Int>] = []
        var partStart = -1
        var firstOpen = -1
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
                open = -1; parts = []
            }
            if isMark(k) {
                if open < 0 {
                    if tok.has(.quoteOpen) { open = k; firstOpen = k; partStart = k + 1; parts = [] }
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
            }
            out.append(f)
        }
        return out
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

    /// Looks for "…," said X / X said / he said after the quote, then "X said:" before it.
    private func attribute(_ doc: Document, _ f: inout Found, resolver: SourceResolver, previous: Found?) {
        let t = doc.tokens
        let n = t.count
        let close = f.outer.upperBound
        let open = f.outer.lowerBound
        // After: only when the attribution continues the same sentence.
        if close + 1 < n, doc.sentenceOf[close + 1] == doc.sentenceOf[close] || t[close + 1].text == "," {
            let s = doc.sentenceRange(of: close + 1)
            var limit = s.upperBound
            for k in (close + 1)..<s.upperBound where t[k].kind == .quote && t[k].has(.quoteOpen) { limit = k; break }
            var v = close + 1
            var found = -1
            while v < limit && v - close <= 9 {
                let u = t[v]
                if u.kind == .word && !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower], lemma != "put", lemma != "count", lemma != "figure" {
                    found = v; break
                }
                v += 1
            }
            if found >= 0 {
                let left = (close + 1)..<found
                var speaker: String? = nil
                if left.contains(where: { t[$0].kind == .word }) {
                    speaker = resolver.resolve(left)
                } else {
                    var e = found + 1
                    while e < limit && t[e].text != "," && t[e].text != "." && t[e].text != ";" && t[e].kind != .quote && e - found <= 8 { e += 1 }
                    if Lexicon.reportingVerbs[t[found].lower] != "tell" { speaker = resolver.resolve((found + 1)..<e) }
                }
                if let speaker {
                    f.speaker = speaker
                    f.verb = t[found].text
                    f.attributed = true
                    f.attributionEnd = limit
                    return
                }
            }
        }
        // Before: "Ruiz said: “…”", "Ruiz told reporters, “…”", "According to Ruiz, “…”".
        guard open > 0 else { return }
        // A quotation that opens a new sentence is not introduced by the sentence before it,
        // unless that one ends in a colon.
        let before = t[open - 1]
        if before.kind == .punct && before.text != ":" && before.text != "," && before.text != "—" && before.text != "–" { return }
        if before.kind == .quote { return }
        var b = open - 1
        // "said:" at the end of the previous paragraph introduces a quote paragraph.
        let s = doc.sentenceRange(of: b)
        var lower = s.lowerBound
        if let prev = previous, prev.outer.upperBound >= lower && prev.outer.upperBound < open {
            lower = max(prev.outer.upperBound + 1, prev.attributed ? prev.attributionEnd : 0)
        }
        while b >= lower && open - b <= 8 {
            let u = t[b]
            if u.kind == .word && !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower], lemma != "put", lemma != "count" {
                var a = b
                while a > lower {
                    let p = t[a - 1]
                    if p.kind == .punct && (p.text == "," || p.text == ";" || p.text == ":" || p.text == "(") { break }
                    if p.kind == .quote { break }
                    if p.kind == .word && !p.has(.capitalized) && Lexicon.clauseBreakers.contains(p.lower) { break }
                    if b - a >= 10 { break }
                    a -= 1
                }
                var speaker = resolver.resolve(a..<b)
                if speaker == nil && lemma != "tell" {
                    // "said Ana Ruiz: “…”"
                    var e = b + 1
                    while e < open && t[e].text != "," && t[e].text != ":" { e += 1 }
                    if e > b + 1 { speaker = resolver.resolve((b + 1)..<e) }
                }
                if let speaker {
                    f.speaker = speaker; f.verb = u.text; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
                }
                return
            }
            if u.lower == "to" && b > lower && t[b - 1].lower == "according" {
                var e = b + 1
                while e < open && t[e].text != "," { e += 1 }
                if let speaker = resolver.resolve((b + 1)..<e) {
                    f.speaker = speaker; f.verb = "according to"; f.attributed = true; f.attributionEnd = f.outer.upperBound + 1
                }
                return
            }
            b -= 1
        }
    }
}
