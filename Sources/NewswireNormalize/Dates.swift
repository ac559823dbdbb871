import NewswireWire

/// Normalises the date formats pages use in metadata to ISO 8601.
///
/// Hand-written rather than `DateFormatter`: faster, locale-independent, and it never invents a
/// time zone. A date-time with an offset keeps it (`2019-11-19T10:05:00-05:00`, `…Z`); one without
/// an offset stays local (`2019-11-19T10:05:00`); a bare date stays a date (`2019-11-19`).
enum DateNormalizer {
    static func iso8601(_ raw: String) -> String? {
        let s = TextCleaning.clean(raw)
        guard s.count >= 8 else { return nil }
        return numeric(Array(s.unicodeScalars)) ?? textual(s)
    }

    /// `2019-11-19`, `2019/11/19`, `20191119`, each optionally followed by a time and a zone.
    private static func numeric(_ c: [Unicode.Scalar]) -> String? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= c.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard let d = c[k].properties.numericType != nil ? Int(String(c[k])) : nil else { return nil }
                v = v * 10 + d
            }
            i += n
            return v
        }
        guard let year = digits(4) else { return nil }
        var compact = false
        if i < c.count, c[i] == "-" || c[i] == "/" || c[i] == "." { i += 1 } else { compact = true }
        guard let month = digits(2) else { return nil }
        if !compact { guard i < c.count, c[i] == "-" || c[i] == "/" || c[i] == "." else { return nil }; i += 1 }
        guard let day = digits(2) else { return nil }
        guard valid(year, month, day) else { return nil }
        let date = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
        guard i < c.count, c[i] == "T" || c[i] == " " || c[i] == "t" else { return i == c.count ? date : nil }
        i += 1
        guard let hour = digits(2), i < c.count, c[i] == ":" else { return date }
        i += 1
        guard let minute = digits(2), hour < 24, minute < 60 else { return date }
        var second = 0
        if i < c.count, c[i] == ":" {
            i += 1
            guard let sec = digits(2), sec < 61 else { return date }
            second = min(sec, 59)
            if i < c.count, c[i] == "." || c[i] == "," {
                i += 1
                while i < c.count, c[i].properties.numericType != nil { i += 1 }
            }
        }
        let time = "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))"
        while i < c.count, c[i] == " " { i += 1 }
        guard i < c.count else { return time }
        let rest = String(String.UnicodeScalarView(c[i...]))
        if rest == "Z" || rest == "z" || rest.uppercased() == "UTC" || rest.uppercased() == "GMT" { return time + "Z" }
        return offset(rest).map { time + $0 } ?? time
    }

    /// `+05:00`, `-0500`, `+05` → `+05:00`; `+00:00` stays as written.
    private static func offset(_ s: String) -> String? {
        let c = Array(s.unicodeScalars)
        guard let sign = c.first, sign == "+" || sign == "-" else { return nil }
        let d = c.dropFirst().filter { $0 != ":" }
        guard d.count == 2 || d.count == 4, d.allSatisfy({ $0.properties.numericType != nil }),
              let v = Int(String(String.UnicodeScalarView(d))) else { return nil }
        let h = d.count == 2 ? v : v / 100, m = d.count == 2 ? 0 : v % 100
        guard h <= 14, m < 60 else { return nil }
        return "\(sign)\(pad(h)):\(pad(m))"
    }


    /// `Tue, 19 Nov 2019 15:04:05 GMT`, `November 19, 2019`, `19 November 2019`.
    private static func textual(_ s: String) -> String? {
        let tokens = s.split { !$0.isLetter && !$0.isNumber && $0 != ":" && $0 != "+" && $0 != "-" }.map(String.init)
        var year: Int?, month: Int?, day: Int?
        var time: (Int, Int, Int)?
        var zone: String?
        for t in tokens {
            let lower = t.lowercased()
            if month == nil, lower.count >= 3, let m = MonthName.number(lower.prefix(3)) { month = m; continue }
            if t.contains(":") {
                let parts = t.split(separator: ":").compactMap { Int($0) }
                if parts.count >= 2, parts[0] < 24, parts[1] < 60 { time = (parts[0], parts[1], parts.count > 2 ? min(parts[2], 59) : 0) }
                continue
            }
            if lower == "pm", let t0 = time, t0.0 < 12 { time = (t0.0 + 12, t0.1, t0.2); continue }
            if lower == "am", let t0 = time, t0.0 == 12 { time = (0, t0.1, t0.2); continue }
            if t == "GMT" || t == "UTC" || t == "Z" { zone = "Z"; continue }
            if t.hasPrefix("+") || t.hasPrefix("-") { zone = offset(t) ?? zone; continue }
            guard let v = Int(t) else { continue }
            if t.count == 4, year == nil { year = v } else if t.count <= 2, day == nil, (1...31).contains(v) { day = v }
        }
        guard let year, let month, let day, valid(year, month, day) else { return nil }
        let date = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
        guard let time else { return date }
        let dt = "\(date)T\(pad(time.0)):\(pad(time.1)):\(pad(time.2))"
        return zone.map { dt + ($0 == "+00:00" ? "Z" : $0) } ?? dt
    }

    /// A date in the URL path (`/2019/11/19/`, `/2019-11-19/`): the least trusted source.
    static func dateInURL(_ url: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        for (k, p) in parts.enumerated() {
            if p.count == 4, let y = Int(p), (1990...2100).contains(y), k + 2 < parts.count,
               let m = Int(parts[k + 1]), parts[k + 1].count <= 2,
               let d = Int(parts[k + 2].prefix(2).filter(\.isNumber)), parts[k + 2].prefix(2).allSatisfy(\.isNumber),
               valid(y, m, d) {
                return "\(pad(y, 4))-\(pad(m))-\(pad(d))"
            }
            if p.count >= 10, let iso = numeric(Array(p.prefix(10).unicodeScalars)), p.prefix(4).allSatisfy(\.isNumber),
               p.dropFirst(4).first == "-" {
                return iso
            }
        }
        return nil
    }

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1900...2100).contains(y), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    private static func pad(_ v: Int, _ width: Int = 2) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
