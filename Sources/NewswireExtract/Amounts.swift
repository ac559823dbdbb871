import NewswireWire

/// Finds amounts: numerals and number words, scale words, ranges, percentages, money and
/// measures, bounds and approximations, the counted object, and conversions given in
/// brackets (kept as extra renderings of one amount). Years, dates, times, ordinals and
/// numbers that are part of a name ("Boeing 737", "COVID-19") are not amounts.
struct AmountFinder: Sendable {
    struct Found: Sendable {
        var range: Range<Int>
        var value: Double?
        var valueMax: Double?
        var unit: String?
        var object: String?
        var approximate: Bool
        var bound: Amount.Bound?
        var renderings: [AmountRendering]
    }

    static let small: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000, "dozen": 12,
    ]
    /// Abbreviated scales, only right after a numeral: "$3.8m", "5bn", "10k".
    static let shortScales: [String: Double] = [
        "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
        "k": 1_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
    ]
    /// Vague plurals: "hundreds of", "thousands of".
    static let vague: Set<String> = ["dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"]

    static let currencySymbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₪": "ILS",
    ]
    /// Prefixes written before "$": "US$", "A$", "HK$".
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD", "r": "BRL",
    ]
    static let currencyWords: [String: String] = [
        "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP", "sterling": "GBP",
        "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB",
        "francs": "CHF", "pesos": "MXN", "hryvnias": "UAH", "hryvnia": "UAH", "lira": "TRY", "liras": "TRY", "rand": "ZAR",
        "shekels": "ILS", "naira": "NGN", "riyals": "SAR", "dirhams": "AED", "reais": "BRL", "baht": "THB", "ringgit": "MYR",
        "rupiah": "IDR", "zlotys": "PLN", "zloty": "PLN", "kronor": "SEK", "kroner": "NOK", "forint": "HUF",
    ]
    static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "RUB", "CAD", "AUD", "HKD", "KRW", "BRL", "MXN", "ZAR", "TRY",
        "UAH", "SEK", "NOK", "DKK", "PLN", "ILS", "NGN", "SAR", "AED", "SGD", "NZD",
    ]
    /// Demonyms that change "dollars" to another currency.
    static let dollarCountries: [String: String] = [
        "australian": "AUD", "canadian": "CAD", "hong": "HKD", "singapore": "SGD", "new": "NZD", "us": "USD", "u.s.": "USD",
        "american": "USD", "taiwan": "TWD", "zimbabwean": "ZWL",
    ]
    static let units: [String: String] = [
        "km": "km", "kms": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
        "miles": "mi", "mile": "mi", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "cm": "cm",
        "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
        "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in", "yards": "yd",
        "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "kg": "kg", "kilograms": "kg", "kilogrammes": "kg",
        "kilos": "kg", "grams": "g", "lbs": "lb", "lb": "lb", "hectares": "ha", "hectare": "ha", "ha": "ha",
        "acres": "acre", "acre": "acre", "degrees": "degrees", "litres": "l", "liters": "l", "litre": "l", "liter": "l",
        "gallons": "gal", "barrels": "barrels", "bpd": "barrels/day", "mph": "mph", "kph": "km/h", "km/h": "km/h",
        "mw": "MW", "megawatts": "MW", "gw": "GW", "gigawatts": "GW", "kwh": "kWh", "twh": "TWh",
        "sq": "", "square": "",
    ]
    static let approxWords: Set<String> = ["about", "around", "roughly", "nearly", "almost", "some", "approximately",
                                           "estimated", "circa", "approx.", "c.", "ca."]
    static let notObjects: Set<String> = ["percent", "per", "of", "and", "or", "to", "in", "on", "at", "for", "by", "were",
                                          "was", "are", "is", "have", "had", "has", "said", "says", "will", "would", "more",
                                          "than", "year-old", "times", "a", "the", "from", "with", "as"]
    static let nameNumberCues: Set<String> = ["no.", "article", "section", "chapter", "page", "vol.", "room", "flight",
                                              "route", "highway", "number", "level", "category", "phase", "grade", "tier",
                                              "size", "model", "episode", "season", "part", "round", "pages", "platform",
                                              "gate", "bus", "line", "channel", "version", "item", "resolution", "paragraph"]

    static let irregularPlurals: Set<String> = ["people", "children", "men", "women", "police", "staff", "personnel",
                                                "cattle", "sheep", "fish", "troops", "aircraft", "livestock", "feet", "teeth"]

    /// Verbs that follow a bare number as its predicate ("fewer than 10 remain").
    static let commonVerbs: Set<String> = ["remain", "remained", "died", "die", "fled", "live", "lived", "work", "worked",
                                           "left", "came", "went", "took", "made", "voted", "marched", "stayed", "survived",
                                           "returned", "arrived", "gathered", "attended", "joined", "lost", "won", "got",
                                           "saw", "felt", "fell", "rose", "remains", "went", "did", "do", "does", "can",
                                           "could", "should", "must", "might", "need", "needed", "want", "wanted", "say",
                                           "agree", "agreed", "believe", "think", "thought", "show", "showed", "shows",
                                           "became", "become", "received", "suffered", "killed", "injured", "wounded",
                                           "missing", "dead", "alive", "apiece", "each", "total", "altogether", "respectively"]

    private struct Num {
        var value: Double?
        var end: Int
        var isWord: Bool
        var scaled: Bool
        var vague: Bool
    }

    /// Reads a numeral or number words at k.
    private func readNumber(_ t: [Token], _ k: Int, _ limit: Int) -> Num? {
        guard k < limit else { return nil }
        let tok = t[k]
        if tok.kind == .number {
            guard let v = parseNumeral(tok.text) else { return nil }
            var value = v
            var e = k + 1
            var scaled = false
            if e < limit, t[e].kind == .word {
                if let s = AmountFinder.scales[t[e].lower] ?? AmountFinder.scales[String(t[e].lower.dropLast())], t[e].lower != "dozens" {
                    value *= s; e += 1; scaled = true
                    if e < limit, let s2 = AmountFinder.scales[t[e].lower], s2 > s { value *= s2; e += 1 }
                } else if !t[e].has(.spaceBefore), let s = AmountFinder.shortScales[t[e].lower] {
                    value *= s; e += 1; scaled = true
                }
            }
            return Num(value: value, end: e, isWord: false, scaled: scaled, vague: false)
        }
        guard tok.kind == .word else { return nil }
        let l = tok.lower
        if AmountFinder.vague.contains(l), k + 1 < limit, t[k + 1].lower == "of" {
            return Num(value: nil, end: k + 1, isWord: true, scaled: false, vague: true)
        }
        var value: Double
        var e = k + 1
        if l == "a" || l == "an" {
            guard e < limit, let s = AmountFinder.scales[t[e].lower] else { return nil }
            value = s; e += 1
            return Num(value: value, end: e, isWord: true, scaled: true, vague: false)
        } else if l == "half" && e + 1 < limit && t[e].lower == "a", let s = AmountFinder.scales[t[e + 1].lower] {
            return Num(value: s / 2, end: e + 2, isWord: true, scaled: true, vague: false)
        } else if let v = wordValue(l) {
            value = v
            if let (unit, after) = hyphenatedUnits(t, tens: v, at: e, limit) { value += unit; e = after }
        } else {
            return nil
        }
        var scaled = false
        while e < limit, let s = AmountFinder.scales[t[e].lower] {
            value *= s; e += 1; scaled = true
            // "two hundred and fifty"
            if e + 1 < limit, t[e].lower == "and", let v = wordValue(t[e + 1].lower), s == 100 { value += v; e += 2 }
        }
        return Num(value: value, end: e, isWord: true, scaled: scaled, vague: false)
    }

    /// "Fifty-one" split by the tokenizer at a capital: tens, hyphen, units.
    private func hyphenatedUnits(_ t: [Token], tens: Double, at e: Int, _ limit: Int) -> (Double, Int)? {
        guard tens >= 20, tens.truncatingRemainder(dividingBy: 10) == 0, e + 1 < limit, t[e].text == "-",
              !t[e].has(.spaceBefore), !t[e + 1].has(.spaceBefore), let u = AmountFinder.small[t[e + 1].lower], u >= 1, u < 10 else { return nil }
        return (u, e + 2)
    }

    private func wordValue(_ l: String) -> Double? {
        if let v = AmountFinder.small[l] { return v }
        // "twenty-five"
        if let dash = l.firstIndex(of: "-") {
            let a = String(l[..<dash]), b = String(l[l.index(after: dash)...])
            if let x = AmountFinder.small[a], let y = AmountFinder.small[b], x >= 20, y < 10 { return x + y }
        }
        return nil
    }

    func parseNumeral(_ s: String) -> Double? {
        var digits = ""
        let dots = s.filter { $0 == "." }.count
        let commas = s.filter { $0 == "," }.count
        if dots > 1 || (dots == 1 && commas >= 1 && s.firstIndex(of: ".")! < s.firstIndex(of: ",")!) {
            // 1.200.000 or 1.200,50: dots group thousands.
            for ch in s { if ch == "," { digits.append(".") } else if ch != "." { digits.append(ch) } }
        } else if commas == 1 && dots == 0, let c = s.firstIndex(of: ","), s.distance(from: c, to: s.endIndex) - 1 != 3 {
            // 3,5 : decimal comma.
            digits = s.replacingOccurrences(of: ",", with: ".")
        } else {
            for ch in s where ch != "," { digits.append(ch) }
        }
        return Double(digits)
    }

    func find(_ doc: Document, dateTokens: [Bool], entities: EntityResult) -> [Found] {
        let t = doc.tokens
        let n = t.count
        var out: [Found] = []
        var i = 0
        while i < n {
            if dateTokens[i] { i += 1; continue }
            let sEnd = doc.sentences[Int(doc.sentenceOf[i])].upperBound
            // Currency before the number: "$", "US$", "€", "USD".
            var k = i
            var unit: String? = nil
            var startTok = i
            if t[k].kind == .symbol, let c = AmountFinder.currencySymbols[t[k].text] {
                unit = c; k += 1
                if i > 0, t[i - 1].kind == .word, !t[i].has(.spaceBefore), t[i].text == "$",
                   let c2 = AmountFinder.dollarPrefixes[t[i - 1].lower] { unit = c2; startTok = i - 1 }
            } else if t[k].kind == .word, AmountFinder.currencyCodes.contains(t[k].text), k + 1 < n, t[k + 1].kind == .number {
                unit = t[k].text; k += 1
            }
            guard let num = readNumber(t, k, sEnd) else { i += 1; continue }
            if dateTokens[k] { i = k + 1; continue }
            // "one" on its own is rarely a count ("one of the", "no one").
            if num.isWord && !num.scaled && unit == nil && t[k].lower == "one" { i = num.end; continue }
            if num.isWord && !num.scaled && unit == nil && (t[k].lower == "a" || t[k].lower == "an") { i += 1; continue }
            var end = num.end
            var value = num.value
            var valueMax: Double? = nil
            var approximate = num.vague
            var bound: Amount.Bound? = nil
            if !num.isWord && skipNumeral(doc, k, num, hasCurrency: unit != nil, entities: entities) {
                i = num.end; continue
            }
            // Range: "20-30", "20 to 30", "$20-30 million".
            if end < sEnd, value != nil, t[end].text == "-" || t[end].text == "–" || t[end].lower == "to",
               let second = readNumber(t, end + 1, sEnd), second.value != nil,
               !dateTokens[end + 1], t[end].lower == "to" ? true : !t[end + 1].has(.spaceBefore) || t[end].text == "–" {
                var lo = value!, hi = second.value!
                if second.scaled && !num.scaled, let f = scaleFactor(t, second.end - 1) {
                    lo *= f
                    if hi < lo { hi *= 1 }
                }
                if hi > lo || (num.isWord == second.isWord && hi >= lo) {
                    value = lo; valueMax = hi; end = second.end
                }
            }
            // Percent, currency word or code, unit after.
            let numberEnd = end
            var measured = false
            if end < sEnd {
                let u = t[end]
                if u.text == "%" { unit = "percent"; end += 1 }
                else if u.lower == "percent" || u.lower == "pc" { unit = "percent"; end += 1 }
                else if u.lower == "per" && end + 1 < sEnd && t[end + 1].lower == "cent" { unit = "percent"; end += 2 }
                else if u.lower == "percentage" && end + 1 < sEnd && t[end + 1].lower.hasPrefix("point") { unit = "percentage points"; end += 2 }
                else if unit == nil, let c = AmountFinder.currencyWords[u.lower] {
                    unit = c; end += 1
                } else if unit == nil, u.kind == .word, AmountFinder.currencyCodes.contains(u.text) {
                    unit = u.text; end += 1
                } else if unit == nil, u.kind == .word && u.lower != "m" || (u.lower == "m" && u.has(.spaceBefore) == false), let m = AmountFinder.units[u.lower] {
                    if m.isEmpty, end + 1 < sEnd, let m2 = AmountFinder.units[t[end + 1].lower], !m2.isEmpty {
                        unit = "sq " + m2; end += 2; measured = true
                    } else if !m.isEmpty {
                        unit = m; end += 1; measured = true
                        if m == "degrees", end < sEnd, ["celsius", "centigrade", "fahrenheit"].contains(t[end].lower) {
                            unit = t[end].lower == "fahrenheit" ? "°F" : "°C"; end += 1
                        }
                    }
                } else if unit == nil, u.text == "°" {
                    unit = "degrees"; end += 1
                    if end < sEnd, t[end].text == "C" || t[end].text == "F", !t[end].has(.spaceBefore) { unit = "°" + t[end].text; end += 1 }
                } else if unit == nil, u.lower == "cents" || u.lower == "pence" || u.lower == "p" && !u.has(.spaceBefore) {
                    unit = u.lower == "cents" ? "USD" : "GBP"
                    value = value.map { $0 / 100 }; valueMax = valueMax.map { $0 / 100 }; end += 1
                }
            }
            if unit == "USD", let p = k > 0 ? t[k - 1].lower : nil, startTok == k, let c = AmountFinder.dollarCountries[p], end > 0,
               t[end - 1].lower.hasPrefix("dollar") {
                unit = c
            }
            // Counted object: "214 protesters", "hundreds of people", "3,000 riot police", "a 60-day truce",
            // the measure itself ("900 square kilometres"), or what a share is of ("70 percent of the workforce").
            var object: String? = nil
            if unit == nil, let (o, e) = hyphenatedObject(doc, at: end, sEnd) {
                object = o; end = e
            } else if unit == nil, let (o, e) = countedObject(doc, at: end, sEnd, vague: num.vague, scaled: num.scaled) {
                object = o; end = e
            } else if measured {
                object = doc.text(tokens: numberEnd..<end)
            } else if unit == "percent" || unit == "percentage points" {
                object = shareObject(doc, at: end, sEnd)
            }
            // A bare small numeral with nothing around it is still an amount; years were skipped above.
            // Approximation and bounds before: look back over up to three words.
            var s = startTok
            let sStart = doc.sentences[Int(doc.sentenceOf[i])].lowerBound
            func w(_ j: Int) -> String { j >= sStart && j < n ? t[j].lower : "" }
            if let q = qualifierBefore(startingAt: s, in: t, sentenceStart: sStart, isWordNumber: num.isWord) {
                approximate = true; bound = q.bound; s = q.start
            } else if w(s - 1) == "between" && valueMax != nil {
                s -= 1
            } else if w(s - 1) == "from" && valueMax != nil {
                s -= 1
            } else if w(s - 1) == "between", end + 1 < sEnd, t[end].lower == "and", let second = readNumber(t, end + 1, sEnd), let hi = second.value {
                // "between 20 and 30 people"
                var hiv = hi
                var e = second.end
                if unit == nil, e < sEnd, let c = AmountFinder.currencyWords[t[e].lower] { unit = c; e += 1 }
                if second.scaled && !num.scaled, let f = scaleFactor(t, second.end - 1), let v = value { value = v * f }
                if unit == "percent" || (e < sEnd && t[e].text == "%") { if e < sEnd && t[e].text == "%" { e += 1; unit = "percent" } }
                if object == nil, unit == nil {
                    var o = e
                    while o < sEnd && o - e < 3 && isObjectWord(t[o]) { o += 1 }
                    if o > e { object = doc.text(tokens: e..<o); e = o }
                }
                hiv = hi
                valueMax = hiv; end = e; s -= 1
            }
            var found = Found(range: s..<end, value: value, valueMax: valueMax, unit: unit, object: object,
                              approximate: approximate, bound: bound, renderings: [])
            // Conversion in brackets or after ", or": "(roughly $3.8 million)".
            if unit != nil && unit != "percent", end < sEnd, t[end].text == "(" || (t[end].text == "," && end + 1 < sEnd && t[end + 1].lower == "or") {
                var c = end + 1
                if t[end].text == "," { c += 1 }
                while c < sEnd && (AmountFinder.approxWords.contains(t[c].lower) || t[c].lower == "or" || t[c].lower == "about" || t[c].lower == "an") { c += 1 }
                if let conv = readConversion(doc, c, sEnd) {
                    var close = conv.end
                    if t[end].text == "(" { if close < sEnd && t[close].text == ")" { close += 1 } else { close = -1 } }
                    if close > 0 {
                        found.renderings = [AmountRendering(value: value ?? 0, unit: unit),
                                            AmountRendering(value: conv.value, unit: conv.unit)]
                        out.append(found)
                        i = close
                        continue
                    }
                }
            }
            out.append(found)
            i = max(end, i + 1)
        }
        return out
    }

    /// The noun phrase a number counts: up to three object words, ending at the first plural.
    private func countedObject(_ doc: Document, at end: Int, _ sEnd: Int, vague: Bool, scaled: Bool) -> (String, Int)? {
        let t = doc.tokens
        var o = end
        if vague || (o < sEnd && t[o].lower == "of" && scaled) { o += 1 }
        let e = objectEnd(t, from: o, sEnd)
        guard e > o else { return nil }
        // A lone verb form is not an object ("600 died").
        if e - o == 1 && (t[o].lower.hasSuffix("ed") || t[o].lower.hasSuffix("ing")) { return nil }
        return (doc.text(tokens: o..<e), e)
    }

    /// End of the object words from o: a modifier ("riot", "armed", "foreign") lets the phrase go on,
    /// a plural noun ends it.
    private func objectEnd(_ t: [Token], from o: Int, _ sEnd: Int, nounOnly: Bool = false) -> Int {
        var e = o
        while e < sEnd && e - o < 3 && (isObjectWord(t[e]) || nounOnly && isShareNoun(t[e]) || e == o && isPlaceModifier(t, e, sEnd)) {
            e += 1
            let l = t[e - 1].lower
            if t[e - 1].has(.capitalized) && e - 1 == o && !Gazetteer.isGroup(l) { continue }
            if l.hasSuffix("s") || AmountFinder.irregularPlurals.contains(l) { break }
            if e < sEnd && t[e].lower.hasSuffix("ed") && !(e + 1 < sEnd && isObjectWord(t[e + 1])) { break }
        }
        return e
    }

    /// A qualifier written just before a figure ("about", "more than", "no more than", "at
    /// least", "up to", "over", "in excess of", "as many as", "close to"): where it starts, and
    /// which side of the figure the real value lies on; nil when none is there.
    func qualifierBefore(startingAt s: Int, in t: [Token], sentenceStart: Int,
                         isWordNumber: Bool) -> (start: Int, bound: Amount.Bound?)? {
        func w(_ j: Int) -> String { j >= sentenceStart && j < t.count ? t[j].lower : "" }
        /// Does `phrase` (in reading order) end just before `s`?
        func precedes(_ phrase: [String]) -> Bool {
            phrase.reversed().enumerated().allSatisfy { w(s - 1 - $0.offset) == $0.element }
        }
        if AmountFinder.approxWords.contains(w(s - 1)) && !(w(s - 1) == "some" && isWordNumber) {
            return (w(s - 2) == "an" ? s - 2 : s - 1, nil)          // "an estimated 300"
        }
        if w(s - 1) == "than", ["more", "fewer", "less"].contains(w(s - 2)) {
            var start = s - 2
            var bound: Amount.Bound = w(s - 2) == "more" ? .lower : .upper
            if w(start - 1) == "no" { bound = .upper; start -= 1 }      // "no more than": a ceiling
            else if ["just", "slightly", "little"].contains(w(start - 1)) { start -= 1 }
            return (start, bound)
        }
        for (phrase, bound) in Self.boundPhrases where precedes(phrase) {
            return (s - phrase.count, bound)
        }
        // "over 300", but not "3 over 2".
        if ["over", "upwards", "above"].contains(w(s - 1)) && !(s - 2 >= sentenceStart && t[s - 2].kind == .number) {
            return (w(s - 2) == "just" ? s - 2 : s - 1, .lower)
        }
        if ["under", "below"].contains(w(s - 1)) { return (s - 1, .upper) }
        return nil
    }

    /// Phrases before a figure and the bound each sets (nil: approximate, no bound).
    static let boundPhrases: [([String], Amount.Bound?)] = [
        (["at", "least"], .lower), (["at", "most"], .upper), (["up", "to"], .upper),
        (["in", "excess", "of"], .lower), (["close", "to"], nil), (["as", "many", "as"], .upper),
    ]

    /// "a 60-day truce", "a 12-member panel": the number joined by a hyphen to the word it measures;
    /// the object is that word with the noun after it ("day truce").
    private func hyphenatedObject(_ doc: Document, at end: Int, _ sEnd: Int) -> (String, Int)? {
        let t = doc.tokens
        guard end + 1 < sEnd, t[end].text == "-" || t[end].text == "‑", !t[end].has(.spaceBefore),
              !t[end + 1].has(.spaceBefore), t[end + 1].kind == .word, !t[end + 1].has(.capitalized) else { return nil }
        let l = t[end + 1].lower
        if l == "year-old" || l == "old" || l == "year" && end + 3 < sEnd && t[end + 3].lower == "old" { return nil }
        let e = objectEnd(t, from: end + 1, sEnd)
        guard e > end + 1 else { return nil }
        return (doc.text(tokens: (end + 1)..<e), e)
    }

    /// "70 percent of the workforce" → "workforce": what a share is of, determiners left out.
    private func shareObject(_ doc: Document, at end: Int, _ sEnd: Int) -> String? {
        let t = doc.tokens
        guard end + 1 < sEnd, t[end].lower == "of" else { return nil }
        var o = end + 1
        if Lexicon.determiners.contains(t[o].lower) || t[o].lower == "our" { o += 1 }
        let e = objectEnd(t, from: o, sEnd, nounOnly: true)
        return e > o ? doc.text(tokens: o..<e) : nil
    }

    /// After "of the", words that follow a bare number as predicates are nouns: "10 per cent of the total".
    private func isShareNoun(_ u: Token) -> Bool {
        u.kind == .word && !u.has(.capitalized) && AmountFinder.commonVerbs.contains(u.lower) && !u.lower.hasSuffix("ed")
    }

    /// "13,000 US troops", "2,500 Afghan civilians": a place or nationality before a lowercase noun.
    private func isPlaceModifier(_ t: [Token], _ k: Int, _ sEnd: Int) -> Bool {
        guard t[k].kind == .word, t[k].has(.capitalized), k + 1 < sEnd, isObjectWord(t[k + 1]), !t[k + 1].has(.capitalized) else { return false }
        return Gazetteer.isGroup(t[k].lower) || Gazetteer.place(t[k].lower) != nil
    }

    private func scaleFactor(_ t: [Token], _ k: Int) -> Double? {
        AmountFinder.scales[t[k].lower] ?? AmountFinder.shortScales[t[k].lower]
    }

    private func readConversion(_ doc: Document, _ k: Int, _ sEnd: Int) -> (value: Double, unit: String, end: Int)? {
        let t = doc.tokens
        var c = k
        var unit: String? = nil
        if c < sEnd, t[c].kind == .symbol, let u = AmountFinder.currencySymbols[t[c].text] { unit = u; c += 1 }
        else if c + 1 < sEnd, t[c].kind == .word, !t[c + 1].has(.spaceBefore), t[c + 1].text == "$", let u = AmountFinder.dollarPrefixes[t[c].lower] {
            unit = u; c += 2
        } else if c < sEnd, AmountFinder.currencyCodes.contains(t[c].text) { unit = t[c].text; c += 1 }
        guard let num = readNumber(t, c, sEnd), let v = num.value else { return nil }
        var e = num.end
        if unit == nil, e < sEnd {
            if let u = AmountFinder.currencyWords[t[e].lower] { unit = u; e += 1 }
            else if AmountFinder.currencyCodes.contains(t[e].text) { unit = t[e].text; e += 1 }
            else if let u = AmountFinder.units[t[e].lower], !u.isEmpty { unit = u; e += 1 }
        }
        guard let unit else { return nil }
        return (v, unit, e)
    }

    private func isObjectWord(_ u: Token) -> Bool {
        guard u.kind == .word else { return false }
        let l = u.lower
        if AmountFinder.notObjects.contains(l) || Lexicon.functionWords.contains(l) { return false }
        if Lexicon.reportingVerbs[l] != nil { return false }
        if l.hasSuffix("ly") || AmountFinder.commonVerbs.contains(l) { return false }
        if Lexicon.month(l) != nil || Lexicon.weekdaySet.contains(l) { return false }
        if u.has(.capitalized) && !Gazetteer.isGroup(l) { return false }
        return true
    }

    /// Years, times, ordinals, and numbers inside names are not amounts.
    private func skipNumeral(_ doc: Document, _ k: Int, _ num: Num, hasCurrency: Bool, entities: EntityResult) -> Bool {
        let t = doc.tokens
        let tok = t[k]
        let n = t.count
        if hasCurrency || num.scaled { return false }
        let next = k + 1 < n ? t[k + 1] : nil
        if let nx = next, !nx.has(.spaceBefore) {
            if nx.text == ":" || nx.text == "/" { return true }                    // 10:30, 11/14
            if nx.kind == .word && ["st", "nd", "rd", "th", "s"].contains(nx.lower) { return true } // 3rd, 1990s
            if nx.kind == .word && ["am", "pm", "a.m.", "p.m.", "h", "hrs", "gmt", "bst"].contains(nx.lower) { return true }
        }
        if let nx = next, ["a.m.", "p.m.", "am", "pm", "gmt", "bst", "utc", "et", "est", "edt", "pst", "cet"].contains(nx.lower) { return true }
        if k > 0, t[k - 1].text == ":" && !tok.has(.spaceBefore) { return true }
        if k > 0, t[k - 1].text == "/" && !tok.has(.spaceBefore) { return true }
        // COVID-19, F-16, G7.
        if k > 1, t[k - 1].text == "-", !t[k - 1].has(.spaceBefore), !tok.has(.spaceBefore), t[k - 2].kind == .word { return true }
        if k > 0, t[k - 1].kind == .word, !tok.has(.spaceBefore) { return true }
        if k > 0, t[k - 1].kind == .word {
            let p = t[k - 1]
            if AmountFinder.nameNumberCues.contains(p.lower) { return true }
            if p.has(.capitalized) && entities.tokenEntity[k - 1] >= 0 && !p.has(.sentenceStart) { return true }
        }
        if k > 0, t[k - 1].text == "#" { return true }
        // An age in apposition: "Ana Ruiz, 45, said".
        if k > 1, t[k - 1].text == ",", let nx = next, nx.text == ",", entities.tokenEntity[k - 2] >= 0,
           entities.entities[Int(entities.tokenEntity[k - 2])].type == .person { return true }
        // A four-digit year on its own.
        let text = tok.text
        if text.unicodeScalars.count == 4, let v = Int(text), v >= 1800, v <= 2100 { return true }
        return false
    }
}
