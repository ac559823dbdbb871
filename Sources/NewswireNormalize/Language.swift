import Foundation

/// A small language identifier: script detection for Japanese, Korean and Chinese, stopword counts
/// for English, German, French, Spanish, Italian, Portuguese, Dutch and Russian.
///
/// Stopwords are the most frequent words of a language and rarely shared, so a few hundred words
/// of news text identify these languages reliably; when the evidence is thin or split, the answer
/// is nil rather than a guess.
enum LanguageIdentifier {
    /// ISO 639-1 code from a language tag ("en-US", "pt_BR", "de"); nil when not a language tag.
    static func code(fromTag tag: String) -> String? {
        let primary = tag.trimmingCharacters(in: .whitespaces).lowercased()
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == ";" }).first.map(String.init) ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return primary
    }

    private static let stopwords: [(code: String, words: Set<String>)] = [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as", "said",
                "by", "at", "from", "his", "but", "have", "are", "this", "they", "has", "be", "which", "were", "an", "not"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "sich", "mit", "den", "von", "zu", "ein", "eine", "auf",
                "dem", "des", "im", "für", "auch", "es", "wird", "sie", "er", "bei", "wie", "nach", "noch", "werden", "aus", "hat"]),
        ("fr", ["le", "la", "les", "et", "des", "est", "une", "dans", "que", "du", "pour", "qui", "pas", "sur", "au",
                "il", "avec", "ce", "sont", "par", "plus", "aux", "ont", "mais", "elle", "été", "cette", "nous", "ses", "leur"]),
        ("es", ["el", "la", "los", "las", "y", "que", "del", "en", "por", "una", "con", "para", "es", "se", "al",
                "lo", "como", "más", "pero", "sus", "le", "ha", "fue", "este", "esta", "son", "entre", "también", "desde", "muy"]),
        ("it", ["il", "di", "che", "la", "è", "per", "una", "non", "sono", "della", "del", "gli", "con", "le", "nel",
                "alla", "anche", "ha", "più", "dei", "delle", "come", "ma", "questo", "nella", "degli", "essere", "stato", "lo", "si"]),
        ("pt", ["o", "que", "não", "uma", "os", "do", "da", "em", "para", "com", "no", "na", "se", "por", "mais",
                "as", "dos", "das", "foi", "ao", "ele", "mas", "também", "são", "pelo", "pela", "já", "quando", "ainda", "seu"]),
        ("nl", ["de", "het", "een", "van", "en", "is", "dat", "niet", "zijn", "op", "te", "voor", "met", "die", "hij",
                "ook", "aan", "er", "maar", "om", "worden", "wordt", "door", "naar", "bij", "nog", "dan", "werd", "deze", "heeft"]),
        ("ru", ["и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "из", "за", "к", "но", "от",
                "о", "для", "его", "все", "же", "так", "было", "она", "был", "они", "при", "уже", "также", "или", "только"]),
    ]

    /// Each stopword with the languages (indices in ``stopwords``) that list it.
    private static let stopwordLanguages: [String: [Int]] = {
        var d: [String: [Int]] = [:]
        for (k, entry) in stopwords.enumerated() { for w in entry.words { d[w, default: []].append(k) } }
        for key in d.keys { d[key]!.sort() }
        return d
    }()

    /// The language of `text`, or nil when unsure.
    static func identify(_ text: String) -> String? {
        var kana = 0, hangul = 0, han = 0, cyrillic = 0, latin = 0
        var scanned = 0
        for u in text.unicodeScalars {
            scanned += 1
            if scanned > 20_000 { break }
            let v = u.value
            switch v {
            case 0x3040...0x30FF: kana += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF: hangul += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
            case 0x0400...0x04FF: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        let letters = kana + hangul + han + cyrillic + latin
        guard letters >= 20 else { return nil }
        if hangul * 3 > letters { return "ko" }
        if kana * 10 > letters, kana + han > letters / 2 { return "ja" }
        if han * 2 > letters, kana * 20 < han { return "zh" }

        var counts = [Int](repeating: 0, count: stopwords.count)
        var total = 0
        // A text of at most 20,000 bytes has at most 20,000 characters: no need to cut it.
        let head = text.utf8.count <= 20_000 ? text : String(text.prefix(20_000))
        for word in TextCleaning.words(head).prefix(3000) {
            total += 1
            if let languages = stopwordLanguages[word] { for k in languages { counts[k] += 1 } }
        }
        guard total >= 10 else { return nil }
        let ranked = counts.enumerated().sorted { $0.element > $1.element }
        let best = ranked[0], second = ranked[1]
        // Enough stopwords (news text has ~30-45%), and clearly more than the runner-up.
        guard best.element * 100 >= total * 12, best.element * 2 >= second.element * 3 else { return nil }
        let code = stopwords[best.offset].code
        if code == "ru" && cyrillic * 2 < letters { return nil }
        if code != "ru" && latin * 2 < letters { return nil }
        return code
    }
}
