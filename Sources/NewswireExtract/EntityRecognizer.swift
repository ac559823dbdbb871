import NewswireWire

/// An entity while the article is being read: token ranges instead of offsets, and the
/// evidence that decided its type.
struct EntityInfo: Sendable {
    var name: String
    var nameTokens: Int
    var type: EntityType
    /// Strength of the evidence for `type`: 5 gazetteer, 4 suffix/title/first name, 3 context, 1-0 guess.
    var score: Int
    var mentions: [Range<Int>]
    var roles: [String]
    var geo: GeoPoint?
    /// 1 male, 2 female, 0 unknown; only used to resolve he/she.
    var gender: UInt8
    /// Every candidate came from a headline or a sentence start with nothing else for it.
    var weak: Bool
}

struct EntityMentionRef: Sendable {
    var range: Range<Int>
    var entity: Int
}

/// Result of entity recognition: entities plus a token → entity map for the later rules.
struct EntityResult: Sendable {
    var entities: [EntityInfo] = []
    /// Entity index for each token, or -1.
    var tokenEntity: [Int32] = []
    /// All mentions in text order.
    var mentions: [EntityMentionRef] = []

    /// Index into `mentions` of the last mention ending at or before `token`, or nil.
    func lastMention(before token: Int) -> Int? {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].range.upperBound <= token { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }
}

/// Finds names by capitalisation and types them with gazetteers, suffixes, titles and context;
/// links repeated and shortened names ("Ana Ruiz" … "Ruiz") into one entity and attaches roles.
struct EntityRecognizer: Sendable {
    /// Entities below this evidence score are dropped: 4 keeps only gazetteer entries, suffixes,
    /// titles and known first names, for text whose language the context rules do not know.
    var minScore = 0

    private struct Candidate {
        var range: Range<Int>
        var key: String
        var type: EntityType
        var score: Int
        var geo: GeoPoint?
        var gender: UInt8
        var roles: [String]
        var weak: Bool
    }

    func recognize(_ doc: Document) -> EntityResult {
        var candidates: [Candidate] = []
        for s in doc.sentences { scan(doc, s, into: &candidates) }
        // "Money", "Testing", "Students" on a sign: a lone capitalised word typed organisation only for want
        // of other evidence is a common word when the text also uses it in lower case.
        var bare: [String: Bool] = [:]   // key or its singular → seen in lower case
        var lengths: UInt64 = 0
        for c in candidates where c.type == .organization && c.score == 0 {
            bare[c.key] = false
            lengths |= 1 &<< UInt64(min(c.key.utf8.count, 63))
            if c.key.utf8.count > 4 && c.key.hasSuffix("s") {
                bare[String(c.key.dropLast())] = false
                lengths |= 1 &<< UInt64(min(c.key.utf8.count - 1, 63))
            }
        }
        if !bare.isEmpty {
            let toks = doc.tokens
            for i in toks.indices where toks[i].kind == .word && !toks[i].has(.capitalized)
                && lengths & (1 &<< UInt64(min(toks[i].lower.utf8.count, 63))) != 0 {
                if bare[toks[i].lower] != nil { bare[toks[i].lower] = true }
            }
            for k in candidates.indices where candidates[k].type == .organization && candidates[k].score == 0 {
                let key = candidates[k].key
                if bare[key] == true || (key.utf8.count > 4 && key.hasSuffix("s") && bare[String(key.dropLast())] == true) {
                    candidates[k].type = .other
                }
            }
        }
        return resolve(doc, candidates)
    }

    // MARK: - Candidate runs

    /// Whether token k may be part of a name; `start` when it would begin one.
    private func capOK(_ doc: Document, _ k: Int, start: Bool, prevFirstName: Bool) -> Bool {
        let t = doc.tokens[k]
        guard t.kind == .word, t.has(.capitalized) else { return false }
        let l = t.lower
        if Lexicon.weekdaySet.contains(l) { return false }
        if Lexicon.month(l) != nil {
            if !(prevFirstName && !start) { return false }
        }
        if l == "i" || l.hasPrefix("i'") || l.hasPrefix("i’") { return false }
        if start && Lexicon.functionWords.contains(l) && !t.has(.allCaps) { return false }
        if !start && !t.has(.titleCaseLine) { return !(Lexicon.functionWords.contains(l) && l.count <= 3 && !t.has(.allCaps)) }
        let initialLike = t.has(.sentenceStart) || t.has(.titleCaseLine) || afterOpener(doc, k)
        if !initialLike { return true }
        if t.has(.allCaps) && !t.has(.titleCaseLine) { return true }
        if Lexicon.functionWords.contains(l) {
            return false
        }
        if Lexicon.commonWords.contains(l) {
            if Gazetteer.place(l) != nil || Gazetteer.isOrganization(l) || Gazetteer.isGroup(l) { return true }
            if start && !t.has(.titleCaseLine) && k + 1 < doc.tokens.count {
                let u = doc.tokens[k + 1]
                if u.lower == "of" && Lexicon.ofHeads.contains(l) && k + 2 < doc.tokens.count {
                    let v = doc.tokens[k + 2]
                    return v.kind == .word && v.has(.capitalized) && !Lexicon.functionWords.contains(v.lower)
                }
                return u.kind == .word && u.has(.capitalized) && !Lexicon.functionWords.contains(u.lower)
                    && !u.has(.paragraphStart) && !u.has(.lineStart)
            }
            return false
        }
        return true
    }

