import Foundation

/// Finds the article's main text in a page.
///
/// The method, in four steps:
/// 1. **Blocks.** Walk the tree once (iteratively), skipping elements that are never article text
///    (scripts, navigation, forms, hidden parts, and — in the strict pass — elements whose class or
///    id names boilerplate). Text is cut into blocks at block-level elements and at `<br><br>`;
///    each block remembers its element, its length and how much of it is link text.
/// 2. **Scores.** Each paragraph-sized block votes for the elements above it, less for those
///    further up, weighted by its length and commas (sentences), damped by link text, and boosted
///    when the page's JSON-LD `articleBody` contains it. Elements get class/id evidence and a
///    small bonus or malus for their tag. The best element wins; when several strong candidates
///    share an ancestor, or a parent scores nearly as well, the container moves up.
/// 3. **Siblings.** Siblings of the winner that score well or read like prose join it, since
///    templates often split one article into several containers.
/// 4. **Blocks again.** Inside the chosen containers, link lists, page furniture ("Share this",
///    "Advertisement"), the headline and trailing headings are dropped.
///
/// If the strict pass finds little text, a relaxed pass ignores class/id names; if that is still
/// little compared with the JSON-LD body, the JSON-LD body is used.
struct ContentExtractor: Sendable {
    var minParagraphChars = 25

