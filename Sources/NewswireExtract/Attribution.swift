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
        let single = QuoteFinder.singleMarksArePrimary(t)
        var mask = [Bool](repeating: false, count: t.count)
        var inside = false
        for k in 0..<t.count {
            let u = t[k]
            if u.has(.paragraphStart) { inside = false }
            if u.kind == .quote && u.has(.quoteSingle) == single {
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
            if let name = subjectLikePerson(in: r.lowerBound..<end, gender: gender, excluded: excluded, ownSentence: s == s0) { return name }
            s -= 1
        }
        return lastPerson(before: token, gender: gender)
    }

    /// The person a pronoun most likely refers to in one sentence: the first compatible person named
    /// outside quotations, preferring one in subject position over one after a preposition ("by Mark
    /// Ellis") or in a leading subordinate clause of an earlier sentence ("When Tom Hale called, Mark
    /// Ellis was …"); in the pronoun's own sentence that clause holds the referent ("When Hale was
    /// asked, he said …").
    private func subjectLikePerson(in r: Range<Int>, gender: UInt8, excluded: Set<Int>, ownSentence: Bool) -> String? {
        let t = doc.tokens
        var fallback: String? = nil
        let clauseEnd = ownSentence ? r.lowerBound : leadingSubordinateClauseEnd(r)
        var m = r.lowerBound
        while m < r.upperBound {
            let e = entities.tokenEntity[m]
            guard e >= 0 && !inQuote[m] else { m += 1; continue }
            var stop = m
            while stop < r.upperBound && entities.tokenEntity[stop] == e { stop += 1 }
            let en = entities.entities[Int(e)]
            let possessive = stop < t.count && (t[stop].lower == "'s" || t[stop].lower == "’s")
            if en.type == .person && !possessive && !excluded.contains(Int(e)) && (gender == 0 || en.gender == 0 || en.gender == gender) {
                let oblique = m > r.lowerBound && Lexicon.prepositions.contains(t[m - 1].lower) || m < clauseEnd
                if !oblique { return en.name }
                if fallback == nil { fallback = en.name }
            }
            m = stop
        }
        return fallback
    }

    /// End of "When X called," / "After X resigned," opening a sentence, or its start when there is none.
    private func leadingSubordinateClauseEnd(_ r: Range<Int>) -> Int {
        let t = doc.tokens
        guard let first = r.first(where: { t[$0].kind == .word }), Lexicon.subordinators.contains(t[first].lower) else { return r.lowerBound }
        var k = first + 1
        while k < r.upperBound && k - first <= 15 && t[k].text != "," { k += 1 }
        return k < r.upperBound && t[k].text == "," ? k : r.lowerBound
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
                              || ["also", "has", "have", "had", "later", "earlier", "previously", "again", "would", "will", "could", "may", "might", "then", "repeatedly", "once", "yesterday", "today", "now", "still", "further"].contains(t[r.upperBound - 1].lower)) {
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
            if isReducedRelative(r.lowerBound, headEnd) {
                // "figures published by the Ministry of Economy": the agent is the source.
                if let agent = agentAfterBy(headEnd + 1, r.upperBound) { return agent }
                break
            }
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
        if e >= 0 && entities.entities[Int(e)].type != .other { return entities.entities[Int(e)].name }
        // "Ruiz's office" and such stay as words; a name anywhere in a short head counts otherwise.
        // Not a place or event before a thing: "the Davos forum" is no speaker.
        if head.count <= 3 {
            for k in head where entities.tokenEntity[k] >= 0 && !(k + 1 < t.count && (t[k + 1].lower == "'s" || t[k + 1].lower == "’s")) {
                let en = entities.entities[Int(entities.tokenEntity[k])]
                let agentHead = SourceResolver.isAgentNoun(t[lastTok].lower)
                let verbHead = t[lastTok].lower.hasSuffix("ed") && !agentHead
                // "the US military", "Israeli police", "a Kremlin adviser": the name qualifies who speaks.
                if agentHead && k < lastTok && !Lexicon.roleNouns.contains(t[lastTok].lower) && isNounPhrase(head) { return doc.text(tokens: head) }
                if en.type == .person || agentHead || verbHead && en.type != .other && en.type != .location { return en.name }
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
        guard isNounPhrase(head), canSpeak(head) else { return nil }
        return doc.text(tokens: head)
    }

    /// "official figures released on Tuesday", "the report published by …": a participle after a
    /// document or agent noun starts a reduced relative clause, not more of the head.
    private func isReducedRelative(_ start: Int, _ k: Int) -> Bool {
        let t = doc.tokens
        guard k > start, t[k].kind == .word, !t[k].has(.capitalized), t[k].lower.hasSuffix("ed"), t[k].lower.count > 4,
              !Lexicon.participleAdjectives.contains(t[k].lower) else { return false }
        let p = t[k - 1].lower
        return SourceResolver.isDocumentNoun(p) || SourceResolver.isAgentNoun(p) && p.hasSuffix("s")
    }

    /// The organisation or person named right after "by" (past "the") at k.
    private func agentAfterBy(_ k: Int, _ end: Int) -> String? {
        let t = doc.tokens
        guard k < end, t[k].lower == "by" else { return nil }
        var m = k + 1
        if m < end && t[m].lower == "the" { m += 1 }
        guard m < end, entities.tokenEntity[m] >= 0 else { return nil }
        let en = entities.entities[Int(entities.tokenEntity[m])]
        return [.person, .organization, .group].contains(en.type) ? en.name : nil
    }

    /// A phrase without a name speaks only if its head is a person, group or body ("the port
    /// authority", "a local farmer", "police") or a document of one ("the report"); never a
    /// quantity ("Fifty-one percent of voters"), a thing ("the stock", "a deal") or an event.
    func canSpeak(_ head: Range<Int>) -> Bool {
        let t = doc.tokens
        if head.contains(where: { Lexicon.quantityWords.contains(t[$0].lower) }) { return false }
        let last = t[head.upperBound - 1]
        if last.has(.capitalized) && !Lexicon.commonWords.contains(last.lower) && !Lexicon.eventSuffixes.contains(last.lower) { return true }
        let l = last.lower
        if Lexicon.postposedAdjectives.contains(l) && head.count > 1 { return SourceResolver.isAgentNoun(t[head.upperBound - 2].lower) }
        return SourceResolver.isAgentNoun(l) || SourceResolver.isDocumentNoun(l)
    }

    /// "the report", "other studies", "the researchers' calculations".
    static func isDocumentNoun(_ w: String) -> Bool {
        if Lexicon.documentNouns.contains(w) { return true }
        if w.hasSuffix("ies") { return Lexicon.documentNouns.contains(String(w.dropLast(3)) + "y") }
        return w.hasSuffix("s") && Lexicon.documentNouns.contains(String(w.dropLast()))
    }

    /// People, groups and bodies by word list or by a suffix for people ("farmer", "economist").
    static func isAgentNoun(_ w: String) -> Bool {
        if Lexicon.agentNouns.contains(w) || w.hasSuffix("year-old") { return true }
        if w.hasSuffix("s"), Lexicon.agentNouns.contains(String(w.dropLast())) { return true }
        return w.count > 4 && Lexicon.agentSuffixes.contains { w.hasSuffix($0) }
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
            if head.count > 1 && !u.has(.allCaps) && (Lexicon.pronounsMale.contains(l) && l != "his" || Lexicon.pronounsFemale.contains(l) && l != "her"
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
    /// "with spokesperson Y indicating that …": an -ing form of a verb of speech right before "that".
    func participleBeforeThat(_ t: [Token], _ k: Int, _ s: Range<Int>) -> String? {
        guard k + 1 < s.upperBound, t[k + 1].lower == "that", let lemma = Lexicon.speechParticiples[t[k].lower] else { return nil }
        return lemma
    }

    /// "told reporters the plan was dead": the listener after "told" (a word for an audience or a
    /// name, three tokens at most); returns where the reported clause starts.
    func audienceEnd(_ doc: Document, _ resolver: SourceResolver, _ c: Int, _ end: Int) -> Int? {
        let t = doc.tokens
        var k = c
        if k < end && ["the", "a", "an"].contains(t[k].lower) { k += 1 }
        guard k < end else { return nil }
        if Lexicon.audienceNouns.contains(t[k].lower) && !Lexicon.determiners.contains(t[k].lower) {
            k += 1
        } else if resolver.entities.tokenEntity[k] >= 0 {
            let e = resolver.entities.tokenEntity[k]
            while k < end && resolver.entities.tokenEntity[k] == e { k += 1 }
        } else { return nil }
        if k < end && t[k].text == "," { k += 1 }
        // The clause must read as one: a subject word follows, not a preposition or an end.
        guard k + 1 < end, t[k].kind == .word, !Lexicon.prepositions.contains(t[k].lower), t[k].lower != "to" else { return nil }
        return k
    }

    /// "The CEO, Dana Holt, said": the tokens of a person's name standing alone between commas
    /// after a role phrase.
    func appositionName(_ resolver: SourceResolver, _ g: Range<Int>, role: Range<Int>) -> Range<Int>? {
        let t = resolver.doc.tokens
        guard !g.isEmpty, !role.isEmpty else { return nil }
        let e = resolver.entities.tokenEntity[g.lowerBound]
        guard e >= 0, resolver.entities.entities[Int(e)].type == .person, g.allSatisfy({ resolver.entities.tokenEntity[$0] == e }) else { return nil }
        let last = t[role.upperBound - 1].lower
        guard Lexicon.roleNouns.contains(last) || Lexicon.titleHeads.contains(last) else { return nil }
        return g
    }

    /// Subject of a verb read back to a clause boundary: ten tokens, or sixteen when a comma closes
    /// them off ("…, the U.S. Attorney's Office for the Western District of New York said").
    func subjectStart(_ t: [Token], _ s: Range<Int>, verb k: Int) -> Int {
        var b = k
        while b > s.lowerBound {
            let p = t[b - 1]
            if p.kind == .punct && (p.text == "," || p.text == ";" || p.text == ":" || p.text == "(" || p.text == "—" || p.text == "–") { return b }
            if p.kind == .quote { return b }
            if p.kind == .word && !p.has(.capitalized) && Lexicon.clauseBreakers.contains(p.lower) { break }
            // A plural right before the verb is its subject noun: "reports indicate", "estimates show".
            if p.kind == .word && Lexicon.reportingVerbs[p.lower] != nil && !p.has(.capitalized) && !(b == k && p.lower.hasSuffix("s")) { break }
            if k - b >= 16 { break }
            b -= 1
        }
        return b == s.lowerBound ? b : max(b, k - 10)
    }

    /// A reporting verb with a subject of its own between "said" and "that" ("said reports indicate
    /// that"), as opposed to a noun ("said in a blog post that").
    func hasOwnSubject(_ t: [Token], _ f: Int, from c: Int) -> Bool {
        guard f > c, !t[f].has(.capitalized), Lexicon.reportingVerbs[t[f].lower] != nil else { return false }
        let p = t[f - 1]
        return p.kind == .word && (p.lower.hasSuffix("s") && !Lexicon.determiners.contains(p.lower) || p.has(.capitalized) || Lexicon.clauseBreakers.contains(p.lower))
    }

    /// Reported speech rather than a claim only: no estimate ("put the figure at"), and a verb that
    /// takes a plain object ("reported third-quarter earnings", "confirmed the death") only with "that"
    /// or a clause of its own ("Bloomberg reported WeWork is the subject of …").
    func isSpeech(_ doc: Document, _ lemma: String, _ clause: Range<Int>, inverted: Bool, withThat: Bool) -> Bool {
        if Lexicon.estimateVerbs.contains(lemma) { return false }
        if inverted || withThat || !Lexicon.objectVerbs.contains(lemma) { return true }
        let head = clause.lowerBound..<min(clause.upperBound, clause.lowerBound + 5)
        return head.contains { Lexicon.clauseWords.contains(doc.tokens[$0].lower) }
    }

    /// "at least 2,000 people …", "about 300 …", "over half …": a preposition that bounds a number.
    func opensAmount(_ t: [Token], _ c: Int, _ end: Int) -> Bool {
        var k = c + 1
        if k < end && ["least", "most"].contains(t[k].lower) { k += 1 }
        guard k < end else { return false }
        return t[k].kind == .number || AmountFinder.small[t[k].lower] != nil || ["half", "a", "an"].contains(t[k].lower) && k == c + 1
    }

    /// "said on Tuesday the plan was dead": the reported clause starts after the day.
    func afterDayAdjunct(_ t: [Token], _ c: Int, _ end: Int) -> Int {
        var k = c
        if k < end && ["on", "last", "late", "early", "this"].contains(t[k].lower) { k += 1 }
        guard k < end, Lexicon.weekdaySet.contains(t[k].lower) || ["yesterday", "today", "night", "week", "month", "morning", "evening"].contains(t[k].lower) else { return c }
        return k + 1
    }

    /// End of a sentence without its closing punctuation and quote marks.
    func sentenceEndOf(_ t: [Token], _ s: Range<Int>) -> Int {
        var e = s.upperBound
        while e > s.lowerBound && (t[e - 1].kind == .punct && t[e - 1].text != ")" || t[e - 1].kind == .quote) { e -= 1 }
        return e
    }

    /// "Ruiz, speaking on local radio, said …": the sentence's first phrase when a participial or
    /// relative phrase stands between it and the verb.
    func subjectBeforeInterjectedPhrase(_ resolver: SourceResolver, _ s: Range<Int>, _ b: Int) -> Range<Int>? {
        let t = resolver.doc.tokens
        guard b - 2 > s.lowerBound, t[b - 1].text == "," else { return nil }
        var c = b - 2
        while c > s.lowerBound && t[c].text != "," { c -= 1 }
        guard c > s.lowerBound, t[c].text == ",", c + 1 < b - 1 else { return nil }
        let opener = t[c + 1].lower
        guard opener.hasSuffix("ing") || ["who", "which", "whose"].contains(opener) else { return nil }
        let head = s.lowerBound..<c
        guard head.count <= 6, resolver.resolve(head) != nil else { return nil }
        return head
    }

    /// "X said: “…”", "“…,” X said", "X, who said “…”": the verb introduces a direct quotation (its
    /// clause starts or ends inside one, or its verb or subject is quoted), as opposed to "X said the
    /// problems had been ‘fully resolved’ and that all 140 staff …".
    func introducesQuotation(_ doc: Document, _ quoted: [Bool], subject: Range<Int>, verb: Range<Int>, _ clause: Range<Int>) -> Bool {
        let t = doc.tokens
        func q(_ k: Int) -> Bool { k >= 0 && k < t.count && quoted[k] }
        if verb.contains(where: q) || subject.contains(where: q) { return true }
        var first = clause.lowerBound
        while first < clause.upperBound && t[first].kind == .punct { first += 1 }
        var last = clause.upperBound - 1
        while last > first && t[last].kind == .punct { last -= 1 }
        if q(first) || q(last) || q(clause.upperBound) { return true }
        // Mostly quoted words: the direct quotation is the record, not a second, indirect one.
        return clause.filter(q).count * 2 > clause.count
    }

    /// "Organisers, however, said …": the subject before a sentence adverb set off by commas.
    func subjectOverInterruption(_ t: [Token], _ s: Range<Int>, _ b: Int) -> Int? {
        guard b - 3 > s.lowerBound, t[b - 1].text == ",", Lexicon.interruptions.contains(t[b - 2].lower), t[b - 3].text == "," else { return nil }
        let a = subjectStart(t, s, verb: b - 3)
        return a < b - 3 ? a : nil
    }

    /// "the government, which says …": the noun phrase a relative pronoun right before the verb stands for.
    func relativeClauseHead(_ t: [Token], _ s: Range<Int>, verb k: Int) -> Range<Int>? {
        guard k - 2 > s.lowerBound, ["which", "who"].contains(t[k - 1].lower), t[k - 2].text == "," else { return nil }
        let a = subjectStart(t, s, verb: k - 2)
        return a < k - 2 ? a..<(k - 2) : nil
    }

    /// "She said yes", "The panel will report next year": fewer than three words is no reported speech.
    func tooShortForSpeech(_ doc: Document, _ r: Range<Int>) -> Bool {
        r.filter { doc.tokens[$0].kind == .word || doc.tokens[$0].kind == .number }.count < 3
    }

    /// "The army denied reports that it had detained 300 people": what is denied is someone else's claim.
    func deniesOthersClaim(_ doc: Document, _ r: Range<Int>) -> Bool {
        let t = doc.tokens
        guard r.count >= 2 else { return false }
        var k = r.lowerBound
        if Lexicon.determiners.contains(t[k].lower) { k += 1 }
        return k + 1 < r.upperBound && t[k].kind == .word && t[k].lower != "that" && t[k + 1].lower == "that"
    }

    /// Words that may stand between a verb of speech and "that": "said on Tuesday that", "said in a
    /// statement that", "told reporters that", "told the court that", "said Monday that".
    func isAdjunctStart(_ doc: Document, _ resolver: SourceResolver, _ c: Int, lemma: String) -> Bool {
        let u = doc.tokens[c]
        if u.lower == "that" || Lexicon.prepositions.contains(u.lower) || Lexicon.weekdaySet.contains(u.lower) { return true }
        if ["last", "earlier", "late", "yesterday", "today", "again", "also", "repeatedly", "publicly", "privately"].contains(u.lower) { return true }
        if u.lower.hasSuffix("ly") && !u.has(.capitalized) { return true }
        return lemma == "tell" && (Lexicon.audienceNouns.contains(u.lower) || resolver.entities.tokenEntity[c] >= 0)
    }

    /// "Gomez said on Friday.": a short prepositional phrase after the verb is when or where, not what.
    func isAdjunct(_ doc: Document, _ r: Range<Int>) -> Bool {
        let t = doc.tokens
        guard let first = r.first(where: { t[$0].kind == .word }), Lexicon.prepositions.contains(t[first].lower) else { return false }
        // "in an interview with local radio": no "that" and no finite verb.
        if r.contains(where: { t[$0].lower == "that" || Lexicon.clauseWords.contains(t[$0].lower) || t[$0].text == "," }) { return false }
        // "at least 5,000 people entered …" is a clause about a number, not a when or where.
        if r.contains(where: { t[$0].kind == .number || AmountFinder.small[t[$0].lower] != nil }) { return false }
        return r.filter({ t[$0].kind == .word || t[$0].kind == .number }).count <= 10
    }

    /// "Speaking to reporters at the ministry on Tuesday morning": a participial phrase, not speech.
    func isParticipialPhrase(_ doc: Document, _ r: Range<Int>) -> Bool {
        let t = doc.tokens
        guard let first = r.first(where: { t[$0].kind == .word }) else { return false }
        let l = t[first].lower
        guard l.hasSuffix("ing"), l.count > 5, !["nothing", "something", "anything", "everything"].contains(l) else { return false }
        // No finite verb after it: a clause would have one ("Speaking … , he said the talks were over").
        return !r.contains { Lexicon.clauseWords.contains(t[$0].lower) || (t[$0].kind == .word && t[$0].lower.hasSuffix("ed") && $0 > first) }
    }

    func find(_ doc: Document, resolver: SourceResolver, quoted: [Bool]) -> [Attribution] {
        var out: [Attribution] = []
        let t = doc.tokens
        for s in doc.sentences {

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
                guard !u.has(.capitalized), let lemma = Lexicon.reportingVerbs[u.lower] ?? participleBeforeThat(t, k, s),
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
                var b = subjectStart(t, s, verb: k)
                if let r = subjectOverInterruption(t, s, b) { b = r }
                var subject = b..<k
                if let r = relativeClauseHead(t, s, verb: k) { subject = r; b = r.lowerBound }
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
                    } else if c > s.lowerBound && t[c].text == ",", let name = appositionName(resolver, (c + 1)..<(b - 1), role: s.lowerBound..<c) {
                        // "The CEO, Dana Holt, said …": the name in apposition to a role phrase.
                        subject = name
                        b = name.lowerBound
                    } else if let head = subjectBeforeInterjectedPhrase(resolver, s, b) {
                        subject = head
                        b = head.lowerBound
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
                // "…, police said, though organisers …": a contrast after the verb ends the attribution too.
                let contrast = tail < s.upperBound && t[tail - 1].text == ","
                    && (Lexicon.contrastWords.contains(t[tail].lower) || Lexicon.subordinators.contains(t[tail].lower) || Lexicon.speechParticiples[t[tail].lower] != nil)
                // "…, the police said early Tuesday in a statement.": only when and where after the verb.
                let tailStart = afterDayAdjunct(t, verbEnd, sentenceEndOf(t, s))
                let adjunctTail = tailStart >= sentenceEndOf(t, s) || isAdjunct(doc, tailStart..<sentenceEndOf(t, s))
                    || ["—", "–", ";"].contains(t[tailStart].text)
                let inverted = (tail >= s.upperBound || contrast || adjunctTail) && b > s.lowerBound && t[b - 1].text == ","
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
                var withThat = false
                if a.inverted {
                    let prevEnd = ai > 0 ? anchors[ai - 1].verb.upperBound : s.lowerBound
                    let start = a.lemma == "according to" ? a.verb.lowerBound : min(a.subject.lowerBound, a.verb.lowerBound)
                    var e = start
                    while e > prevEnd && (t[e - 1].text == "," || t[e - 1].kind == .quote) { e -= 1 }
                    clause = prevEnd..<e
                    if isParticipialPhrase(doc, clause) { continue }
                } else {
                    var c = a.lemma == "according to" ? a.subject.upperBound : a.verb.upperBound
                    if a.lemma == "according to" { while c < sentenceEnd && t[c].text == "," { c += 1 } }
                    else {
                        // Skip "to reporters", "on Tuesday", "in a statement" up to "that".
                        var f = c
                        // Only over adjuncts ("on Tuesday", "in a statement", "reporters"), never over a
                        // subject ("said the case highlights that …") or another reporting verb.
                        // "said this month that …": past a time phrase first.
                        let afterDay = afterDayAdjunct(t, c, sentenceEnd)
                        if afterDay > c && afterDay < sentenceEnd && t[afterDay].lower == "that" { c = afterDay }
                        let adjunctFirst = c < sentenceEnd && isAdjunctStart(doc, resolver, c, lemma: a.lemma)
                        while adjunctFirst && f < sentenceEnd && f - c < 8 && t[f].lower != "that" && t[f].text != ","
                                && !hasOwnSubject(t, f, from: c) { f += 1 }
                        if f < sentenceEnd && t[f].lower == "that" { c = f + 1; withThat = true }
                        else if a.lemma == "tell", let after = audienceEnd(doc, resolver, c, sentenceEnd) { c = after }
                        else if a.lemma == "tell" { continue }
                        else if c < sentenceEnd && (t[c].text == "," || t[c].text == ":") { c += 1 }
                        c = afterDayAdjunct(t, c, sentenceEnd)
                        // "complained of …", "said in a blog post" with no "that": not what was said.
                        if c < sentenceEnd && Lexicon.prepositions.contains(t[c].lower) && !opensAmount(t, c, sentenceEnd)
                            && !Lexicon.estimateVerbs.contains(a.lemma) { continue }
                    }
                    // Until the next anchor's subject, a contrast, or the end.
                    var e = c
                    let limit = ai + 1 < anchors.count ? min(anchors[ai + 1].inverted ? sentenceEnd : anchors[ai + 1].subject.lowerBound, sentenceEnd) : sentenceEnd
                    // "the government, which says it has 5,000 troops there, disputes …": the relative clause ends at its comma.
                    let relative = a.verb.lowerBound >= 2 && ["which", "who"].contains(t[a.verb.lowerBound - 1].lower) && t[a.verb.lowerBound - 2].text == ","
                    while e < limit {
                        if t[e].text == ";" || relative && t[e].text == "," { break }
                        if t[e].text == "," && e + 1 < limit && ["while", "whereas", "but", "although", "though"].contains(t[e + 1].lower) { break }
                        e += 1
                    }
                    let hasOpenBracket = (c..<e).contains { t[$0].text == "(" }
                    while e > c && (t[e - 1].text == "," || t[e - 1].kind == .punct && t[e - 1].text != "%" && !(t[e - 1].text == ")" && hasOpenBracket)
                                    || ["and", "but", "while", "as"].contains(t[e - 1].lower)) { e -= 1 }
                    clause = c..<e
                }
                guard clause.count >= (Lexicon.estimateVerbs.contains(a.lemma) ? 1 : 2) else { continue }
                // A direct quotation has its own speaker; only reported speech around a partial quote counts here.
                if introducesQuotation(doc, quoted, subject: a.subject, verb: a.verb, clause) { continue }
                if !Lexicon.estimateVerbs.contains(a.lemma) && (isAdjunct(doc, clause) || tooShortForSpeech(doc, clause)) { continue }
                // "vowed to rebuild …", "promised to …": an infinitive is a plan, not reported speech.
                if t[clause.lowerBound].lower == "to" && !a.inverted && !Lexicon.estimateVerbs.contains(a.lemma) { continue }
                if a.lemma == "deny" && deniesOthersClaim(doc, clause) { continue }
                let verbText = doc.text(tokens: a.verb)
                out.append(Attribution(source: source, verb: verbText, lemma: a.lemma, clause: clause,
                                       speech: isSpeech(doc, a.lemma, clause, inverted: a.inverted, withThat: withThat), subject: a.subject, verbStart: a.verb.lowerBound))
            }
        }
        return out
    }
}