    /// After an opening quote, colon, dash or bracket a capital says nothing.
    private func afterOpener(_ doc: Document, _ k: Int) -> Bool {
        guard k > 0 else { return true }
        let p = doc.tokens[k - 1]
        if p.kind == .quote && p.has(.quoteOpen) { return true }
        if p.kind == .punct && (p.text == ":" || p.text == "—" || p.text == "–" || p.text == "(" || p.text == "-" || p.text == "•" || p.text == "*" || p.text == "|") {
            return true
        }
        return false
    }

    private func scan(_ doc: Document, _ s: Range<Int>, into out: inout [Candidate]) {
        let t = doc.tokens
        var i = s.lowerBound
        while i < s.upperBound {
            guard capOK(doc, i, start: true, prevFirstName: false) else { i += 1; continue }
            var j = i + 1
            while j < s.upperBound {
                let u = t[j]
                if u.has(.paragraphStart) || u.has(.lineStart) { break }
                let prevFirst = GazetteerNames.all.contains(t[j - 1].lower)
                if capOK(doc, j, start: false, prevFirstName: prevFirst) { j += 1; continue }
                // Connectors inside one name.
                if u.kind == .word && j + 1 < s.upperBound {
                    let l = u.lower
                    let prev = t[j - 1].lower
                    if Lexicon.nameParticles.contains(l) && capOK(doc, j + 1, start: false, prevFirstName: false)
                        && !Lexicon.ofHeads.contains(prev) && t[j + 1].lower != "the" {
                        j += 2; continue
                    }
                    if l == "of" && Lexicon.ofHeads.contains(prev) {
                        if capOK(doc, j + 1, start: false, prevFirstName: false) && t[j + 1].lower != "the" { j += 2; continue }
                        if t[j + 1].lower == "the" && j + 2 < s.upperBound && capOK(doc, j + 2, start: false, prevFirstName: false) {
                            j += 3; continue
                        }
                    }
                    if l == "for" && Lexicon.forHeads.contains(prev) && capOK(doc, j + 1, start: false, prevFirstName: false) {
                        j += 2; continue
                    }
                    // "Office for the Western District of New York".
                    if l == "for" && Lexicon.forHeads.contains(prev) && t[j + 1].lower == "the" && j + 2 < s.upperBound
                        && capOK(doc, j + 2, start: false, prevFirstName: false) {
                        j += 3; continue
                    }
                }
                // "Westminster Magistrate's Court", "U.S. Attorney's Office": a possessive inside a name
                // that ends in an organisation word.
                // The owner is no known place or organisation ("South Korea's Ministry of …" is two names).
                if (u.lower == "'s" || u.lower == "’s") && j + 1 < s.upperBound && capOK(doc, j + 1, start: false, prevFirstName: false)
                    && (Lexicon.orgSuffixes.contains(t[j + 1].lower) || Lexicon.orgKeywords.contains(t[j + 1].lower))
                    && !Lexicon.orgSuffixes.contains(t[j - 1].lower) && !GazetteerNames.all.contains(t[j - 1].lower)
                    && Gazetteer.place(t[j - 1].lower) == nil && !Gazetteer.isOrganization(t[j - 1].lower)
                    && Gazetteer.place(doc.key(i..<j)) == nil && !Gazetteer.isOrganization(doc.key(i..<j)) {
                    j += 2; continue
                }
                // "Ministry of Trade, Industry and Energy": a list after "of" inside one name.
                if u.text == "," && j + 3 < s.upperBound && j - i >= 3 && t[j - 2].lower == "of"
                    && Lexicon.ofHeads.contains(t[j - 3].lower) && capOK(doc, j + 1, start: false, prevFirstName: false)
                    && t[j + 2].lower == "and" && capOK(doc, j + 3, start: false, prevFirstName: false) {
                    j += 4; continue
                }
                if u.text == "&" && j + 1 < s.upperBound && capOK(doc, j + 1, start: false, prevFirstName: false) {
                    j += 2; continue
                }
                // "Securities and Exchange Commission": "and" inside a name that ends in an organisation word.
                if u.lower == "and" && j + 1 < s.upperBound && capOK(doc, j + 1, start: false, prevFirstName: false)
                    && !Lexicon.orgKeywords.contains(t[j - 1].lower) && !t[j - 1].has(.allCaps)
                    && (Lexicon.commonWords.contains(t[j - 1].lower) || Lexicon.orgSuffixes.contains(t[j - 1].lower))
                    && Gazetteer.place(t[j - 1].lower) == nil && !Gazetteer.isOrganization(doc.key(i..<j)) {
                    var e = j + 1
                    while e < s.upperBound && e - j <= 4 && capOK(doc, e, start: false, prevFirstName: false) { e += 1 }
                    if e > j + 1 && Lexicon.orgKeywords.contains(t[e - 1].lower) && !Gazetteer.isOrganization(doc.key((j + 1)..<e)) {
                        j = e; continue
                    }
                }
                // "Customs and Border Protection", "Immigration and Customs Enforcement": an agency's last word.
                if u.lower == "and" && j + 2 < s.upperBound && capOK(doc, j + 1, start: false, prevFirstName: false)
                    && !t[j - 1].has(.allCaps) && !GazetteerNames.all.contains(t[j - 1].lower)
                    && Gazetteer.place(t[j - 1].lower) == nil {
                    var e = j + 1
                    while e < s.upperBound && e - j <= 3 && capOK(doc, e, start: false, prevFirstName: false) { e += 1 }
                    if e > j + 1 && Lexicon.agencyTails.contains(t[e - 1].lower) && !Gazetteer.isOrganization(doc.key(i..<j)) {
                        j = e; continue
                    }
                }
                break
            }
            process(doc, i..<j, into: &out)
            i = j
        }
    }

