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

    /// Per-element facts computed once per page: dropped in every pass (removed tag, hidden),
    /// dropped in the strict pass (boilerplate class or id), and the class/id weight.
    struct Analysis {
        var removed: [Bool]
        var boilerplate: [Bool]
        var weight: [Double]

        init(_ doc: HTMLDocument) {
            let n = doc.nodes.count
            removed = [Bool](repeating: false, count: n)
            boilerplate = [Bool](repeating: false, count: n)
            weight = [Double](repeating: 0, count: n)
            var cache: [UInt64: UInt8] = [:]
            // Nothing inside a removed element is ever looked at: skip its subtree.
            var i = 0
            while i < n {
                let node = doc.nodes[i]
                if node.isText { i += 1; continue }
                if Tag.has(node.tag, Tag.fRemoved) { removed[i] = true; i = Int(node.end); continue }
                guard node.count > 0 else { i += 1; continue }
                if Boilerplate.isHidden(i, in: doc) { removed[i] = true; i = Int(node.end); continue }
                defer { i += 1 }
                let e = Boilerplate.evidence(of: i, in: doc, cache: &cache)
                weight[i] = e.weight
                let t = node.tag
                if e.isBoilerplate && t != Tag.form && t != Tag.body && t != Tag.html && t != Tag.article && t != Tag.main {
                    boilerplate[i] = true
                }
            }
        }
    }

    /// The article's paragraphs, cleaned, in document order; empty when none were found.
    func extract(_ doc: HTMLDocument, metadata: PageMetadata) -> [String] {
        let ld = LDBody(metadata.articleBody)
        let analysis = Analysis(doc)
        // The relaxed blocks (no class/id evidence) show where the page's prose is; an element
        // holding most of it is a layout wrapper, whatever its class says ("content-with-sidebar").
        var cache = CleanCache()
        let relaxedBlocks = collectBlocks(doc, analysis: analysis, strict: false, protected: [], cache: &cache)
        let protected = proseHolders(doc, blocks: relaxedBlocks)
        let strict = paragraphs(doc, analysis: analysis,
                                blocks: collectBlocks(doc, analysis: analysis, strict: true, protected: protected,
                                                      cache: &cache),
                                ld: ld, metadata: metadata, strict: true)
        var best = strict
        let strictChars = strict.reduce(0) { $0 + $1.chars }
        if strictChars < 250 || (ld.chars > 0 && strictChars * 2 < ld.chars) {
            let relaxed = paragraphs(doc, analysis: analysis, blocks: relaxedBlocks, ld: ld, metadata: metadata,
                                     strict: false)
            if relaxed.reduce(0, { $0 + $1.chars }) > strictChars * 3 / 2 { best = relaxed }
        }
        let bestChars = best.reduce(0) { $0 + $1.chars }
        if let body = metadata.articleBody, ld.chars > 0, bestChars * 3 < ld.chars {
            let fromLD = body.components(separatedBy: "\n").map(TextCleaning.clean).filter { !$0.isEmpty }
            if !fromLD.isEmpty { return fromLD }
        }
        return best.map(\.text)
    }

    private func paragraphs(_ doc: HTMLDocument, analysis: Analysis, blocks: [Block], ld: LDBody,
                            metadata: PageMetadata, strict: Bool) -> [Block] {
        var blocks = blocks
        guard !blocks.isEmpty else { return [] }
        if ld.chars > 0 { for k in blocks.indices { blocks[k].ldMatch = ld.match(blocks[k].text) } }
        let roots = chooseContainers(doc, analysis: analysis, blocks: blocks)
        return select(blocks, in: roots, doc: doc, metadata: metadata)
    }

    /// Elements holding at least half of the page's prose (paragraph-sized blocks with little
    /// link text): never dropped for their class or id name.
    private func proseHolders(_ doc: HTMLDocument, blocks: [Block]) -> [Bool] {
        var prose = [Int](repeating: 0, count: doc.nodes.count)
        var total = 0
        for b in blocks where b.chars >= minParagraphChars && b.linkDensity < 0.3 {
            total += b.chars
            prose[b.owner] += b.chars
        }
        // Sum bottom-up: children come after their parent in document order.
        for i in stride(from: prose.count - 1, to: 0, by: -1) {
            let p = doc.parent(i)
            if p >= 0 { prose[p] += prose[i] }
        }
        var holders = [Bool](repeating: false, count: doc.nodes.count)
        for i in prose.indices where prose[i] > 0 && prose[i] * 2 >= total { holders[i] = true }
        return holders
    }

    // MARK: 1. Blocks

    /// Cleaned block texts of the first pass, reused by the second (most blocks are the same).
    struct CleanCache {
        var entries: [UInt64: (raw: [UInt8], text: String, chars: Int, commas: Int)] = [:]

        mutating func clean(_ raw: [UInt8]) -> (text: String, chars: Int, commas: Int) {
            var h: UInt64 = 0xcbf29ce484222325
            raw.withUnsafeBufferPointer { for b in $0 { h = (h ^ UInt64(b)) &* 0x100000001b3 } }
            if let e = entries[h], e.raw == raw { return (e.text, e.chars, e.commas) }
            let (text, chars) = TextCleaning.cleanCounting(bytes: raw)
            let commas = TextCleaning.commas(text)
            entries[h] = (raw, text, chars, commas)
            return (text, chars, commas)
        }
    }

    private func collectBlocks(_ doc: HTMLDocument, analysis: Analysis, strict: Bool, protected: [Bool],
                               cache: inout CleanCache) -> [Block] {
        var collector = BlockCollector()
        doc.bytes.withUnsafeBufferPointer { text in
            collector.run(doc, text: text, analysis: analysis, strict: strict, protected: protected, cache: &cache)
        }
        return collector.blocks
    }

    /// The state of one walk of ``collectBlocks(_:analysis:strict:protected:cache:)``.
    private struct BlockCollector {
        var blocks: [Block] = []
        var buffer: [UInt8] = []
        var bufferLinkChars = 0
        // Open elements: index, end, is-block, is-link.
        var stack: [(index: Int, end: Int, isBlock: Bool, isLink: Bool)] = []
        var blockOwners: [Int] = []  // open block-level elements
        var linkDepth = 0
        var lastWasBreak = false

        mutating func flush(_ nodes: [DOMNode], _ cache: inout CleanCache) {
            if !buffer.isEmpty, let owner = blockOwners.last {
                let (text, chars, commas) = cache.clean(buffer)
                if !text.isEmpty {
                    let tag = nodes[owner].tag
                    blocks.append(Block(text: text, owner: owner, chars: chars,
                                        linkChars: min(chars, bufferLinkChars), commas: commas,
                                        isHeading: Tag.has(tag, Tag.fHeading), isListItem: tag == Tag.li))
                }
            }
            buffer.removeAll(keepingCapacity: true)
            bufferLinkChars = 0
            lastWasBreak = false
        }

        mutating func run(_ doc: HTMLDocument, text: UnsafeBufferPointer<UInt8>, analysis: Analysis, strict: Bool,
                          protected: [Bool], cache: inout CleanCache) {
            let nodes = doc.nodes
            buffer.reserveCapacity(4096)
            var i = 0
            let n = nodes.count
            while i < n {
                while let top = stack.last, top.end <= i {
                    if top.isBlock { flush(nodes, &cache); blockOwners.removeLast() }
                    if top.isLink { linkDepth -= 1 }
                    stack.removeLast()
                }
                let node = nodes[i]
                if node.isText {
                    let t = UnsafeBufferPointer(rebasing: text[Int(node.start)..<Int(node.start + node.count)])
                    if linkDepth > 0 { bufferLinkChars += TextCleaning.cleanedCount(t) }
                    buffer.append(contentsOf: t)
                    if lastWasBreak, TextCleaning.hasNonSpace(t) {
                        lastWasBreak = false
                    }
                    i += 1
                    continue
                }
                if analysis.removed[i] || (strict && analysis.boilerplate[i] && !protected[i]) {
                    i = Int(node.end)
                    continue
                }
                if node.tag == Tag.br {
                    if lastWasBreak { flush(nodes, &cache) } else { buffer.append(0x0A); lastWasBreak = true }
                    i = Int(node.end)
                    continue
                }
                let isBlock = Tag.has(node.tag, Tag.fBlock)
                let isLink = node.tag == Tag.a && doc.attrRange(i, Attr.href) != nil
                if isBlock { flush(nodes, &cache); blockOwners.append(i) }
                if isLink { linkDepth += 1 }
                stack.append((i, Int(node.end), isBlock, isLink))
                i += 1
            }
            flush(nodes, &cache)
        }
    }

    // MARK: 2-3. Containers

    /// The subtrees holding the article: the best-scoring element and its article-like siblings.
    private func chooseContainers(_ doc: HTMLDocument, analysis: Analysis, blocks: [Block]) -> [Int] {
        let nodes = doc.nodes
        let n = nodes.count
        // Text and link characters per element, summed bottom-up in one reverse pass.
        var chars = [Int](repeating: 0, count: n)
        var linkChars = [Int](repeating: 0, count: n)
        for b in blocks { chars[b.owner] += b.chars; linkChars[b.owner] += b.linkChars }
        for i in stride(from: n - 1, to: 0, by: -1) where nodes[i].parent >= 0 {
            chars[Int(nodes[i].parent)] += chars[i]
            linkChars[Int(nodes[i].parent)] += linkChars[i]
        }
        func linkDensity(_ i: Int) -> Double { chars[i] == 0 ? 0 : Double(linkChars[i]) / Double(chars[i]) }

        var score: [Int: Double] = [:]
        func initial(_ i: Int) -> Double {
            var s = analysis.weight[i]
            let t = nodes[i].tag
            if t == Tag.div || t == Tag.article || t == Tag.main || t == Tag.section { s += 5 }
            else if t == Tag.pre || t == Tag.td || t == Tag.blockquote { s += 3 }
            else if t == Tag.address || t == Tag.ol || t == Tag.ul || t == Tag.dl || t == Tag.dd || t == Tag.dt
                        || t == Tag.li || t == Tag.form { s -= 3 }
            else if Tag.has(t, Tag.fHeading) || t == Tag.th { s -= 5 }
            if t == Tag.article { s += 10 }
            return s
        }
        for b in blocks where b.chars >= minParagraphChars && !b.isHeading {
            var vote = 1 + Double(b.commas) + min(Double(b.chars) / 100, 3)
            vote *= (1 - b.linkDensity)
            if b.ldMatch > 0.5 { vote *= 2 }
            var node = Tag.has(nodes[b.owner].tag, Tag.fParagraph) ? Int(nodes[b.owner].parent) : b.owner
            var level = 0
            while node >= 0 && level < 5 {
                if score[node] == nil { score[node] = initial(node) }
                score[node]! += vote / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                node = Int(nodes[node].parent)
                level += 1
            }
        }
        guard !score.isEmpty else {
            return nodes.indices.first { nodes[$0].tag == Tag.body }.map { [$0] } ?? [0]
        }
        var final: [Int: Double] = [:]
        for (i, s) in score { final[i] = s * (1 - linkDensity(i)) }

        let ranked = final.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        var top = ranked[0].key
        let topScore = ranked[0].value

        // Several strong candidates under one ancestor: the article is split; take the ancestor.
        let alternatives = ranked.dropFirst().prefix(4).filter { $0.value >= topScore * 0.75 }.map(\.key)
        if alternatives.count >= 3 {
            var a = doc.parent(top)
            while a >= 0 && nodes[a].tag != Tag.body {
                if alternatives.filter({ $0 >= a && $0 < doc.end(a) }).count >= 3 { top = a; break }
                a = doc.parent(a)
            }
        }
        // A parent that scores higher than the climb so far holds more of the article.
        var last = final[top] ?? topScore
        var parent = doc.parent(top)
        while parent >= 0 && nodes[parent].tag != Tag.body {
            guard let ps = final[parent] else { parent = doc.parent(parent); continue }
            if ps < topScore / 3 { break }
            if ps > last { top = parent; break }
            last = ps
            parent = doc.parent(parent)
        }
        // An only child says nothing more than its parent.
        while doc.parent(top) >= 0, nodes[doc.parent(top)].tag != Tag.body,
              elementChildren(of: doc.parent(top), in: nodes).count == 1 {
            top = doc.parent(top)
        }

        // Siblings that score well or read like prose join the winner.
        let winnerScore = final[top] ?? topScore
        let threshold = max(10, winnerScore * 0.2)
        let parentIndex = doc.parent(top)
        guard parentIndex >= 0 else { return [top] }
        let topClass = doc.attrRange(top, Attr.cls).map { Array(doc.bytes[$0]) } ?? []
        func hasTopClass(_ i: Int) -> Bool {
            guard let r = doc.attrRange(i, Attr.cls) else { return false }
            return doc.bytes[r].elementsEqual(topClass)
        }
        var roots: [Int] = []
        for sib in elementChildren(of: parentIndex, in: nodes) {
            if sib == top { roots.append(sib); continue }
            var s = final[sib] ?? -.infinity
            if !topClass.isEmpty, hasTopClass(sib) { s += winnerScore * 0.2 }
            if s >= threshold { roots.append(sib); continue }
            if Tag.has(nodes[sib].tag, Tag.fParagraph) || nodes[sib].tag == Tag.div {
                let len = chars[sib], ld = linkDensity(sib)
                if len >= 80 && ld < 0.25 { roots.append(sib) }
                else if len > 0 && len < 80 && ld == 0,
                        let last = blocks.last(where: { $0.owner >= sib && $0.owner < doc.end(sib) }),
                        last.text.hasSuffix(".") { roots.append(sib) }
            }
        }
        // Templates that cut the article into chunks (ads in between) repeat the container's
        // class on each chunk: chunks elsewhere in the page that score well join too.
        if !topClass.isEmpty {
            for i in final.keys.sorted() where final[i]! >= threshold && i != top && nodes[i].tag == nodes[top].tag
                && hasTopClass(i) && linkDensity(i) < 0.3
                && !roots.contains(where: { i >= $0 && i < doc.end($0) || $0 >= i && $0 < doc.end(i) }) {
                roots.append(i)
            }
        }
        return roots.sorted()
    }

    private func elementChildren(of i: Int, in nodes: [DOMNode]) -> [Int] {
        var result: [Int] = []
        var j = i + 1
        while j < Int(nodes[i].end) {
            if !nodes[j].isText { result.append(j) }
            j = Int(nodes[j].end)
        }
        return result
    }

    // MARK: 4. Final blocks

    private func select(_ blocks: [Block], in roots: [Int], doc: HTMLDocument, metadata: PageMetadata) -> [Block] {
        let nodes = doc.nodes
        let ranges = roots.map { $0..<Int(nodes[$0].end) }
        let titleKeys = Set([metadata.title, metadata.headline].compactMap { $0.map(Self.key) })
        var kept: [Block] = []
        for b in blocks where ranges.contains(where: { $0.contains(b.owner) }) {
            if b.ldMatch > 0.8 { kept.append(b); continue }
            if b.linkDensity > 0.8 && !b.isListItem { continue }
            if b.chars < 60 && Boilerplate.isFurniture(b.text) { continue }
            if b.isHeading && titleKeys.contains(Self.key(b.text)) { continue }
            if let prev = kept.last, prev.text == b.text { continue }
            kept.append(b)
        }
        // Bylines and datelines above the first real paragraph are metadata.
        if let firstProse = kept.firstIndex(where: { !$0.isHeading && $0.chars >= 100 }) {
            let lead = kept[..<firstProse].filter {
                $0.chars >= 90 || !Boilerplate.isBylineOrDateline($0.text) || $0.ldMatch > 0.8
            }
            kept = lead + kept[firstProse...]
        }
        // Headings with nothing after them introduce what was removed ("Related stories").
        while let last = kept.last, last.isHeading { kept.removeLast() }
        return kept
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
        let words = TextCleaning.wordHashes(body)
        guard words.count >= 50 else { return }
        chars = body.count
        shingles = Set(Self.hashes(words))
    }

    func match(_ text: String) -> Double {
        guard chars > 0 else { return 0 }
        let words = TextCleaning.wordHashes(text)
        guard !words.isEmpty else { return 0 }
        let h = Self.hashes(words)
        return Double(h.filter(shingles.contains).count) / Double(h.count)
    }

    private static func hashes(_ w: [UInt64]) -> [UInt64] {
        if w.count < 4 { return [w.reduce(0xcbf29ce484222325) { ($0 ^ $1) &* 0x100000001b3 }] }
        return (0...(w.count - 4)).map { i in
            var h: UInt64 = 0xcbf29ce484222325
            for k in i..<(i + 4) { h = (h ^ w[k]) &* 0x100000001b3 }
            return h
        }
    }
}
