import NewswireWire

/// Claims are attributions with their text: what a source says is so, with offsets, so the
/// publish stage can set the claims of each side next to each other.
struct ClaimBuilder: Sendable {
    func claims(_ doc: Document, _ attributions: [Attribution]) -> [Claim] {
        attributions.map { a in
            let start = doc.tokens[a.clause.lowerBound].start
            let end = doc.tokens[a.clause.upperBound - 1].end
            return Claim(source: a.source, text: doc.text(start, end), start: start, end: end)
        }
    }

    /// Reported speech ("X said that …") as indirect quotes.
    func indirectQuotes(_ doc: Document, _ attributions: [Attribution]) -> [Quote] {
        attributions.filter(\.speech).map { a in
            let start = doc.tokens[a.clause.lowerBound].start
            let end = doc.tokens[a.clause.upperBound - 1].end
            return Quote(text: doc.text(start, end), speaker: a.source, verb: a.verb, kind: .indirect, start: start, end: end)
        }
    }
}