    /// Splits a capitalised run into role and name, classifies the name, and emits candidates.
    private func process(_ doc: Document, _ run0: Range<Int>, into out: inout [Candidate]) {
        let t = doc.tokens
        var run = run0
        // Drop a leading article and trailing connectors.
        while !run.isEmpty && (t[run.lowerBound].lower == "the") { run = (run.lowerBound + 1)..<run.upperBound }
        while !run.isEmpty && (t[run.upperBound - 1].lower == "of" || t[run.upperBound - 1].lower == "&"
                               || t[run.upperBound - 1].lower == "for" || t[run.upperBound - 1].lower == "the") {
            run = run.lowerBound..<(run.upperBound - 1)
        }
        guard !run.isEmpty else { return }
        // "Rival Lowe's …", "Defenseman Jonas Brodin …": a capitalised common noun opening the sentence is a cue, not a name.
        var positionTitle = false
        if run.count >= 2 && t[run.lowerBound].has(.sentenceStart) && !t[run.lowerBound].has(.allCaps) {
            let l = t[run.lowerBound].lower
            if Lexicon.orgCueBefore.contains(l) && Gazetteer.place(doc.key(run)) == nil && !Gazetteer.isOrganization(doc.key(run)) {
                run = (run.lowerBound + 1)..<run.upperBound
            } else if Lexicon.positionNouns.contains(l) {
                positionTitle = true
            } else if (l == "former" || (l.hasSuffix("ing") && l.count > 5 && !GazetteerNames.all.contains(l)))
                        && Gazetteer.place(l) == nil && !Gazetteer.isOrganization(l) && !Gazetteer.isOrganization(doc.key(run))
                        && Gazetteer.place(doc.key(run)) == nil {
                // "Former National Security Council …", "Hosting Cook, …": a sentence-initial modifier or verb.
                run = (run.lowerBound + 1)..<run.upperBound
            }
        }
        // Capitals at a sentence start or in a headline prove little; a lone word there needs other evidence.
        let weakStart = t[run0.lowerBound].has(.titleCaseLine)
            || (run.count == 1 && (t[run0.lowerBound].has(.sentenceStart) || afterOpener(doc, run0.lowerBound)))
        let wholeKey = doc.key(run)
        // A whole-name gazetteer hit wins before any splitting.
        if Gazetteer.place(wholeKey) != nil || Gazetteer.isOrganization(wholeKey)
            || (run.count == 1 && Gazetteer.isGroup(wholeKey)) {
            out.append(classify(doc, run, hadTitle: false, gender: 0, weak: false))
            return
        }
        // Find the last title word; what follows is the name.
        var titleEnd = positionTitle ? run.lowerBound : -1
        if !positionTitle && !Lexicon.orgSuffixes.contains(t[run.upperBound - 1].lower) {
            for k in run where Lexicon.titleHeads.contains(t[k].lower) {
                // "U.S. Attorney's Office": a title word as an owner inside an organisation name.
                if k + 1 < run.upperBound && (t[k + 1].lower == "'s" || t[k + 1].lower == "’s") { continue }
                // "Department of Justice", "International Court of Justice": a title word after "of" in an organisation.
                if k > run.lowerBound && t[k - 1].lower == "of" && k + 1 == run.upperBound { continue }
                if k + 1 < run.upperBound && Lexicon.titleHeads.contains(t[k + 1].lower) == false
                    && Lexicon.orgSuffixes.contains(t[k + 1].lower) { continue }
                titleEnd = k
            }
            // "Secretary of State X": the "of Y" belongs to the title.
            if titleEnd >= 0 && titleEnd + 2 < run.upperBound && t[titleEnd + 1].lower == "of" { titleEnd += 2 }
        }
        // "Ukraine Marie Yovanovitch": a known place or organisation followed by a given name.
        if titleEnd < 0 && run.count >= 3 {
            for k in (run.lowerBound + 1)..<(run.upperBound - 1) where GazetteerNames.all.contains(t[k].lower) && !Lexicon.orgSuffixes.contains(t[run.upperBound - 1].lower) {
                let pk = doc.key(run.lowerBound..<k)
                // "Joint Chiefs of Staff Mark Milley": an organisation by its keyword, then a given name and surname.
                let orgPrefix = k - run.lowerBound >= 2 && run.upperBound - k >= 2 && t[k - 1].lower != "of"
                    && (run.lowerBound..<k).contains(where: { Lexicon.orgKeywords.contains(t[$0].lower) })
                if Gazetteer.place(pk) != nil || Gazetteer.isOrganization(pk) || Gazetteer.isGroup(pk) || orgPrefix {
                    process(doc, run.lowerBound..<k, into: &out)
                    process(doc, k..<run.upperBound, into: &out)
                    return
                }
            }
        }
        // "White House Russia expert": a known name followed by a known place or organisation.
        if titleEnd < 0 && run.count >= 2 {
            let k = run.upperBound - 1, sk = t[k].lower
            if t[k].kind == .word && (Gazetteer.place(sk) != nil || Gazetteer.isOrganization(sk)) {
                let pk = doc.key(run.lowerBound..<k)
                if Gazetteer.place(pk) != nil || Gazetteer.isOrganization(pk) {
                    out.append(classify(doc, run.lowerBound..<k, hadTitle: false, gender: 0, weak: false))
                    out.append(classify(doc, k..<run.upperBound, hadTitle: false, gender: 0, weak: false))
                    return
                }
            }
        }
        var name = run
        var gender: UInt8 = 0
        var roles: [String] = []
        if titleEnd >= 0 {
            name = (titleEnd + 1)..<run.upperBound
            // "Special Envoy for Ukraine Kurt Volker": a known place or organisation between title and name.
            if name.count >= 3 {
                for k in (name.lowerBound + 1)..<(name.upperBound - 1) where GazetteerNames.all.contains(t[k].lower) {
                    let pk = doc.key(name.lowerBound..<k)
                    if Gazetteer.place(pk) != nil || Gazetteer.isOrganization(pk) || Gazetteer.isGroup(pk) {
                        var c = classify(doc, name.lowerBound..<k, hadTitle: false, gender: 0, weak: false)
                        if c.type == .person { c.type = .other; c.score = 0 }
                        out.append(c)
                        name = k..<name.upperBound
                        break
                    }
                }
            }
            let prefix = run.lowerBound..<(titleEnd + 1)
            for k in prefix {
                if Lexicon.maleHonorifics.contains(t[k].lower) { gender = 1 }
                if Lexicon.femaleHonorifics.contains(t[k].lower) { gender = 2 }
            }
            // The role is the prefix without honorifics ("Mr", "Dr").
            var roleStart = prefix.lowerBound
            while roleStart < prefix.upperBound && Lexicon.honorifics.contains(t[roleStart].lower) { roleStart += 1 }
            var roleEnd = prefix.upperBound
            while roleEnd > roleStart && Lexicon.honorifics.contains(t[roleEnd - 1].lower) { roleEnd -= 1 }
            roleEnd = min(roleEnd, name.lowerBound)
            if roleStart < roleEnd {
                var role = doc.text(tokens: roleStart..<roleEnd)
                if let before = lowercaseRoleBefore(doc, run0.lowerBound) { role = before + " " + role }
                roles.append(role)
            }
            // Capitalised words in the role that are names themselves: "US", "Russian", "NATO".
            var k = prefix.lowerBound
            while k < prefix.upperBound {
                let l = t[k].lower
                if Lexicon.titleHeads.contains(l) || Lexicon.roleModifiers.contains(l) || Lexicon.roleNouns.contains(l)
                    || Lexicon.honorifics.contains(l) || positionTitle && k == prefix.lowerBound || Lexicon.commonWords.contains(l) && !Gazetteer.isGroup(l) && Gazetteer.place(l) == nil {
                    k += 1; continue
                }
                var e = k + 1
                while e < prefix.upperBound {
                    let m = t[e].lower
                    if Lexicon.titleHeads.contains(m) || Lexicon.roleModifiers.contains(m) || Lexicon.roleNouns.contains(m) { break }
                    e += 1
                }
                var c = classify(doc, k..<e, hadTitle: false, gender: 0, weak: weakStart && k == run0.lowerBound)
                if c.type == .person { c.type = .other; c.score = 0 }
                out.append(c)
                k = e
            }
            if name.isEmpty { return }
        }
        if titleEnd < 0, let before = lowercaseRoleBefore(doc, run0.lowerBound) { roles.append(before) }
        var c = classify(doc, name, hadTitle: titleEnd >= 0, gender: gender, weak: weakStart && name.lowerBound == run0.lowerBound)
        let camel = name.contains(where: { isCamel(t[$0]) })
        if let after = appositionAfter(doc, name.upperBound) {
            roles.append(after)
            if c.score < 3 && !camel { c.type = .person; c.score = 3 }
        }
        if c.type == .person || c.score < 3 { c.roles = roles }
        if !c.roles.isEmpty && c.score < 3 && !camel { c.type = .person; c.score = 3 }
        out.append(c)
    }

