import Foundation

/// What a token is; the later passes branch on this instead of re-reading scalars.
enum TokenKind: UInt8, Sendable {
    case word, number, punct, quote, symbol
}

/// Facts about a token that several passes need, computed once while scanning.
struct TokenFlags: OptionSet, Sendable {
    let rawValue: UInt16
    /// First scalar is an uppercase letter.
    static let capitalized = TokenFlags(rawValue: 1 << 0)
    /// Two or more letters, all uppercase ("NATO").
    static let allCaps = TokenFlags(rawValue: 1 << 1)
    /// First token after a blank line (or of the text).
    static let paragraphStart = TokenFlags(rawValue: 1 << 2)
    /// First token after a single line break.
    static let lineStart = TokenFlags(rawValue: 1 << 3)
    /// Whitespace precedes the token.
    static let spaceBefore = TokenFlags(rawValue: 1 << 4)
    /// A word that swallowed its full stop ("Gen.", "U.S.", "J.").
    static let abbreviation = TokenFlags(rawValue: 1 << 5)
    /// Quotation mark that opens.
    static let quoteOpen = TokenFlags(rawValue: 1 << 6)
    /// Quotation mark that closes.
    static let quoteClose = TokenFlags(rawValue: 1 << 7)
    /// Single quotation mark (‘ ’ ' ‹ ›) rather than double.
    static let quoteSingle = TokenFlags(rawValue: 1 << 8)
    /// First token of a sentence (set by the sentence splitter).
    static let sentenceStart = TokenFlags(rawValue: 1 << 9)
    /// Inside a headline-like paragraph where capitals carry no information.
    static let titleCaseLine = TokenFlags(rawValue: 1 << 10)
    /// A single capital letter with its stop ("J.").
    static let initial = TokenFlags(rawValue: 1 << 11)
}

/// One token: offsets are Unicode-scalar offsets into the article text, end exclusive.
struct Token: Sendable {
    var start: Int
    var end: Int
    var kind: TokenKind
    var text: String
    var lower: String
    var flags: TokenFlags

    @inline(__always) func has(_ f: TokenFlags) -> Bool { flags.contains(f) }
    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { kind == .word && flags.contains(.capitalized) }
}

// MARK: - Scalar classes (ASCII fast paths; Unicode properties only for the rest)

@inline(__always) func isLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { let l = v | 0x20; return l >= 97 && l <= 122 }
    if v == 0xAA || v == 0xBA { return true }
    return s.properties.isAlphabetic
}

@inline(__always) func isUpperLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return v >= 65 && v <= 90 }
    return s.properties.isUppercase
}

@inline(__always) func isDigit(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v >= 48 && v <= 57
}

@inline(__always) func isSpace(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v == 32 || v == 10 || v == 13 || v == 9 { return true }
    if v < 128 { return v == 11 || v == 12 }
    if v == 0xA0 || v == 0x202F || v == 0x2009 || v == 0x200B { return true }
    return s.properties.isWhitespace
}

@inline(__always) func isApostrophe(_ s: Unicode.Scalar) -> Bool {
    s.value == 0x27 || s.value == 0x2019 || s.value == 0x2BC
}

@inline(__always) func isHyphen(_ s: Unicode.Scalar) -> Bool {
    s.value == 0x2D || s.value == 0x2010 || s.value == 0x2011
}

/// Double quotation marks: straight, curly, low, guillemets, CJK corner brackets.
@inline(__always) func doubleQuoteKind(_ s: Unicode.Scalar) -> Int {
    // 1 = opens, 2 = closes, 3 = depends on context
    switch s.value {
    case 0x22: return 3
    case 0x201C, 0x201E, 0xAB, 0x300C, 0x300E, 0x201F: return 1
    case 0x201D, 0xBB, 0x300D, 0x300F: return 2
    default: return 0
    }
}

@inline(__always) func singleQuoteKind(_ s: Unicode.Scalar) -> Int {
    switch s.value {
    case 0x2018, 0x2039, 0x201A, 0x201B: return 1
    case 0x2019, 0x203A: return 2
    case 0x27: return 3
    default: return 0
    }
}

