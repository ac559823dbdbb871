/// Splits tokens into sentences. A sentence ends at . ! ? … (with any closing quotes and
/// brackets after it) when the next word does not continue it, and always at a line or
/// paragraph break, so headlines without a full stop stand alone. Abbreviations and
/// initials keep their stop and end a sentence only before a word that clearly starts one.
struct SentenceSplitter: Sendable {
    func split(_ doc: inout Document) {
        let n = doc.tokens.count
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(n / 15 + 1)
        var start = 0
        var i = 0
        doc.tokens.withUnsafeMutableBufferPointer { t in
            func close(_ end: Int) {
                if end > start { sentences.append(start..<end); t[start].flags.insert(.sentenceStart) }
                start = end
            }
            while i < n {
                if i > start && (t[i].flags.contains(.paragraphStart) || t[i].flags.contains(.lineStart)) {
                    close(i)
                }
                let tok = t[i]
                var terminal = false
                if tok.kind == .punct {
                    switch tok.text {
                    case ".", "!", "?", "…", "...", "....", "‼", "⁈", "。", "！", "？": terminal = true
                    default: break
                    }
                } else if tok.flags.contains(.abbreviation) {
                    // Decided below with the next word.
                    terminal = true
                }
                if !terminal { i += 1; continue }
                var j = i + 1
                // Absorb repeated terminals, closing quotes and brackets.
                while j < n {
                    let u = t[j]
                    if u.flags.contains(.paragraphStart) || u.flags.contains(.lineStart) { break }
                    if u.kind == .quote && u.flags.contains(.quoteClose) { j += 1; continue }
                    if u.kind == .punct && (u.text == ")" || u.text == "]" || u.text == "!" || u.text == "?" || u.text == ".") {
                        j += 1; continue
                    }
                    break
                }
                if j >= n { i = j; break }
                let next = t[j]
                if next.flags.contains(.paragraphStart) || next.flags.contains(.lineStart) { i = j; continue }
                var boundary: Bool
                if tok.flags.contains(.abbreviation) {
                    if tok.flags.contains(.initial) || Tokenizer.neverFinal.contains(tok.lower) {
                        boundary = false
                    } else {
                        // "... in the U.S. The next day" ends; "U.S. President" does not.
                        boundary = next.kind == .word && next.flags.contains(.capitalized)
                            && Lexicon.functionWords.contains(next.lower)
                    }
                } else if next.kind == .word {
                    boundary = next.flags.contains(.capitalized) || !isLetterStart(next)
                    // "e.g. something", "?" he asked: lowercase continues the sentence.
                } else if next.kind == .number {
                    boundary = tok.text != "." || next.has(.spaceBefore)
                } else if next.kind == .quote {
                    boundary = next.flags.contains(.quoteOpen)
                } else {
                    boundary = next.text == "(" || next.text == "[" || next.text == "—" || next.text == "–" || next.kind == .symbol
                }
                if boundary { close(j) }
                i = j
            }
            close(n)
        }
        doc.sentences = sentences
        var of = [Int32](repeating: 0, count: n)
        for (k, r) in sentences.enumerated() { for i in r { of[i] = Int32(k) } }
        doc.sentenceOf = of
        markTitleCase(&doc)
    }

    @inline(__always) private func isLetterStart(_ t: Token) -> Bool {
        guard let f = t.text.unicodeScalars.first else { return false }
        return isLetter(f)
    }

    /// Headlines in Title Case (or ALL CAPS) carry no capitalisation signal; flag their tokens
    /// so the entity rules treat every word there like a sentence-initial one.
    private func markTitleCase(_ doc: inout Document) {
        let n = doc.tokens.count
        // In a language that capitalises every noun (German) capitals say nothing at all.
        if doc.capitalizedNouns {
            for k in 0..<n { doc.tokens[k].flags.insert(.titleCaseLine) }
            return
        }
        var p = 0
        while p < n {
            var q = p + 1
            while q < n && !doc.tokens[q].has(.paragraphStart) && !doc.tokens[q].has(.lineStart) { q += 1 }
            var words = 0, caps = 0
            for k in p..<q where doc.tokens[k].kind == .word {
                let t = doc.tokens[k]
                if t.text.unicodeScalars.count >= 4 && !Lexicon.functionWords.contains(t.lower) || t.has(.allCaps) {
                    words += 1
                    if t.has(.capitalized) { caps += 1 }
                }
            }
            // Headlines do not end with a full stop; a sentence full of names does.
            var lastK = q - 1
            while lastK > p && (doc.tokens[lastK].kind == .quote || doc.tokens[lastK].text == ")") { lastK -= 1 }
            let last = doc.tokens[lastK]
            let endsLikeSentence = last.text == "." || last.text == "!" || last.text == "…" || last.has(.abbreviation) && q - p > 8
            if words >= 3 && caps * 10 >= words * 8 && !endsLikeSentence && q - p <= 40 {
                for k in p..<q { doc.tokens[k].flags.insert(.titleCaseLine) }
            }
            p = q
        }
    }
}