    /// Types one name from the lists and its immediate context.
    private func classify(_ doc: Document, _ r: Range<Int>, hadTitle: Bool, gender g0: UInt8, weak: Bool) -> Candidate {
        let t = doc.tokens
        let key = doc.key(r)
        var c = Candidate(range: r, key: key, type: .other, score: 0, geo: nil, gender: g0, roles: [], weak: weak)
        let first = t[r.lowerBound].lower
        let last = t[r.upperBound - 1].lower
        let n = r.count
        // "HANOI (AP) —": a news agency's credit, before any place of the same letters.
        if n == 1 && Lexicon.newsAgencies.contains(key) && (t[r.lowerBound].has(.allCaps) || key.count > 3) {
            c.type = .organization; c.score = 5; c.weak = false; return c
        }
        if let p = Gazetteer.place(key) {
            c.type = .location; c.score = 5; c.geo = p.geo; c.weak = false; return c
        }
        if Gazetteer.isOrganization(key) { c.type = .organization; c.score = 5; c.weak = false; return c }
        if n == 1 && Gazetteer.isGroup(key) { c.type = .group; c.score = 5; c.weak = false; return c }
        // "the Lusmar Cup", "Harvest Festival": events and competitions are no people.
        if n >= 2 && Lexicon.eventSuffixes.contains(last) { c.type = .other; c.score = 4; c.weak = false; return c }
        if hadTitle { c.type = .person; c.score = 4; c.weak = false; return c }
        if n == 1 && Lexicon.stateAbbreviations.contains(key) { c.type = .location; c.score = 4; c.weak = false; return c }
        // "in front of 15,522 at KeyBank Center": a venue after a place preposition.
        if n == 1 && Lexicon.facilityWords.contains(key) { c.type = .location; c.score = 4; c.weak = false; return c }
        if n >= 2 && (Lexicon.venueSuffixes.contains(last)) && r.lowerBound > 0
            && (["at", "in", "inside", "outside", "of", "near"].contains(t[r.lowerBound - 1].lower)
                || (r.lowerBound > 1 && t[r.lowerBound - 1].lower == "the"
                    && ["at", "in", "inside", "outside", "near", "into", "from"].contains(t[r.lowerBound - 2].lower))) {
            c.type = .location; c.score = 4; c.weak = false; return c
        }
        // Sports clubs and firms by their first or last word: "FC Porto", "Real Madrid", "Tottenham Hotspur".
        if n >= 2 && (Lexicon.orgPrefixes.contains(first) || Lexicon.clubSuffixes.contains(last)) {
            c.type = .organization; c.score = 4; c.weak = false; return c
        }
        // "Wheeling News-Register": a hyphenated last word with an organisation part.
        if Lexicon.orgSuffixes.contains(last) || (last.contains("-") && last.split(separator: "-").contains(where: { Lexicon.orgSuffixes.contains(String($0)) }))
            || r.contains(where: { Lexicon.orgKeywords.contains(t[$0].lower) }) {
            c.type = .organization; c.score = 4; c.weak = false; return c
        }
        if n >= 3 && Lexicon.agencyTails.contains(last) && r.contains(where: { t[$0].lower == "and" }) {
            c.type = .organization; c.score = 4; c.weak = false; return c
        }
        if n >= 2 && Lexicon.placeSuffixes.contains(last) { c.type = .location; c.score = 3; c.weak = false; return c }
        // Acronyms of things ("an EV", "AWD", "SUVs") are no names.
        if n == 1 && isThingAcronym(doc, r.lowerBound) { c.type = .other; c.score = 0; return c }
        if n <= 3 && placeCue(doc, r) { c.type = .location; c.score = 3; c.weak = false; return c }
        if orgCue(doc, r) && !(n >= 2 && GazetteerNames.all.contains(first) && !weak) {
            c.type = .organization; c.score = 3; c.weak = false; return c
        }
        // "Disney Channel", "Pixar Animation": a known organisation and a word that is no surname.
        if n == 2 && Gazetteer.isOrganization(first) && !GazetteerNames.all.contains(first) && !GazetteerNames.all.contains(last) {
            c.type = .organization; c.score = 3; c.weak = false; return c
        }
        if n >= 2 && GazetteerNames.all.contains(first) && !isCamel(t[r.lowerBound]) && !t[r.upperBound - 1].has(.allCaps) && !orgCue(doc, r) {
            c.type = .person; c.score = 4; c.gender = GazetteerNames.gender(first); c.weak = false; return c
        }
        // "SoftBank", "MacBook", "iPhone": inner capitals mark brands and products, not people.
        if r.contains(where: { isCamel(t[$0]) }) {
            c.type = n == 1 ? .organization : .other; c.score = 1; return c
        }
        if n >= 2 && Lexicon.placePrefixes.contains(first) { c.type = .location; c.score = 3; c.weak = false; return c }
        if n >= 2 && (GazetteerNames.all.contains(first) || t[r.lowerBound].has(.initial)) && !t[r.upperBound - 1].has(.allCaps) {
            c.type = .person; c.score = 4; c.gender = GazetteerNames.gender(first); c.weak = false; return c
        }
        // Context after: "X said", "X, 45,", "X, a spokesman".
        let after = r.upperBound
        if after < t.count, let lemma = Lexicon.reportingVerbs[t[after].lower], lemma == "say" || lemma == "tell" || lemma == "add" {
            if n >= 2 { c.type = .person; c.score = 3; c.weak = false; return c }
        }
        // "Fiona Obuya, 52, …": an age in apposition.
        if after + 2 < t.count && t[after].text == "," && t[after + 1].kind == .number && t[after + 2].text == ","
            && t[after + 1].text.unicodeScalars.count <= 3 {
            c.type = .person; c.score = 3; c.weak = false; return c
        }
        if n == 1 && t[r.lowerBound].has(.allCaps) && key.unicodeScalars.count <= 6 {
            c.type = .organization; c.score = 2; return c
        }
        if n >= 2 && Gazetteer.isGroup(first) {
            c.type = .other; c.score = 1; return c
        }
        // Context before: "in X", "near X".
        if r.lowerBound > 0 && n <= 3 {
            let p = t[r.lowerBound - 1].lower
            if p == "in" || p == "near" || p == "outside" || p == "across" || p == "throughout" || p == "inside" {
                c.type = .location; c.score = 1; return c
            }
        }
        if n >= 2 && n <= 4 {
            var plain = true
            for k in r where Lexicon.commonWords.contains(t[k].lower) || t[k].kind != .word || t[k].has(.allCaps) { plain = false; break }
            if plain { c.type = .person; c.score = 1; return c }
            c.type = .other; c.score = 1; return c
        }
        // A lone unknown capitalised word inside a sentence is most often a company, brand or team.
        c.type = n == 1 ? .organization : .other; c.score = 0
        return c
    }