    struct Block {
        var text: String
        /// The innermost block-level element holding the text.
        var owner: Int
        var chars: Int
        var linkChars: Int
        var commas: Int
        var isHeading: Bool
        var isListItem: Bool
        /// Share of the block's word 4-grams found in the JSON-LD article body (0 when absent).
        var ldMatch: Double = 0
        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    private static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
        "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "figure",
        "header", "footer", "address", "hr", "center", "details", "summary", "fieldset", "caption", "hgroup",
        "body", "html", "form", "aside", "nav", "legend", "menu", "figcaption", "output", "dialog",
    ]
    /// Elements that are a paragraph themselves: their votes start at the parent.
    private static let paragraphTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "address", "caption",
        "summary", "figcaption", "legend",
    ]
    private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The article's paragraphs, cleaned, in document order; empty when none were found.
    func extract(_ doc: HTMLDocument, metadata: PageMetadata) -> [String] {
        let ld = LDBody(metadata.articleBody)
        // The relaxed blocks (no class/id evidence) show where the page's prose is; an element
        // holding most of it is a layout wrapper, whatever its class says ("content-with-sidebar").
        let relaxedBlocks = collectBlocks(doc, strict: false, protected: [])
        let protected = proseHolders(doc, blocks: relaxedBlocks)
        let strict = paragraphs(doc, blocks: collectBlocks(doc, strict: true, protected: protected), ld: ld,
                                metadata: metadata, strict: true)
        var best = strict
        let strictChars = strict.reduce(0) { $0 + $1.count }
        if strictChars < 250 || (ld.chars > 0 && strictChars * 2 < ld.chars) {
            let relaxed = paragraphs(doc, blocks: relaxedBlocks, ld: ld, metadata: metadata, strict: false)
            if relaxed.reduce(0, { $0 + $1.count }) > strictChars * 3 / 2 { best = relaxed }
        }
        let bestChars = best.reduce(0) { $0 + $1.count }
        if let body = metadata.articleBody, ld.chars > 0, bestChars * 3 < ld.chars {
            let fromLD = body.components(separatedBy: "\n").map(TextCleaning.clean).filter { !$0.isEmpty }
            if !fromLD.isEmpty { return fromLD }
        }
        return best
    }

    private func paragraphs(_ doc: HTMLDocument, blocks: [Block], ld: LDBody, metadata: PageMetadata,
                            strict: Bool) -> [String] {
        var blocks = blocks
        guard !blocks.isEmpty else { return [] }
        if ld.chars > 0 { for k in blocks.indices { blocks[k].ldMatch = ld.match(blocks[k].text) } }
        let roots = chooseContainers(doc, blocks: blocks)
        return select(blocks, in: roots, doc: doc, metadata: metadata)
    }

    /// Elements holding at least half of the page's prose (paragraph-sized blocks with little
    /// link text): never dropped for their class or id name.
    private func proseHolders(_ doc: HTMLDocument, blocks: [Block]) -> Set<Int> {
        let nodes = doc.nodes
        var prose: [Int: Int] = [:]
        var total = 0
        for b in blocks where b.chars >= minParagraphChars && b.linkDensity < 0.3 {
            total += b.chars
            var node = b.owner
            while node >= 0 { prose[node, default: 0] += b.chars; node = nodes[node].parent }
        }
        return Set(prose.filter { $0.value * 2 >= total }.keys)
    }

    // MARK: 1. Blocks

    private func collectBlocks(_ doc: HTMLDocument, strict: Bool, protected: Set<Int>) -> [Block] {
        let nodes = doc.nodes
        var blocks: [Block] = []
        var buffer = ""
        var bufferLinkChars = 0
        // Open elements: index, end, is-block, is-link.
        var stack: [(index: Int, end: Int, isBlock: Bool, isLink: Bool)] = []
        var blockOwners: [Int] = []  // open block-level elements
        var linkDepth = 0
        var lastWasBreak = false

        func flush() {
            let text = TextCleaning.clean(buffer)
            if !text.isEmpty, let owner = blockOwners.last {
                let tag = nodes[owner].tag
                var commas = 0
                for u in text.unicodeScalars where u == "," || u == "，" || u == "、" || u == "،" { commas += 1 }
                blocks.append(Block(text: text, owner: owner, chars: text.count,
                                    linkChars: min(text.count, bufferLinkChars), commas: commas,
                                    isHeading: Self.headingTags.contains(tag), isListItem: tag == "li"))
            }
            buffer = ""
            bufferLinkChars = 0
            lastWasBreak = false
        }

        var i = 0
        let n = nodes.count
        while i < n {
            while let top = stack.last, top.end <= i {
                if top.isBlock { flush(); blockOwners.removeLast() }
                if top.isLink { linkDepth -= 1 }
                stack.removeLast()
            }
            let node = nodes[i]
            if node.isText {
                let t = node.text
                if linkDepth > 0 { bufferLinkChars += TextCleaning.clean(t).count }
                buffer += t
                if lastWasBreak, t.unicodeScalars.contains(where: { !TextCleaning.isSpace($0.value) }) {
                    lastWasBreak = false
                }
                i += 1
                continue
            }
            if isRemoved(node, strict: strict && !protected.contains(i)) {
                i = node.end
                continue
            }
            if node.tag == "br" {
                if lastWasBreak { flush() } else { buffer += "\n"; lastWasBreak = true }
                i = node.end
                continue
            }
            let isBlock = Self.blockTags.contains(node.tag)
            let isLink = node.tag == "a" && node.attribute("href") != nil
            if isBlock { flush(); blockOwners.append(i) }
            if isLink { linkDepth += 1 }
            stack.append((i, node.end, isBlock, isLink))
            i += 1
        }
        flush()
        return blocks
    }

    private func isRemoved(_ node: DOMNode, strict: Bool) -> Bool {
        if Boilerplate.removedTags.contains(node.tag) { return true }
        if Boilerplate.isHidden(node) { return true }
        if node.tag == "form" {
            // Some sites wrap the whole page in a form; only small forms are boilerplate.
            return false
        }
        if strict, node.tag != "body", node.tag != "html", node.tag != "article", node.tag != "main",
           Boilerplate.evidence(of: node).isBoilerplate {
            return true
        }
        return false
    }

    // MARK: 2-3. Containers

    /// The subtrees holding the article: the best-scoring element and its article-like siblings.
    private func chooseContainers(_ doc: HTMLDocument, blocks: [Block]) -> [Int] {
        let nodes = doc.nodes
        let n = nodes.count
        // Text and link characters per element, summed bottom-up in one reverse pass.
        var chars = [Int](repeating: 0, count: n)
        var linkChars = [Int](repeating: 0, count: n)
        for b in blocks { chars[b.owner] += b.chars; linkChars[b.owner] += b.linkChars }
        for i in stride(from: n - 1, to: 0, by: -1) where nodes[i].parent >= 0 {
            chars[nodes[i].parent] += chars[i]
            linkChars[nodes[i].parent] += linkChars[i]
        }
        func linkDensity(_ i: Int) -> Double { chars[i] == 0 ? 0 : Double(linkChars[i]) / Double(chars[i]) }

        var score: [Int: Double] = [:]
        func initial(_ i: Int) -> Double {
            var s = Boilerplate.evidence(of: nodes[i]).weight
            switch nodes[i].tag {
            case "div", "article", "main", "section": s += 5
            case "pre", "td", "blockquote": s += 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s -= 3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": s -= 5
            default: break
            }
            if nodes[i].tag == "article" { s += 10 }
            return s
        }
        for b in blocks where b.chars >= minParagraphChars && !b.isHeading {
            var vote = 1 + Double(b.commas) + min(Double(b.chars) / 100, 3)
            vote *= (1 - b.linkDensity)
            if b.ldMatch > 0.5 { vote *= 2 }
            var node = Self.paragraphTags.contains(nodes[b.owner].tag) ? nodes[b.owner].parent : b.owner
            var level = 0
            while node >= 0 && level < 5 {
                if score[node] == nil { score[node] = initial(node) }
                score[node]! += vote / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                node = nodes[node].parent
                level += 1
            }
        }
        guard !score.isEmpty else {
            return nodes.indices.first { nodes[$0].tag == "body" }.map { [$0] } ?? [0]
        }
        var final: [Int: Double] = [:]
        for (i, s) in score { final[i] = s * (1 - linkDensity(i)) }

        let ranked = final.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        var top = ranked[0].key
        let topScore = ranked[0].value

        // Several strong candidates under one ancestor: the article is split; take the ancestor.
        let alternatives = ranked.dropFirst().prefix(4).filter { $0.value >= topScore * 0.75 }.map(\.key)
        if alternatives.count >= 3 {
            var a = nodes[top].parent
            while a >= 0 && nodes[a].tag != "body" {
                if alternatives.filter({ $0 >= a && $0 < nodes[a].end }).count >= 3 { top = a; break }
                a = nodes[a].parent
            }
        }
        // A parent that scores higher than the climb so far holds more of the article.
        var last = final[top] ?? topScore
        var parent = nodes[top].parent
        while parent >= 0 && nodes[parent].tag != "body" {
            guard let ps = final[parent] else { parent = nodes[parent].parent; continue }
            if ps < topScore / 3 { break }
            if ps > last { top = parent; break }
            last = ps
            parent = nodes[parent].parent
        }
        // An only child says nothing more than its parent.
        while nodes[top].parent >= 0, nodes[nodes[top].parent].tag != "body",
              elementChildren(of: nodes[top].parent, in: nodes).count == 1 {
            top = nodes[top].parent
        }

        // Siblings that score well or read like prose join the winner.
        let winnerScore = final[top] ?? topScore
        let threshold = max(10, winnerScore * 0.2)
        let parentIndex = nodes[top].parent
        guard parentIndex >= 0 else { return [top] }
        let topClass = nodes[top].attribute("class") ?? ""
        var roots: [Int] = []
        for sib in elementChildren(of: parentIndex, in: nodes) {
            if sib == top { roots.append(sib); continue }
            var s = final[sib] ?? -.infinity
            if !topClass.isEmpty, nodes[sib].attribute("class") == topClass { s += winnerScore * 0.2 }
            if s >= threshold { roots.append(sib); continue }
            if Self.paragraphTags.contains(nodes[sib].tag) || nodes[sib].tag == "div" {
                let len = chars[sib], ld = linkDensity(sib)
                if len >= 80 && ld < 0.25 { roots.append(sib) }
                else if len > 0 && len < 80 && ld == 0,
                        let last = blocks.last(where: { $0.owner >= sib && $0.owner < nodes[sib].end }),
                        last.text.hasSuffix(".") { roots.append(sib) }
            }
        }
        // Templates that cut the article into chunks (ads in between) repeat the container's
        // class on each chunk: chunks elsewhere in the page that score well join too.
        if !topClass.isEmpty {
            for (i, s) in final where s >= threshold && i != top && nodes[i].tag == nodes[top].tag
                && nodes[i].attribute("class") == topClass && linkDensity(i) < 0.3
                && !roots.contains(where: { i >= $0 && i < nodes[$0].end || $0 >= i && $0 < nodes[i].end }) {
                roots.append(i)
            }
        }
        return roots.sorted()
    }

    private func elementChildren(of i: Int, in nodes: [DOMNode]) -> [Int] {
        var result: [Int] = []
        var j = i + 1
        while j < nodes[i].end {
            if !nodes[j].isText { result.append(j) }
            j = nodes[j].end
        }
        return result
    }

    // MARK: 4. Final blocks

    private func select(_ blocks: [Block], in roots: [Int], doc: HTMLDocument, metadata: PageMetadata) -> [String] {
        let nodes = doc.nodes
        let ranges = roots.map { $0..<nodes[$0].end }
        let titleKeys = Set([metadata.title, metadata.headline].compactMap { $0.map(Self.key) })
        var kept: [Block] = []
        for b in blocks where ranges.contains(where: { $0.contains(b.owner) }) {
            if b.ldMatch > 0.8 { kept.append(b); continue }
            if b.linkDensity > 0.8 && !b.isListItem { continue }
            if Boilerplate.isFurniture(b.text) { continue }
            if b.isHeading && titleKeys.contains(Self.key(b.text)) { continue }
            if let prev = kept.last, prev.text == b.text { continue }
            kept.append(b)
        }
        // Bylines and datelines above the first real paragraph are metadata.
        if let firstProse = kept.firstIndex(where: { !$0.isHeading && $0.chars >= 100 }) {
            let lead = kept[..<firstProse].filter { !Boilerplate.isBylineOrDateline($0.text) || $0.ldMatch > 0.8 }
            kept = lead + kept[firstProse...]
        }
        // Headings with nothing after them introduce what was removed ("Related stories").
        while let last = kept.last, last.isHeading { kept.removeLast() }
        return kept.map(\.text)
    }

    private static func key(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }
}

/// The JSON-LD article body as a set of hashed word 4-grams, to test blocks against it.
struct LDBody {
    private var shingles: Set<UInt64> = []
    private(set) var chars = 0

    init(_ body: String?) {
        guard let body else { return }
        let words = TextCleaning.words(body)
        guard words.count >= 50 else { return }
        chars = body.count
        shingles = Set(Self.hashes(words))
    }

    func match(_ text: String) -> Double {
        guard chars > 0 else { return 0 }
        let words = TextCleaning.words(text)
        guard !words.isEmpty else { return 0 }
        let h = Self.hashes(words)
        return Double(h.filter(shingles.contains).count) / Double(h.count)
    }

    private static func hashes(_ words: [String]) -> [UInt64] {
        let w = words.map { SimHash.fnv1a($0.utf8) }
        if w.count < 4 { return [w.reduce(0xcbf29ce484222325) { ($0 ^ $1) &* 0x100000001b3 }] }
        return (0...(w.count - 4)).map { i in
            var h: UInt64 = 0xcbf29ce484222325
            for k in i..<(i + 4) { h = (h ^ w[k]) &* 0x100000001b3 }
            return h
        }
    }
}
