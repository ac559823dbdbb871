/// A pipeline drawn: as Graphviz DOT (`newswire graph … | dot -Tsvg`) and as text for a terminal.
public enum PipelineGraph {
    public static func dot(_ file: PipelineFile) -> String {
        var lines = ["digraph \"\(escape(file.name))\" {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
        for s in file.stages {
            let label = s.replicas > 1 ? "\(s.name) ×\(s.replicas)" : s.name
            lines.append("  \"\(escape(s.name))\" [label=\"\(escape(label))\"];")
        }
        for (link, producers, consumers) in edges(file) {
            let from = producers.isEmpty ? ["\(link) (replay)"] : producers
            let to = consumers.isEmpty ? ["\(link) (record)"] : consumers
            for f in from where producers.isEmpty { lines.append("  \"\(escape(f))\" [shape=plaintext];") }
            for t in to where consumers.isEmpty { lines.append("  \"\(escape(t))\" [shape=plaintext];") }
            for f in from { for t in to { lines.append("  \"\(escape(f))\" -> \"\(escape(t))\" [label=\"\(escape(link))\"];") } }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per chain of stages: `fetch ─[fetched]─▶ normalize ×2 ─[normalized]─▶ …`.
    public static func text(_ file: PipelineFile) -> String {
        let byName = Dictionary(file.stages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func label(_ name: String) -> String {
            guard let s = byName[name] else { return name }
            return s.replicas > 1 ? "\(s.name) ×\(s.replicas)" : s.name
        }
        let fed = Set(file.stages.compactMap { s in file.stages.contains { $0.output != nil && $0.output == s.input } ? s.name : nil })
        var lines: [String] = [], drawn = Set<String>()
        func walk(_ name: String, _ line: String) {
            drawn.insert(name)
            guard let out = byName[name]?.output else { lines.append(line); return }
            let next = file.stages.filter { $0.input == out }.map(\.name)
            if next.isEmpty { lines.append(line + " ─[\(out)]─▶ (record)"); return }
            for n in next {
                if drawn.contains(n) { lines.append(line + " ─[\(out)]─▶ \(label(n)) …"); continue }
                walk(n, line + " ─[\(out)]─▶ " + label(n))
            }
        }
        for s in file.stages where !fed.contains(s.name) {
            let start = s.input.map { "(replay) ─[\($0)]─▶ " } ?? ""
            walk(s.name, start + label(s.name))
        }
        for s in file.stages where !drawn.contains(s.name) { walk(s.name, label(s.name)) }   // cycles
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each link with the stages writing and reading it.
    static func edges(_ file: PipelineFile) -> [(link: String, producers: [String], consumers: [String])] {
        file.links.keys.sorted().map { link in
            (link, file.stages.filter { $0.output == link }.map(\.name), file.stages.filter { $0.input == link }.map(\.name))
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