    /// "an EV", "AWD", "SUVs": an acronym of a thing. Plural acronyms and acronyms in the list are
    /// things; so is one after "a"/"an" with nothing after it but punctuation.
    private func isThingAcronym(_ doc: Document, _ k: Int) -> Bool {
        let tok = doc.tokens[k]
        let s = Array(tok.text.unicodeScalars)
        guard s.count >= 2, s.count <= 6 else { return false }
        if Lexicon.thingAcronyms.contains(tok.lower) { return true }
        // "SUVs", "EVs": capitals then a lowercase plural s.
        if s.count >= 3 && s[s.count - 1] == "s" && s[0..<(s.count - 1)].allSatisfy({ isUpperLetter($0) || isDigit($0) }) { return true }
        if tok.has(.allCaps) && k > 0 && (doc.tokens[k - 1].lower == "a" || doc.tokens[k - 1].lower == "an") {
            if k + 1 >= doc.tokens.count || doc.tokens[k + 1].kind == .punct { return true }
        }
        return false
    }

    /// Context that makes a name an organisation: "the retailer X", "rival X", "fans of X",
    /// "X shares", "X's manager", "X fans".
    private func orgCue(_ doc: Document, _ r: Range<Int>) -> Bool {
        let t = doc.tokens
        if r.lowerBound > 0 {
            let p = t[r.lowerBound - 1]
            if p.kind == .word && (!p.has(.capitalized) || p.has(.sentenceStart)) && Lexicon.orgCueBefore.contains(p.lower) { return true }
            if p.lower == "of" && r.lowerBound > 1 && ["fans", "supporters", "shareholders", "shares"].contains(t[r.lowerBound - 2].lower) { return true }
            // "analysts at Pellman Sachs", "engineers at Corvane": people who work at an organisation.
            if p.lower == "at" && r.lowerBound > 1 && Lexicon.staffNouns.contains(t[r.lowerBound - 2].lower) { return true }
        }
        var a = r.upperBound
        guard a < t.count else { return false }
        if t[a].lower == "'s" || t[a].lower == "’s" || t[a].text == "'" || t[a].text == "’" { a += 1 }
        guard a < t.count else { return false }
        let u = t[a]
        return u.kind == .word && !u.has(.capitalized) && Lexicon.orgCueAfter.contains(u.lower)
    }

