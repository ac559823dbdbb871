/// English month names, for the three places that read dates: feed dates (RFC 822), page
/// metadata (normalize) and dates in article text (extract). One table, so "Sept" or "Dec."
/// cannot be a month in one stage and not in another.
public enum MonthName {
    static let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                        "september", "october", "november", "december"]
    /// Abbreviations that are also ordinary words or names ("Mar", "Jun", "Jul"): in running
    /// text they are a month only with their dot ("Jun.").
    static let ambiguousInText: Set<String> = ["mar", "jun", "jul"]

    /// The month (1–12) of a full name or an abbreviation of at least three letters ("Nov",
    /// "Nov.", "Sept", "Novem"), in any case; nil for anything else.
    ///
    /// With `inRunningText`, an abbreviation that is also a word counts only with its dot, so
    /// "Mar del Plata" has no month in it but "Mar. 3" has.
    public static func number(_ word: some StringProtocol, inRunningText: Bool = false) -> Int? {
        var lower = word.lowercased()
        let dotted = lower.hasSuffix(".")
        if dotted { lower.removeLast() }
        guard lower.count >= 3, let index = names.firstIndex(where: { $0.hasPrefix(lower) }) else { return nil }
        if inRunningText {
            let full = lower == names[index]
            if !full && !dotted && ambiguousInText.contains(lower) { return nil }
            // Running text knows three-letter abbreviations and "sept", not arbitrary prefixes.
            if !full && lower.count != 3 && lower != "sept" { return nil }
        }
        return index + 1
    }
}
