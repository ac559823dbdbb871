/// Document tone in [-1, 1] from counts of positive and negative words, with a negation
/// ("not", "no", "never") flipping the next three words. The lexicon was written for Newswire,
/// same license as the project; it is small on purpose and aimed at news vocabulary.
struct ToneScorer: Sendable {
    static let positive = Lexicon.set("""
    good great excellent positive success successful succeed succeeded win wins won winning victory gain gains \
    gained growth grow grew improve improved improvement improving recover recovery recovered rise rose boost \
    boosted strong stronger strength benefit benefits beneficial help helped helping support supported hope \
    hopeful hopes optimism optimistic confident confidence agree agreed agreement deal peace peaceful safe \
    safety secure rescue rescued saved save celebrate celebrated celebration welcome welcomed praise praised \
    progress breakthrough achieve achieved achievement record-breaking best better happy joy proud pride love \
    friendly cooperation stable stability calm resolved solution innovative reward honour honor awarded award \
    thrive thriving prosper prosperity relief relieved healthy cured boom booming surge surged upbeat
    """)

    static let negative = Lexicon.set("""
    bad worse worst negative fail failed failure failing lose lost loss losses losing defeat decline declined \
    fall fell drop dropped crisis crash crashed collapse collapsed war wars attack attacks attacked killed kill \
    killing kills dead death deaths die died dying injured injuries injury wounded violence violent clash clashes \
    protest protesters riot riots unrest conflict fighting fight bomb bombing explosion blast shooting shot \
    murder murdered crime criminal arrested arrest detained detain prison jailed accused accusation allegations \
    alleged fraud corruption scandal threat threats threaten threatened warn warned warning fear fears feared \
    afraid concern concerns worried worry risk risks danger dangerous damage damaged destroyed destruction \
    disaster catastrophe tragedy tragic victims victim suffer suffering pain poverty hunger famine flood floods \
    drought fire fires earthquake storm emergency recession inflation unemployment layoffs cuts cut deficit debt \
    sanctions ban banned condemn condemned criticism criticised criticized angry anger outrage furious hostile \
    terror terrorist terrorism hostage kidnapped abuse abused racist hate illegal lawsuit sued dispute tension \
    tensions intimidated intimidate chaos panic shortage shortages struggle struggling slump plunge plunged \
    weak weakness collapse refugees displaced evacuated missing wrong problem problems
    """)

    static let negators: Set<String> = ["not", "no", "never", "n't", "without", "nor", "cannot"]

    func score(_ tokens: [Token]) -> Double {
        var pos = 0, neg = 0
        var flip = 0
        for tok in tokens {
            guard tok.kind == .word else { continue }
            let l = tok.lower
            if ToneScorer.negators.contains(l) || l.hasSuffix("n't") { flip = 3; continue }
            var p = ToneScorer.positive.contains(l)
            var m = ToneScorer.negative.contains(l)
            if flip > 0 { swap(&p, &m); flip -= 1 }
            if p { pos += 1 } else if m { neg += 1 }
        }
        let total = pos + neg
        guard total > 0 else { return 0 }
        // Damped so a single word does not give ±1.
        let s = Double(pos - neg) / Double(total + 2)
        return max(-1, min(1, s))
    }
}