    /// Context that makes a name a place: "Logar province", "southwest of X", "X, a village".
    private func placeCue(_ doc: Document, _ r: Range<Int>) -> Bool {
        let t = doc.tokens
        let a = r.upperBound
        if a < t.count && t[a].kind == .word && !t[a].has(.capitalized) && Lexicon.placeCueAfter.contains(t[a].lower)
            && !(a + 1 < t.count && t[a + 1].lower == "of") { return true }
        if r.lowerBound > 1 && t[r.lowerBound - 1].lower == "of" && Lexicon.compass.contains(t[r.lowerBound - 2].lower) { return true }
        if a + 2 < t.count && t[a].text == "," && ["a", "an", "the"].contains(t[a + 1].lower) {
            var k = a + 2
            while k < t.count && k < a + 5 && t[k].kind == .word && !t[k].has(.capitalized) {
                if Lexicon.placeApposition.contains(t[k].lower) { return true }
                k += 1
            }
        }
        return false
    }

    private func isCamel(_ tok: Token) -> Bool {
        guard tok.kind == .word, !tok.has(.allCaps) else { return false }
        let s = Array(tok.text.unicodeScalars)
        guard s.count >= 4 else { return false }
        if s[0] == "M" && s[1] == "c" { return false }
        for k in 1..<(s.count - 1) where isUpperLetter(s[k]) && !isLetter(s[k - 1]) == false && !isUpperLetter(s[k - 1]) {
            if s[k - 1] == "'" || s[k - 1] == "’" || s[k - 1] == "-" { continue }
            return true
        }
        return false
    }

    // MARK: - Roles

    /// "spokesman Tomás Ortega", "former interior minister Ana Ruiz", "WeWork's founder and former CEO, Adam Neumann".
    private func lowercaseRoleBefore(_ doc: Document, _ start: Int) -> String? {
        let t = doc.tokens
        var k = start - 1
        let sentenceStart = doc.sentenceRange(of: start).lowerBound
        var comma = false
        if k >= sentenceStart && t[k].text == "," { comma = true; k -= 1 }
        var b = k + 1
        var sawRole = false
        var steps = 0
        while k >= sentenceStart && steps < 8 {
            let u = t[k]
            let l = u.lower
            if u.kind == .word && (Lexicon.roleNouns.contains(l) || u.has(.capitalized) && Lexicon.titleHeads.contains(l) && !Lexicon.honorifics.contains(l)) {
                sawRole = true; b = k; k -= 1; steps += 1; continue
            }
            if u.kind == .word && !u.has(.capitalized) {
                if Lexicon.roleModifiers.contains(l) && !["the", "a", "an", "of", "for", "to", "in", "at", "on"].contains(l) {
                    b = k; k -= 1; steps += 1; continue
                }
                if (l == "and" || l == "of" || l == "for") && sawRole { b = k; k -= 1; steps += 1; continue }
                if l == "'s" || l == "’s" { b = k; k -= 1; steps += 1; continue }
                break
            }
            if u.kind == .word && u.has(.capitalized) && sawRole && !u.has(.sentenceStart) || (u.kind == .word && u.has(.capitalized) && k + 1 < t.count && (t[k + 1].lower == "'s" || t[k + 1].lower == "’s")) {
                b = k; k -= 1; steps += 1; continue
            }
            break
        }
        guard sawRole, b <= start - 1 - (comma ? 1 : 0) else { return nil }
        // Trim connectors at the left edge.
        while b < start && ["and", "of", "for", "'s", "’s"].contains(t[b].lower) { b += 1 }
        let end = start - (comma ? 1 : 0)
        guard b < end else { return nil }
        // A comma role needs the name to be followed by a comma or verb (an apposition), else it is a list.
        return doc.text(tokens: b..<end)
    }

