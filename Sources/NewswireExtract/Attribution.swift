import NewswireWire

/// Who is credited with something: turns a noun phrase near a reporting verb into a speaker or
/// source name. Shared by quotations, indirect speech, claims and amounts so they agree.
struct SourceResolver: Sendable {
    let doc: Document
    let entities: EntityResult
    /// Tokens inside quotation marks (between an opening and a closing mark of one paragraph):
    /// names there are what a speaker talks about, never the subject a pronoun refers to.
    let inQuote: [Bool]

    init(doc: Document, entities: EntityResult) {
        self.doc = doc
        self.entities = entities
        let t = doc.tokens
        let anyDouble = t.contains { $0.kind == .quote && !$0.has(.quoteSingle) }
        var mask = [Bool](repeating: false, count: t.count)
        var inside = false
        for k in 0..<t.count {
            let u = t[k]
            if u.has(.paragraphStart) { inside = false }
            if u.kind == .quote && u.has(.quoteSingle) != anyDouble {
                if u.has(.quoteOpen) { inside = true } else if u.has(.quoteClose) || u.text == "\"" { inside = false }
                continue
            }
            mask[k] = inside
        }
        inQuote = mask
    }

    /// The person a pronoun refers to: the subject (first person named outside quotations) of the
    /// nearest sentence before it that has one of the right gender, looking back a few sentences;
    /// people named right after the pronoun ("he told Benioff") are not it. Falls back to the last
    /// compatible person mentioned.
    func pronounReferent(at token: Int, gender: UInt8) -> String? {
        let t = doc.tokens
        var excluded = Set<Int>()
        var k = token + 1
        while k < t.count && k <= token + 5 && doc.sentenceOf[k] == doc.sentenceOf[token] {
            let e = entities.tokenEntity[k]
            if e >= 0 { excluded.insert(Int(e)) }
            k += 1
        }
        let s0 = Int(doc.sentenceOf[token])
        var s = s0
        while s >= 0 && s0 - s <= 4 {
            let r = doc.sentences[s]
            let end = s == s0 ? token : r.upperBound
            if s != s0 {
                // "He was arrested in April for the call to Omar's office.": same referent, earlier.
                var f = r.lowerBound
                while f < r.upperBound && t[f].kind != .word { f += 1 }
                if f < r.upperBound && (gender == 1 ? t[f].lower == "he" : gender == 2 ? t[f].lower == "she" : false) { s -= 1; continue }
            }
            var m = r.lowerBound
            while m < end {
                let e = entities.tokenEntity[m]
                if e >= 0 && !inQuote[m] {
                    var stop = m
                    while stop < end && entities.tokenEntity[stop] == e { stop += 1 }
                    let en = entities.entities[Int(e)]
                    let possessive = stop < t.count && (t[stop].lower == "'s" || t[stop].lower == "’s")
                    if en.type == .person && !possessive && !excluded.contains(Int(e)) && (gender == 0 || en.gender == 0 || en.gender == gender) {
                        return en.name
                    }
                    m = stop; continue
                }
                m += 1
            }
            s -= 1
        }
        return lastPerson(before: token, gender: gender)
    }

    /// A subject phrase that may hold commas: "Mayer, Disney's chairman of …," → Mayer;
    /// "Carlineo's attorney, Sonya Zoghlin," → Sonya Zoghlin; "X, who serves in …," → X;
    /// "working in federal prisons, she" → she (the phrase right before the verb wins).
    func resolveSubject(_ r: Range<Int>) -> String? {
        let t = doc.tokens
        var segments: [Range<Int>] = []
        var a = r.lowerBound
        for k in r where t[k].text == "," {
            segments.append(a..<k); a = k + 1
        }
        segments.append(a..<r.upperBound)
        func hasWord(_ g: Range<Int>) -> Bool { g.contains { t[$0].kind == .word } }
        segments = segments.filter(hasWord)
        guard segments.count > 1 else { return resolve(r) }
        let lastSeg = segments[segments.count - 1]
        if lastSeg.upperBound == r.upperBound || !(lastSeg.upperBound..<r.upperBound).contains(where: { t[$0].text == "," }) {
            // The segment next to the verb is its subject.
            return resolve(lastSeg)
        }
        let first = segments[0]
        if let e = entityEnding(first) { return e }
        for g in segments.dropFirst() {
            // "Carlineo's attorney, Sonya Zoghlin, said": the name in apposition to a role phrase.
            if let e = entityCovering(g), entities.entities[e].type == .person { return entities.entities[e].name }
        }
        return resolve(first)
    }

