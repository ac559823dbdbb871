import NewswireWire

/// A proleptic Gregorian day, as days since 1970-01-01; small and exact, no Calendar needed.
struct Day: Sendable, Comparable, Hashable {
    var n: Int

    init(_ n: Int) { self.n = n }

    init?(year y0: Int, month m: Int, day d: Int) {
        guard (1...12).contains(m), d >= 1, d <= Day.daysIn(year: y0, month: m) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        n = era * 146097 + doe - 719468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    var weekday: Int { ((n % 7) + 7 + 3) % 7 }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func + (a: Day, b: Int) -> Day { Day(a.n + b) }
    static func - (a: Day, b: Int) -> Day { Day(a.n - b) }
    static func < (a: Day, b: Day) -> Bool { a.n < b.n }

    var iso: String {
        let c = civil
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    /// Parses the date part of an ISO 8601 timestamp ("2026-11-17T09:30:00Z").
    static func parseISO(_ s: String?) -> Day? {
        guard let s else { return nil }
        let u = Array(s.utf8.prefix(10))
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard u[i] >= 48 && u[i] <= 57 else { return nil }; v = v * 10 + Int(u[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

@inline(__always) func pad(_ v: Int, _ w: Int) -> String {
    let s = String(v)
    return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
}

func isoMonth(_ y: Int, _ m: Int) -> String { pad(y, 4) + "-" + pad(m, 2) }

/// Finds date expressions and resolves them against the publication date: absolute dates,
/// partial dates (year from context), weekdays, relative days, weeks, months and years, and
/// spans such as "over the past two days". Values are ISO 8601 dates, months or intervals.
struct DateFinder: Sendable {
    struct Found: Sendable {
        var range: Range<Int>
        var value: String?
    }

    static let wordNumbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "several": -1,
        "few": -1, "couple": 2,
    ]

    func find(_ doc: Document, published: Day?) -> [Found] {
        let t = doc.tokens
        let n = t.count
        var out: [Found] = []
        var i = 0
        func num(_ k: Int) -> Int? {
            guard k < n, t[k].kind == .number, t[k].text.unicodeScalars.count <= 4 else { return nil }
            return Int(t[k].text)
        }
        func isYear(_ k: Int) -> Int? {
            guard let v = num(k), t[k].text.unicodeScalars.count == 4, v >= 1800, v <= 2200 else { return nil }
            return v
        }
        func dayNum(_ k: Int) -> (Int, Int)? {
            // "14", "14th" → (day, next index)
            guard let v = num(k), v >= 1, v <= 31, t[k].text.unicodeScalars.count <= 2 else { return nil }
            var e = k + 1
            if e < n, t[e].kind == .word, !t[e].has(.spaceBefore), ["st", "nd", "rd", "th"].contains(t[e].lower) { e += 1 }
            return (v, e)
        }
        func monthAt(_ k: Int) -> Int? {
            guard k < n, t[k].kind == .word, t[k].has(.capitalized), let m = Lexicon.month(t[k].lower) else { return nil }
            return m
        }
        /// Year for a month/day without one: the one that puts it within ten months before to two after publication.
        func guessYear(_ m: Int, _ d: Int) -> Int? {
            guard let p = published else { return nil }
            let y = p.civil.year
            for cand in [y, y - 1, y + 1] {
                guard let day = Day(year: cand, month: m, day: min(d, Day.daysIn(year: cand, month: m))) else { continue }
                let diff = day.n - p.n
                if diff >= -310 && diff <= 62 { return cand }
            }
            return y
        }
        func interval(_ a: Day, _ b: Day) -> String { a.iso + "/" + b.iso }
        func yearInterval(_ y: Int) -> String { pad(y, 4) + "-01-01/" + pad(y, 4) + "-12-31" }

        let monthContext: Set<String> = ["in", "since", "until", "till", "by", "early", "late", "mid", "last", "next",
                                         "this", "of", "during", "from", "through", "before", "after", "end", "mid-"]
        while i < n {
            let tok = t[i]
            // ISO date 2026-11-14.
            if let y = isYear(i), i + 4 < n, t[i + 1].text == "-", !t[i + 1].has(.spaceBefore), let m = num(i + 2),
               t[i + 3].text == "-", let d = num(i + 4), !t[i + 4].has(.spaceBefore) {
                out.append(Found(range: i..<(i + 5), value: Day(year: y, month: m, day: d)?.iso))
                i += 5; continue
            }
            // Month-first: "November 14, 2026", "Nov. 14", "March 2026", "in August".
            if let m = monthAt(i) {
                let l = tok.lower
                let prevL = i > 0 ? t[i - 1].lower : ""
                if let (d, e) = dayNum(i + 1) {
                    var end = e
                    var year: Int? = nil
                    if end + 1 < n, t[end].text == ",", let y = isYear(end + 1) { year = y; end += 2 }
                    else if let y = isYear(end) { year = y; end += 1 }
                    let y = year ?? guessYear(m, d)
                    let v = y.flatMap { Day(year: $0, month: m, day: d)?.iso }
                    out.append(Found(range: i..<end, value: v))
                    i = end; continue
                }
                if let y = isYear(i + 1) {
                    out.append(Found(range: i..<(i + 2), value: isoMonth(y, m)))
                    i += 2; continue
                }
                let ambiguous = l == "may" || l == "march" || l.hasSuffix(".") == false && l.count <= 3
                if !ambiguous || monthContext.contains(prevL) {
                    if !tok.has(.sentenceStart) || !ambiguous {
                        var start = i
                        var v: String? = nil
                        if let p = published {
                            var y = guessYear(m, 1) ?? p.civil.year
                            if prevL == "last" { y = m < p.civil.month ? p.civil.year : p.civil.year - 1; start = i - 1 }
                            else if prevL == "next" { y = m > p.civil.month ? p.civil.year : p.civil.year + 1; start = i - 1 }
                            else if prevL == "this" { y = p.civil.year; start = i - 1 }
                            v = isoMonth(y, m)
                        }
                        out.append(Found(range: start..<(i + 1), value: v))
                        i += 1; continue
                    }
                }
            }
            // Day-first: "14 November 2026".
            if let (d, e) = dayNum(i), let m = monthAt(e) {
                var end = e + 1
                var year: Int? = nil
                if let y = isYear(end) { year = y; end += 1 }
                let y = year ?? guessYear(m, d)
                out.append(Found(range: i..<end, value: y.flatMap { Day(year: $0, month: m, day: d)?.iso }))
                i = end; continue
            }
            if tok.kind == .word {
                let l = tok.lower
                // Weekdays.
                if let wd = Lexicon.weekdays.firstIndex(of: l) ?? (tok.has(.abbreviation) ? weekdayAbbrev(l) : nil), tok.has(.capitalized) {
                    var start = i
                    let prevL = i > 0 ? t[i - 1].lower : ""
                    var mode = 0 // 0 on/before, 1 strictly before, 2 after
                    if prevL == "last" || prevL == "past" { mode = 1; start = i - 1 }
                    else if prevL == "next" || prevL == "coming" { mode = 2; start = i - 1 }
                    else if prevL == "this" { start = i - 1; mode = futureContext(doc, i) ? 3 : 0 }
                    else if futureContext(doc, i) { mode = 3 }
                    var v: String? = nil
                    if let p = published {
                        let pw = p.weekday
                        switch mode {
                        case 1: var d = (pw - wd + 7) % 7; if d == 0 { d = 7 }; v = (p - d).iso
                        case 2: var d = (wd - pw + 7) % 7; if d == 0 { d = 7 }; v = (p + d).iso
                        case 3: v = (p + (wd - pw + 7) % 7).iso
                        default: v = (p - (pw - wd + 7) % 7).iso
                        }
                    }
                    out.append(Found(range: start..<(i + 1), value: v))
                    i += 1; continue
                }
                switch l {
                case "yesterday", "today", "tomorrow", "tonight":
                    let off = l == "yesterday" ? -1 : (l == "tomorrow" ? 1 : 0)
                    out.append(Found(range: i..<(i + 1), value: published.map { ($0 + off).iso }))
                    i += 1; continue
                default: break
                }
                if (l == "last" || l == "this" || l == "next") && i + 1 < n {
                    let u = t[i + 1].lower
                    if let v = relativePeriod(l, u, published) {
                        out.append(Found(range: i..<(i + 2), value: v))
                        i += 2; continue
                    }
                    if l != "next" && (u == "night" || u == "morning" || u == "afternoon" || u == "evening") {
                        let off = (l == "last" && u == "night") ? -1 : 0
                        out.append(Found(range: i..<(i + 2), value: published.map { ($0 + off).iso }))
                        i += 2; continue
                    }
                }
                if (l == "earlier" || l == "later") && i + 2 < n && t[i + 1].lower == "this",
                   let v = relativePeriod("this", t[i + 2].lower, published) {
                    out.append(Found(range: i..<(i + 3), value: v))
                    i += 3; continue
                }
                // "the past two days", "the last 24 hours", "the next three weeks".
                if l == "the" && i + 2 < n, ["past", "last", "previous", "next", "coming", "following"].contains(t[i + 1].lower) {
                    var k = i + 2
                    var count = 1
                    if let v = num(k) { count = v; k += 1 }
                    else if let v = DateFinder.wordNumbers[t[k].lower], v > 0, t[k].lower != "a", t[k].lower != "an" { count = v; k += 1 }
                    if k < n, let unit = unitDays(t[k].lower) {
                        let plural = t[k].lower.hasSuffix("s")
                        if k == i + 2 && plural { /* "the past days": vague */ }
                        else {
                            var v: String? = nil
                            if let p = published {
                                let span = max(1, unit.days * count)
                                if ["next", "coming", "following"].contains(t[i + 1].lower) { v = interval(p, p + span) }
                                else { v = interval(p - span, p) }
                            }
                            out.append(Found(range: i..<(k + 1), value: v))
                            i = k + 1; continue
                        }
                    }
                }
                // "three days ago".
                if i + 2 < n, t[i + 2].lower == "ago", let unit = unitDays(t[i + 1].lower) {
                    let c = num(i) ?? DateFinder.wordNumbers[l] ?? -1
                    if c > 0 {
                        var v: String? = nil
                        if let p = published {
                            let d = p - unit.days * c
                            if unit.days >= 365 { v = yearInterval(d.civil.year) }
                            else if unit.days >= 28 { v = isoMonth(d.civil.year, d.civil.month) }
                            else { v = d.iso }
                        }
                        out.append(Found(range: i..<(i + 3), value: v))
                        i += 3; continue
                    }
                }
            }
            // A bare year after a preposition: "in 2019", "since 2020".
            if let y = isYear(i), i > 0, ["in", "since", "by", "until", "till", "from", "to", "before", "after", "during",
                                          "of", "through", "between", "and", "early", "late", "mid", "end"].contains(t[i - 1].lower),
               !(i + 1 < n && (t[i + 1].kind == .word && !Lexicon.functionWords.contains(t[i + 1].lower) && t[i + 1].lower != "election")) {
                out.append(Found(range: i..<(i + 1), value: yearInterval(y)))
                i += 1; continue
            }
            i += 1
        }
        return out
    }

    private func weekdayAbbrev(_ l: String) -> Int? {
        switch l {
        case "mon.": return 0
        case "tue.", "tues.": return 1
        case "wed.": return 2
        case "thu.", "thur.", "thurs.": return 3
        case "fri.": return 4
        case "sat.": return 5
        case "sun.": return 6
        default: return nil
        }
    }

    /// "will meet on Tuesday": the coming Tuesday, not the last one.
    private func futureContext(_ doc: Document, _ k: Int) -> Bool {
        let s = doc.sentenceRange(of: k)
        var j = k - 1
        var steps = 0
        while j >= s.lowerBound && steps < 12 {
            let l = doc.tokens[j].lower
            if l == "will" || l == "'ll" || l == "scheduled" || l == "due" || l == "expected" || l == "plans" || l == "shall" { return true }
            if l == "said" || l == "was" || l == "were" || l == "had" || l == "did" { return false }
            j -= 1; steps += 1
        }
        return false
    }

    private func unitDays(_ l: String) -> (days: Int, unit: String)? {
        switch l {
        case "day", "days": return (1, "day")
        case "week", "weeks": return (7, "week")
        case "fortnight": return (14, "week")
        case "month", "months": return (30, "month")
        case "year", "years": return (365, "year")
        case "hours", "hour": return (1, "day")
        default: return nil
        }
    }

    /// "last week" → Monday–Sunday interval, "next month" → ISO month, "this year" → year interval.
    private func relativePeriod(_ which: String, _ unit: String, _ p: Day?) -> String?? {
        let delta = which == "last" ? -1 : (which == "next" ? 1 : 0)
        switch unit {
        case "week":
            guard let p else { return .some(nil) }
            let monday = p - p.weekday + 7 * delta
            return .some(monday.iso + "/" + (monday + 6).iso)
        case "weekend":
            guard let p else { return .some(nil) }
            var sat = p - p.weekday + 5
            if delta < 0 || (delta == 0 && p.weekday < 5) { if delta < 0 { sat = sat - 7 } }
            if delta > 0 { sat = sat + (p.weekday >= 5 ? 7 : 0) }
            return .some(sat.iso + "/" + (sat + 1).iso)
        case "month":
            guard let p else { return .some(nil) }
            var y = p.civil.year, m = p.civil.month + delta
            if m < 1 { m = 12; y -= 1 } else if m > 12 { m = 1; y += 1 }
            return .some(isoMonth(y, m))
        case "year":
            guard let p else { return .some(nil) }
            let y = p.civil.year + delta
            return .some(pad(y, 4) + "-01-01/" + pad(y, 4) + "-12-31")
        default:
            return nil
        }
    }
}