    /// ", a spokesman for the Civic Front," after a name.
    private func appositionAfter(_ doc: Document, _ end: Int) -> String? {
        let t = doc.tokens
        guard end < t.count, t[end].text == "," else { return nil }
        let sEnd = doc.sentenceRange(of: end).upperBound
        var k = end + 1
        // Skip an age: "Ana Ruiz, 45, ..."
        if k + 1 < sEnd && t[k].kind == .number && t[k + 1].text == "," { k += 2 }
        guard k < sEnd else { return nil }
        if ["a", "an", "the", "his", "her", "their", "its"].contains(t[k].lower) { k += 1 }
        let phraseStart = k
        var sawRole = false
        var e = k
        while e < sEnd && e - phraseStart < 12 {
            let u = t[e]
            if u.kind == .punct && (u.text == "," || u.text == "." || u.text == ";" || u.text == ":" || u.text == "(" || u.text == "—" || u.text == "–") { break }
            if u.kind == .quote { break }
            if u.kind == .word && !u.has(.capitalized) {
                if Lexicon.reportingVerbs[u.lower] != nil || u.lower == "who" || u.lower == "which" || u.lower == "is" || u.lower == "was" || u.lower == "has" || u.lower == "had" { break }
                if Lexicon.roleNouns.contains(u.lower) && e - phraseStart < 5 { sawRole = true }
            } else if u.kind == .word && e - phraseStart < 4 && Lexicon.titleHeads.contains(u.lower) && !Lexicon.honorifics.contains(u.lower) {
                sawRole = true
            }
            e += 1
        }
        guard sawRole, e > phraseStart else { return nil }
        return doc.text(tokens: phraseStart..<e)
    }

    // MARK: - Linking

    /// Only ",", "and", "or", ", and" between two names: they are members of one list.
    private func isListGap(_ doc: Document, _ a: Int, _ b: Int) -> Bool {
        guard b > a, b - a <= 2 else { return false }
        let t = doc.tokens
        guard doc.sentenceOf[a] == doc.sentenceOf[b] else { return false }
        if b - a == 1 { return t[a].text == "," || t[a].lower == "and" || t[a].lower == "or" }
        return t[a].text == "," && (t[a + 1].lower == "and" || t[a + 1].lower == "or")
    }