/// Splits text into tokens in one pass over its scalars, keeping news typography intact:
/// abbreviations and initials keep their stop, numbers keep their separators, quotation
/// marks know whether they open or close, paragraph and line breaks are recorded.
struct Tokenizer: Sendable {
    /// Words that keep their full stop. Lowercase, without the stop.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
        "cpl", "pvt", "cmdr", "adm", "maj", "brig", "rev", "fr", "st", "jr", "sr", "inc", "ltd", "corp",
        "co", "bros", "plc", "llc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "vs",
        "etc", "approx", "dept", "univ", "ave", "blvd", "mt", "ft", "pres", "supt", "hon", "est", "fig",
        "vol", "pp", "al", "messrs", "mme", "mlle", "sgt", "insp", "det", "supt", "gov", "atty", "assn",
        "no", "nos", "cf", "ed", "eds", "govt", "intl", "natl", "ariz", "calif", "colo", "conn", "fla",
        "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
        "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "e.g", "i.e",
    ]

    /// Abbreviations that never end a sentence: a name or number always follows.
    static let neverFinal: Set<String> = [
        "mr.", "mrs.", "ms.", "mx.", "dr.", "prof.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "sgt.",
        "capt.", "cpl.", "pvt.", "cmdr.", "adm.", "maj.", "brig.", "rev.", "fr.", "st.", "messrs.", "mme.",
        "insp.", "det.", "supt.", "atty.", "vs.", "no.", "nos.", "mt.", "hon.", "pres.", "e.g.", "i.e.",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ]

    func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5 + 4)
        let n = s.count
        var i = 0
        var pendingFlags: TokenFlags = [.paragraphStart]
        var lastWasSpace = true

        @inline(__always) func make(_ a: Int, _ b: Int, _ kind: TokenKind, _ flags: TokenFlags) {
            var f = flags.union(pendingFlags)
            pendingFlags = []
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: s[a..<b])
            let text = String(scalars)
            var lower = text
            if kind == .word {
                let first = s[a]
                if b - a > 3 && (first.value == 0x61 || first.value == 0x65) && isHyphen(s[a + 2]) && isUpperLetter(s[a + 3]) {
                    f.insert(.capitalized)
                    lower = text.lowercased()
                } else if isUpperLetter(first) {
                    f.insert(.capitalized)
                    if b - a >= 2 {
                        var all = true
                        var letters = 0
                        for k in a..<b where isLetter(s[k]) {
                            letters += 1
                            if !isUpperLetter(s[k]) { all = false; break }
                        }
                        if all && letters >= 2 { f.insert(.allCaps) }
                    }
                    lower = text.lowercased()
                } else {
                    var needs = false
                    for k in a..<b where isUpperLetter(s[k]) { needs = true; break }
                    if needs { lower = text.lowercased() }
                }
            }
            tokens.append(Token(start: a, end: b, kind: kind, text: text, lower: lower, flags: f))
            lastWasSpace = false
        }

        while i < n {
            let c = s[i]
            if isSpace(c) {
                var newlines = 0
                while i < n && isSpace(s[i]) {
                    if s[i].value == 10 || s[i].value == 0x2029 { newlines += 1 }
                    i += 1
                }
                if newlines >= 2 { pendingFlags.insert(.paragraphStart) }
                else if newlines == 1 { pendingFlags.insert(.lineStart) }
                pendingFlags.insert(.spaceBefore)
                lastWasSpace = true
                continue
            }
            let space: TokenFlags = lastWasSpace ? [.spaceBefore] : []
            if isDigit(c) {
                let a = i
                i += 1
                while i < n {
                    if isDigit(s[i]) { i += 1; continue }
                    if (s[i].value == 0x2C || s[i].value == 0x2E) && i + 1 < n && isDigit(s[i + 1]) {
                        i += 2; continue
                    }
                    break
                }
                make(a, i, .number, space)
                continue
            }
            if isLetter(c) {
                let a = i
                i += 1
                var lettersOnlyUpperSingle = isUpperLetter(c)
                while i < n {
                    let d = s[i]
                    if isLetter(d) || isDigit(d) || (d.properties.generalCategory == .nonspacingMark && d.value >= 0x300) {
                        i += 1; continue
                    }
                    if isApostrophe(d) && i + 1 < n && isLetter(s[i + 1]) {
                        // Possessive 's and contractions 's/'ll/'re/'ve/'d/n't become their own token.
                        if (s[i + 1].value | 0x20) == 0x73 && (i + 2 >= n || !isLetter(s[i + 2])) { break }
                        i += 1; continue
                    }
                    if isHyphen(d) && i + 1 < n && isLetter(s[i + 1]) && i - a <= 2 && !isUpperLetter(s[a])
                        && (s[a].value == 0x61 || s[a].value == 0x65) && isUpperLetter(s[i + 1]) {
                        // Arabic article: "al-Assad", "el-Sisi" stay one name token.
                        i += 1; continue
                    }
                    if isHyphen(d) && i + 1 < n && isLetter(s[i + 1]) {
                        // Keep "Jean-Pierre" and "well-known"; split "Paris-based" and "pro-Russian".
                        let leftUpper = isUpperLetter(s[a])
                        let rightUpper = isUpperLetter(s[i + 1])
                        if leftUpper == rightUpper { i += 1; continue }
                        break
                    }
                    break
                }
                var flags = space
                if i - a == 1 { lettersOnlyUpperSingle = isUpperLetter(c) } else { lettersOnlyUpperSingle = false }
                // Stops that belong to the word: initials, dotted acronyms, known abbreviations.
                if i < n && s[i].value == 0x2E && !(i + 2 < n && s[i + 1].value == 0x2E && s[i + 2].value == 0x2E) {
                    if i - a == 1 && i + 2 < n && isLetter(s[i + 1]) && s[i + 2].value == 0x2E {
                        // U.S. / U.K. / a.m. / e.g.
                        var j = i
                        while j + 2 < n && isLetter(s[j + 1]) && s[j + 2].value == 0x2E { j += 2 }
                        i = j + 1
                        flags.insert(.abbreviation)
                    } else if lettersOnlyUpperSingle {
                        i += 1
                        flags.insert(.abbreviation)
                        flags.insert(.initial)
                    } else {
                        var w = String.UnicodeScalarView()
                        w.append(contentsOf: s[a..<i])
                        let lw = String(w).lowercased()
                        if Tokenizer.abbreviations.contains(lw) {
                            // "No." only before a number.
                            if lw == "no" || lw == "nos" {
                                var k = i + 1
                                while k < n && isSpace(s[k]) { k += 1 }
                                if k < n && isDigit(s[k]) { i += 1; flags.insert(.abbreviation) }
                            } else {
                                i += 1
                                flags.insert(.abbreviation)
                            }
                        }
                    }
                }
                make(a, i, .word, flags)
                continue
            }
            // Possessive 's after a word is one token, not a quotation mark.
            if isApostrophe(c) && !lastWasSpace && i > 0 && isLetter(s[i - 1]) && i + 1 < n
                && (s[i + 1].value | 0x20) == 0x73 && (i + 2 >= n || !isLetter(s[i + 2])) {
                i += 2
                make(i - 2, i, .word, space)
                continue
            }
            let dq = doubleQuoteKind(c)
            let sq = dq == 0 ? singleQuoteKind(c) : 0
            if dq != 0 || sq != 0 {
                let k = dq != 0 ? dq : sq
                var flags = space
                if sq != 0 { flags.insert(.quoteSingle) }
                var opens: Bool
                if k == 1 { opens = true } else if k == 2 { opens = false } else {
                    let prevSpace = i == 0 || isSpace(s[i - 1]) || "([{—–-/".unicodeScalars.contains(s[i - 1])
                        || doubleQuoteKind(s[i - 1]) != 0
                    let nextSpace = i + 1 >= n || isSpace(s[i + 1])
                    opens = prevSpace && !nextSpace
                    if prevSpace && nextSpace { opens = true }
                }
                flags.insert(opens ? .quoteOpen : .quoteClose)
                i += 1
                make(i - 1, i, .quote, flags)
                continue
            }
            // Ellipsis and dash runs are one token.
            if c.value == 0x2E && i + 2 < n && s[i + 1].value == 0x2E && s[i + 2].value == 0x2E {
                let a = i
                while i < n && s[i].value == 0x2E { i += 1 }
                make(a, i, .punct, space)
                continue
            }
            if c.value == 0x2D && i + 1 < n && s[i + 1].value == 0x2D {
                let a = i
                while i < n && s[i].value == 0x2D { i += 1 }
                make(a, i, .punct, space)
                continue
            }
            let kind: TokenKind
            switch c.value {
            case 0x24, 0x20AC, 0xA3, 0xA5, 0x20B9, 0x20BD, 0x20A9, 0x25, 0xB0, 0x26, 0x40, 0x23:
                kind = .symbol
            default:
                kind = .punct
            }
            i += 1
            make(i - 1, i, kind, space)
        }
        return tokens
    }
}
