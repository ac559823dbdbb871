/// The article text as scalars plus its tokens and sentences: the one shared view every
/// rule reads, so offsets are computed once and agree everywhere.
struct Document: Sendable {
    let scalars: [Unicode.Scalar]
    var tokens: [Token]
    /// Token index ranges, in order, covering every token.
    var sentences: [Range<Int>]
    /// Sentence index of each token.
    var sentenceOf: [Int32]

    /// The article's language capitalises nouns, so capitals are no evidence of a name.
    let capitalizedNouns: Bool

    init(text: String, language: String? = nil) {
        capitalizedNouns = language?.lowercased().hasPrefix("de") == true || language?.lowercased().hasPrefix("lb") == true
        scalars = Array(text.unicodeScalars)
        tokens = Tokenizer().tokenize(scalars)
        sentences = []
        sentenceOf = []
        SentenceSplitter().split(&self)
    }

    /// Text of a scalar range.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= scalars.count else { return "" }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[start..<end])
        return String(v)
    }

    /// Text covered by a token range, original spacing kept.
    func text(tokens r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return text(tokens[r.lowerBound].start, tokens[r.upperBound - 1].end)
    }

    /// Lowercased key of a token range with single spaces, for gazetteer lookups.
    func key(_ r: Range<Int>) -> String {
        var s = ""
        for i in r {
            if i > r.lowerBound && tokens[i].has(.spaceBefore) { s += " " }
            s += tokens[i].lower
        }
        return s
    }

    func sentenceRange(of token: Int) -> Range<Int> { sentences[Int(sentenceOf[token])] }
}