    private func resolve(_ doc: Document, _ cands: [Candidate]) -> EntityResult {
        var result = EntityResult()
        var entities: [EntityInfo] = []
        var byKey: [String: Int] = [:]
        var candEntity = [Int](repeating: -1, count: cands.count)
        for (ci, c) in cands.enumerated() {
            let text = doc.text(tokens: c.range)
            if let e = byKey[c.key] {
                var en = entities[e]
                en.mentions.append(c.range)
                if c.score > en.score { en.type = c.type; en.score = c.score }
                if en.geo == nil { en.geo = c.geo }
                if en.gender == 0 { en.gender = c.gender }
                en.weak = en.weak && c.weak
                for r in c.roles where !en.roles.contains(r) { en.roles.append(r) }
                entities[e] = en
                candEntity[ci] = e
            } else {
                byKey[c.key] = entities.count
                candEntity[ci] = entities.count
                entities.append(EntityInfo(name: text, nameTokens: c.range.count, type: c.type, score: c.score,
                                           mentions: [c.range], roles: c.roles, geo: c.geo, gender: c.gender, weak: c.weak))
            }
        }
        // Lists ("FC Porto, Inter Milan, Chelsea and Real Madrid"): members without evidence take
        // the type that the members with evidence share.
        do {
            var ci = 0
            while ci < cands.count {
                var cj = ci + 1
                while cj < cands.count && isListGap(doc, cands[cj - 1].range.upperBound, cands[cj].range.lowerBound) { cj += 1 }
                var conjoined = false
                for m in (ci + 1)..<max(ci + 1, cj) where (cands[m - 1].range.upperBound..<cands[m].range.lowerBound).contains(where: { doc.tokens[$0].lower == "and" || doc.tokens[$0].lower == "or" }) {
                    conjoined = true
                }
                // "in Cleveland, Browns …": two names and a comma are no list.
                if cj - ci >= 3 || (cj - ci == 2 && conjoined) {
                    var strong: EntityType? = nil
                    var agree = true
                    for m in ci..<cj {
                        let en = entities[candEntity[m]]
                        guard en.score >= 3, en.type == .organization || en.type == .location else { continue }
                        if strong == nil { strong = en.type } else if strong != en.type { agree = false }
                    }
                    if let st = strong, agree {
                        for m in ci..<cj where entities[candEntity[m]].score <= 1 && !cands[m].weak && cands[m].type != .person {
                            entities[candEntity[m]].type = st; entities[candEntity[m]].score = 2; entities[candEntity[m]].weak = false
                        }
                    }
                }
                ci = cj
            }
        }
        // Surnames and given names of multi-word people point to them.
        var partOf: [String: Int] = [:]
        var ambiguous: Set<String> = []
        for (e, en) in entities.enumerated() where en.type == .person && en.nameTokens >= 2 {
            let r = en.mentions[0]
            var lastTok = r.upperBound - 1
            while lastTok > r.lowerBound + 1 && Lexicon.nameSuffixes.contains(doc.tokens[lastTok].lower) { lastTok -= 1 }
            let lastKey = doc.tokens[lastTok].lower
            let firstKey = doc.tokens[r.lowerBound].lower
            for k in [lastKey, firstKey] {
                // "CEO Tim Cook" … "Hosting Cook at Dreamforce": a name with clearly stronger
                // evidence keeps the short form; equal evidence makes it ambiguous.
                if let o = partOf[k], o != e {
                    if entities[o].score >= entities[e].score + 2 && !entities[o].weak { continue }
                    if entities[e].score >= entities[o].score + 2 && !entities[e].weak { partOf[k] = e; continue }
                    ambiguous.insert(k)
                } else { partOf[k] = e }
            }
            // "Ana María Ruiz" → "Ruiz" and also "María Ruiz".
        }
        // First words of multi-word organisations point to them ("Tottenham" → "Tottenham Hotspur").
        var orgHead: [String: Int] = [:]
        for (e, en) in entities.enumerated() where en.type == .organization && en.nameTokens >= 2 && en.score >= 3 {
            let k = doc.tokens[en.mentions[0].lowerBound].lower
            if partOf[k] != nil || Lexicon.orgPrefixes.contains(k) || Lexicon.commonWords.contains(k) { continue }
            if let o = orgHead[k], o != e { ambiguous.insert(k) } else { orgHead[k] = e }
        }
        var mergedInto = Array(0..<entities.count)
        for (e, en) in entities.enumerated() where en.nameTokens == 1 && en.score < 5 {
            let k = doc.tokens[en.mentions[0].lowerBound].lower
            guard !ambiguous.contains(k) else { continue }
            if let target = partOf[k], target != e { mergedInto[e] = target; continue }
            if en.score < 4, en.type != .location, let target = orgHead[k], target != e { mergedInto[e] = target }
        }
        // Two-word names inside a three-word person ("María Ruiz" of "Ana María Ruiz").
        for (e, en) in entities.enumerated() where en.nameTokens == 2 && en.type != .organization && en.score < 5 && mergedInto[e] == e {
            let r = en.mentions[0]
            let k = doc.tokens[r.upperBound - 1].lower
            guard !ambiguous.contains(k), let target = partOf[k], target != e, entities[target].nameTokens > 2 else { continue }
            mergedInto[e] = target
        }
        // Acronyms in brackets after an organisation: "Civic Front (CF)".
        for (ci, c) in cands.enumerated() where c.range.count == 1 && doc.tokens[c.range.lowerBound].has(.allCaps) {
            let s = c.range.lowerBound
            guard s >= 2, doc.tokens[s - 1].text == "(", ci > 0 else { continue }
            let prev = cands[ci - 1]
            guard prev.range.upperBound == s - 1 else { continue }
            let pe = candEntity[ci - 1], me = candEntity[ci]
            // "HAYWARD, Calif. (AP)": a news agency's credit is no acronym of the place before it.
            guard pe >= 0, me >= 0, pe != me, entities[pe].type == .organization || entities[pe].score <= 1,
                  !Lexicon.newsAgencies.contains(c.key) else { continue }
            if mergedInto[me] == me && mergedInto[pe] == pe { mergedInto[me] = pe }
        }
        for e in 0..<entities.count where mergedInto[e] != e {
            let target = mergedInto[e]
            entities[target].mentions.append(contentsOf: entities[e].mentions)
            for r in entities[e].roles where !entities[target].roles.contains(r) { entities[target].roles.append(r) }
            if entities[target].gender == 0 { entities[target].gender = entities[e].gender }
            entities[target].weak = entities[target].weak && entities[e].weak
        }
        // Keep what has evidence; renumber.
        var newIndex = [Int](repeating: -1, count: entities.count)
        var kept: [EntityInfo] = []
        for e in 0..<entities.count where mergedInto[e] == e {
            var en = entities[e]
            if en.weak && en.score <= 1 { continue }
            if en.score < minScore { continue }
            if en.nameTokens == 1 && en.score < 5 && Lexicon.notNamesAlone.contains(doc.tokens[en.mentions[0].lowerBound].lower) { continue }
            if en.nameTokens == 1 && en.score == 0 && en.type == .other && isThingAcronym(doc, en.mentions[0].lowerBound) { continue }
            // A lone letter ("S-1", "Plan B") is no name.
            if en.nameTokens == 1 && en.score < 5 && doc.tokens[en.mentions[0].lowerBound].text.unicodeScalars.count == 1 { continue }
            if en.type == .other && en.score == 0 && en.mentions.count == 1
                && doc.tokens[en.mentions[0].lowerBound].text.unicodeScalars.count < 3 { continue }
            en.mentions.sort { $0.lowerBound < $1.lowerBound }
            // The fullest form names the entity.
            var best = en.mentions[0]
            for m in en.mentions where m.count > best.count { best = m }
            en.name = doc.text(tokens: best)
            en.nameTokens = best.count
            if en.type != .person { en.roles = [] }
            newIndex[e] = kept.count
            kept.append(en)
        }
        for e in 0..<entities.count where mergedInto[e] != e {
            newIndex[e] = newIndex[mergedInto[e]]
        }
        // Order by first mention.
        let order = kept.indices.sorted { kept[$0].mentions[0].lowerBound < kept[$1].mentions[0].lowerBound }
        var remap = [Int](repeating: -1, count: kept.count)
        for (newPos, old) in order.enumerated() { remap[old] = newPos }
        result.entities = order.map { kept[$0] }
        var tokenEntity = [Int32](repeating: -1, count: doc.tokens.count)
        var mentions: [EntityMentionRef] = []
        for (e, en) in result.entities.enumerated() {
            for m in en.mentions {
                for k in m { tokenEntity[k] = Int32(e) }
                mentions.append(EntityMentionRef(range: m, entity: e))
            }
        }
        _ = newIndex
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        result.tokenEntity = tokenEntity
        result.mentions = mentions
        return result
    }
}