    private func entityEnding(_ g: Range<Int>) -> String? {
        var end = g.upperBound
        let t = doc.tokens
        while end > g.lowerBound && t[end - 1].kind != .word { end -= 1 }
        guard end > g.lowerBound else { return nil }
        let e = entities.tokenEntity[end - 1]
        guard e >= 0, entities.entities[Int(e)].type != .location else { return nil }
        return resolve(g.lowerBound..<end)
    }

    private func entityCovering(_ g: Range<Int>) -> Int? {
        let t = doc.tokens
        let words = g.filter { t[$0].kind == .word || t[$0].kind == .number || t[$0].text == "." }
        guard let f = words.first else { return nil }
        let e = entities.tokenEntity[f]
        guard e >= 0, words.allSatisfy({ entities.tokenEntity[$0] == e }) else { return nil }
        return Int(e)
    }

    /// Resolves tokens of a subject or speaker phrase. Returns nil when there is no usable phrase.
    func resolve(_ r0: Range<Int>) -> String? {
        let t = doc.tokens
        var r = r0
        // Trim punctuation and adverbs at the edges.
        while !r.isEmpty && (t[r.lowerBound].kind != .word || ["and", "but", "while", "as", "so", "then", "also"].contains(t[r.lowerBound].lower)) {
            r = (r.lowerBound + 1)..<r.upperBound
        }
        while !r.isEmpty && (t[r.upperBound - 1].kind != .word || t[r.upperBound - 1].lower.hasSuffix("ly")
                              || ["also", "has", "have", "had", "later", "earlier", "previously", "again", "would", "will", "could", "may", "might", "then", "repeatedly", "once", "yesterday", "today"].contains(t[r.upperBound - 1].lower)) {
            r = r.lowerBound..<(r.upperBound - 1)
        }
        guard !r.isEmpty else { return nil }
        // "chairman, CEO and president Craig Menear": roles in front of a name are the name's.
        if entities.tokenEntity[r.upperBound - 1] >= 0 {
            let e = entities.tokenEntity[r.upperBound - 1]
            var m = r.upperBound - 1
            while m > r.lowerBound && entities.tokenEntity[m - 1] == e { m -= 1 }
            if m > r.lowerBound && (r.lowerBound..<m).allSatisfy({ k in
                let l = t[k].lower
                return t[k].text == "," || l == "and" || l == "&" || l == "the" || Lexicon.roleNouns.contains(l) || Lexicon.titleHeads.contains(l)
                    || Lexicon.roleModifiers.contains(l) && !Lexicon.prepositions.contains(l)
            }) && entities.entities[Int(e)].type == .person {
                return entities.entities[Int(e)].name
            }
        }
        // The head: up to the first preposition or comma ("organisers of the march" → "organisers").
        var headEnd = r.lowerBound
        while headEnd < r.upperBound {
            let u = t[headEnd]
            if u.kind == .punct && (u.text == "," || u.text == "(") { break }
            if u.kind == .word && !u.has(.capitalized) && Lexicon.prepositions.contains(u.lower) && headEnd > r.lowerBound { break }
            if u.kind == .word && (u.lower == "who" || u.lower == "which") { break }
            headEnd += 1
        }
        let head = r.lowerBound..<headEnd
        guard !head.isEmpty else { return nil }
        // "a spokesperson for the British Foreign Office": the organisation speaks through them.
        if ["spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "representative", "representatives"].contains(t[head.upperBound - 1].lower),
           headEnd + 1 < r.upperBound, ["for", "of", "at"].contains(t[headEnd].lower) {
            var k = headEnd + 1
            if t[k].lower == "the" { k += 1 }
            if k < r.upperBound, entities.tokenEntity[k] >= 0 {
                let e = entities.tokenEntity[k]
                let en = entities.entities[Int(e)]
                if en.type == .organization || en.type == .group {
                    var m = k
                    while m < r.upperBound && entities.tokenEntity[m] == e { m += 1 }
                    return doc.text(tokens: head.lowerBound..<m)
                }
            }
        }
        // "the TexAuto Facts report from InfoNation": a document's numbers are its author's.
        if Lexicon.documentNouns.contains(t[head.upperBound - 1].lower) && headEnd + 1 < r.upperBound
            && ["from", "by", "of"].contains(t[headEnd].lower) {
            var k = headEnd + 1
            if t[k].lower == "the" { k += 1 }
            if k < r.upperBound, entities.tokenEntity[k] >= 0 {
                let en = entities.entities[Int(entities.tokenEntity[k])]
                if en.type != .location { return en.name }
            }
        }
        // A name at the end of the head is the source ("Interior Minister Ana Ruiz", "the Red Cross").
        let lastTok = head.upperBound - 1
        let e = entities.tokenEntity[lastTok]
        if e >= 0 { return entities.entities[Int(e)].name }
        // "Ruiz's office" and such stay as words; a name anywhere in a short head counts otherwise.
        if head.count <= 3 {
            for k in head where entities.tokenEntity[k] >= 0 && !(k + 1 < t.count && (t[k + 1].lower == "'s" || t[k + 1].lower == "’s")) {
                return entities.entities[Int(entities.tokenEntity[k])].name
            }
        }
        if head.count == 1 {
            let l = t[head.lowerBound].lower
            if Lexicon.pronounsMale.contains(l) { return pronounReferent(at: head.lowerBound, gender: 1) ?? t[head.lowerBound].text }
            if Lexicon.pronounsFemale.contains(l) { return pronounReferent(at: head.lowerBound, gender: 2) ?? t[head.lowerBound].text }
            if l == "they" || l == "it" || l == "we" || l == "i" || l == "you" {
                if l == "they" || l == "it", let o = lastOrganization(before: head.lowerBound) { return o }
                return nil
            }
        }
        // "the minister", "the spokesman": the last person with that role.
        let headWord = t[head.upperBound - 1].lower
        if head.count <= 4 && t[head.lowerBound].lower == "the" && Lexicon.roleNouns.contains(headWord) {
            if let p = lastPerson(before: head.lowerBound, role: headWord) { return p }
        }
        guard head.count <= 8 else { return nil }
        if head.allSatisfy({ Lexicon.functionWords.contains(t[$0].lower) }) { return nil }
        guard isNounPhrase(head) else { return nil }
        return doc.text(tokens: head)
    }

    /// A speaker is a noun phrase ("the port authority", "police"), never a clause fragment
    /// ("the cuts had been", "figures published", "he earned", "Coastline Daily can"): no auxiliary or
    /// modal, no number, no pronoun next to other words, no verb in -ed / -ing, and not ending in a
    /// preposition or conjunction.
    func isNounPhrase(_ head: Range<Int>) -> Bool {
        let t = doc.tokens
        for k in head {
            let u = t[k]
            // "The 56-year-old" is a noun phrase; "Lumenra received 22 million euros" is not.
            if u.kind == .number && !(k + 1 < head.upperBound && t[k + 1].text.hasPrefix("-")) { return false }
            guard u.kind == .word else { continue }
            if k == head.lowerBound && !u.has(.capitalized) && (Lexicon.prepositions.contains(u.lower) || Lexicon.clauseBreakers.contains(u.lower)) { return false }
            let l = u.lower
            if Lexicon.clauseWords.contains(l) { return false }
            if head.count > 1 && (Lexicon.pronounsMale.contains(l) && l != "his" || Lexicon.pronounsFemale.contains(l) && l != "her"
                                  || ["they", "it", "we", "i", "you", "them", "us", "me", "him"].contains(l)) { return false }
            if !u.has(.capitalized) && k > head.lowerBound && (l.hasSuffix("ed") || l.hasSuffix("ing"))
                && !Lexicon.participleAdjectives.contains(l) && !Lexicon.roleNouns.contains(l) && l.count > 4 { return false }
            if !u.has(.capitalized) && Lexicon.reportingVerbs[l] != nil && k > head.lowerBound && !Lexicon.documentNouns.contains(l) { return false }
        }
        let last = t[head.upperBound - 1].lower
        if Lexicon.prepositions.contains(last) || Lexicon.clauseBreakers.contains(last) || Lexicon.determiners.contains(last) { return false }
        return true
    }

    func lastPerson(before token: Int, gender: UInt8 = 0, role: String? = nil) -> String? {
        guard var m = entities.lastMention(before: token) else { return nil }
        var steps = 0
        while m >= 0 && steps < 200 {
            let en = entities.entities[entities.mentions[m].entity]
            if en.type == .person {
                let genderOK = gender == 0 || en.gender == 0 || en.gender == gender
                let roleOK = role == nil || en.roles.contains(where: { $0.lowercased().contains(role!) })
                if genderOK && roleOK { return en.name }
            }
            m -= 1; steps += 1
        }
        return nil
    }

    func lastOrganization(before token: Int) -> String? {
        guard var m = entities.lastMention(before: token) else { return nil }
        var steps = 0
        let sentence = doc.sentenceOf[token]
        while m >= 0 && steps < 30 {
            let ref = entities.mentions[m]
            if sentence - doc.sentenceOf[ref.range.lowerBound] > 2 { break }
            let en = entities.entities[ref.entity]
            if en.type == .organization || en.type == .group { return en.name }
            m -= 1; steps += 1
        }
        return nil
    }
}

/// A statement credited to a source: "X said (that) …", "according to X, …", "X put the number at …".
struct Attribution: Sendable {
    var source: String
    var verb: String
    var lemma: String
    /// Tokens of what is attributed.
    var clause: Range<Int>
    /// Speech rather than an estimate: becomes an indirect quote as well as a claim.
    var speech: Bool
    /// Tokens of the source phrase and the first token of the verb.
    var subject: Range<Int> = 0..<0
    var verbStart: Int = 0
}

/// Finds attributions in sentences that hold no direct quotation.
struct AttributionFinder: Sendable {
    func find(_ doc: Document, resolver: SourceResolver, quoted: [Bool]) -> [Attribution] {
        var out: [Attribution] = []
        let t = doc.tokens
        for s in doc.sentences {
            if s.contains(where: { quoted[$0] }) { continue }
            if s.count < 4 { continue }
            // Anchors: (subject range, verb token range, lemma, forward clause start or nil if inverted)
            struct Anchor { var subject: Range<Int>; var verb: Range<Int>; var lemma: String; var inverted: Bool }
            var anchors: [Anchor] = []
            var k = s.lowerBound
            while k < s.upperBound {
                let u = t[k]
                guard u.kind == .word else { k += 1; continue }
                if u.lower == "according" && k + 1 < s.upperBound && t[k + 1].lower == "to" {
                    var e = k + 2
                    while e < s.upperBound && e - k < 12 && t[e].text != "," && t[e].text != "." && t[e].text != ";" { e += 1 }
                    if e > k + 2 {
                        // "According to X, …" forwards; "…, according to X." backwards.
                        let inverted = k > s.lowerBound + 1
                        anchors.append(Anchor(subject: (k + 2)..<e, verb: k..<(k + 2), lemma: "according to", inverted: inverted))
                    }
                    k = e; continue
                }
                guard !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower],
                      Lexicon.claimVerbs.contains(lemma) else { k += 1; continue }
                let prev = k > s.lowerBound ? t[k - 1].lower : ""
                // Nouns ("the report", "his claims") and passives ("is estimated") are not anchors.
                if Lexicon.determiners.contains(prev) || prev == "'s" || prev == "’s" || ["is", "was", "were", "are", "be", "been", "being", "to", "having", "what", "as", "than", "not", "never", "n't"].contains(prev) {
                    k += 1; continue
                }
                var verbEnd = k + 1
                if Lexicon.estimateVerbs.contains(lemma) {
                    // "put the number at", "estimates the damage at"
                    var a = k + 1
                    while a < s.upperBound && a - k <= 5 && t[a].lower != "at" { a += 1 }
                    if a < s.upperBound && t[a].lower == "at" { verbEnd = a + 1 }
                    else if lemma == "put" || lemma == "count" || lemma == "figure" { k += 1; continue }
                }
                // Subject: back to a clause boundary.
                var b = k
                while b > s.lowerBound {
                    let p = t[b - 1]
                    if p.kind == .punct && (p.text == "," || p.text == ";" || p.text == ":" || p.text == "(" || p.text == "—" || p.text == "–") { break }
                    if p.kind == .quote { break }
                    if p.kind == .word && !p.has(.capitalized) && Lexicon.clauseBreakers.contains(p.lower) { break }
                    if p.kind == .word && Lexicon.reportingVerbs[p.lower] != nil && !p.has(.capitalized) { break }
                    if k - b >= 10 { break }
                    b -= 1
                }
                var subject = b..<k
                let rest = s.upperBound - verbEnd
                if subject.isEmpty && b > s.lowerBound && t[b - 1].text == "," {
                    // "Smith, a lawyer for the family, said …": the name before the apposition.
                    var c = b - 2
                    while c > s.lowerBound && b - c < 14 && t[c].text != "," { c -= 1 }
                    if c > s.lowerBound && t[c].text == "," && resolver.entities.tokenEntity[c - 1] >= 0 {
                        let e = resolver.entities.tokenEntity[c - 1]
                        var m = c - 1
                        while m > s.lowerBound && resolver.entities.tokenEntity[m - 1] == e { m -= 1 }
                        subject = m..<c
                        b = m
                    }
                }
                if subject.isEmpty || resolver.resolve(subject) == nil {
                    // "…, said Ana Ruiz." — speaker after the verb: a short name or role phrase ending the sentence.
                    if b > s.lowerBound && t[b - 1].text == "," && rest <= 12 {
                        var e = verbEnd
                        while e < s.upperBound && t[e].text != "," && t[e].text != "." && t[e].text != ";" { e += 1 }
                        let np = verbEnd..<e
                        let named = np.contains { resolver.entities.tokenEntity[$0] >= 0 }
                        let roleLike = !np.isEmpty && (Lexicon.determiners.contains(t[np.lowerBound].lower) || Lexicon.roleNouns.contains(t[np.lowerBound].lower))
                        let verbless = !np.contains { Lexicon.reportingVerbs[t[$0].lower] != nil || ["is", "was", "were", "are", "had", "has", "have", "will", "would"].contains(t[$0].lower) }
                        if !np.isEmpty && np.count <= 8 && (named || roleLike) && verbless {
                            anchors.append(Anchor(subject: np, verb: k..<verbEnd, lemma: lemma, inverted: true))
                        }
                    }
                    k = verbEnd; continue
                }
                // "…, police said." — verb at the end after a comma.
                var tail = verbEnd
                while tail < s.upperBound && (t[tail].kind != .word || ["on", "in", "a", "statement", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "late", "earlier", "last", "week", "night", "told", "reporters", "afp", "reuters"].contains(t[tail].lower)) { tail += 1 }
                let inverted = tail >= s.upperBound && b > s.lowerBound && t[b - 1].text == ","
                anchors.append(Anchor(subject: subject, verb: k..<verbEnd, lemma: lemma, inverted: inverted))
                k = verbEnd
            }
            guard !anchors.isEmpty else { continue }
            // Clauses.
            var sentenceEnd = s.upperBound
            while sentenceEnd > s.lowerBound && (t[sentenceEnd - 1].kind == .punct && t[sentenceEnd - 1].text != ")" || t[sentenceEnd - 1].kind == .quote) { sentenceEnd -= 1 }
            for (ai, a) in anchors.enumerated() {
                guard let source = resolver.resolve(a.subject) else { continue }
                var clause: Range<Int>
                if a.inverted {
                    let prevEnd = ai > 0 ? anchors[ai - 1].verb.upperBound : s.lowerBound
                    let start = a.lemma == "according to" ? a.verb.lowerBound : min(a.subject.lowerBound, a.verb.lowerBound)
                    var e = start
                    while e > prevEnd && (t[e - 1].text == "," || t[e - 1].kind == .quote) { e -= 1 }
                    clause = prevEnd..<e
                } else {
                    var c = a.lemma == "according to" ? a.subject.upperBound : a.verb.upperBound
                    if a.lemma == "according to" { while c < sentenceEnd && t[c].text == "," { c += 1 } }
                    else {
                        // Skip "to reporters", "on Tuesday", "in a statement" up to "that".
                        var f = c
                        while f < sentenceEnd && f - c < 8 && t[f].lower != "that" && t[f].text != "," { f += 1 }
                        if f < sentenceEnd && t[f].lower == "that" { c = f + 1 }
                        else if a.lemma == "tell" { continue }
                        else if c < sentenceEnd && t[c].text == "," { c += 1 }
                    }
                    // Until the next anchor's subject, a contrast, or the end.
                    var e = c
                    let limit = ai + 1 < anchors.count ? min(anchors[ai + 1].inverted ? sentenceEnd : anchors[ai + 1].subject.lowerBound, sentenceEnd) : sentenceEnd
                    while e < limit {
                        if t[e].text == ";" { break }
                        if t[e].text == "," && e + 1 < limit && ["while", "whereas", "but", "although", "though"].contains(t[e + 1].lower) { break }
                        e += 1
                    }
                    let hasOpenBracket = (c..<e).contains { t[$0].text == "(" }
                    while e > c && (t[e - 1].text == "," || t[e - 1].kind == .punct && t[e - 1].text != "%" && !(t[e - 1].text == ")" && hasOpenBracket)
                                    || ["and", "but", "while", "as"].contains(t[e - 1].lower)) { e -= 1 }
                    clause = c..<e
                }
                guard clause.count >= (Lexicon.estimateVerbs.contains(a.lemma) ? 1 : 2) else { continue }
                let verbText = doc.text(tokens: a.verb)
                out.append(Attribution(source: source, verb: verbText, lemma: a.lemma, clause: clause,
                                       speech: !Lexicon.estimateVerbs.contains(a.lemma), subject: a.subject, verbStart: a.verb.lowerBound))
            }
        }
        return out
    }
}
