import Foundation
import NewswireWire

/// Reads the dates feeds contain: RFC 822/1123 (RSS) and ISO 8601 / W3C-DTF (Atom, Dublin Core,
/// sitemaps, JSON Feed), with the deviations real feeds have. Anything it cannot read with
/// certainty is nil: a missing date is better than a wrong one.
public enum FeedDate {
    /// Years outside this range are placeholders ("0001-01-01") or typos, not publication dates.
    static let plausibleYears = 1900...2999

    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count < 100, trimmed.allSatisfy(\.isASCII) else { return nil }
        let bytes = Array(trimmed.utf8)
        if bytes.count >= 4 && bytes[0..<4].allSatisfy(isDigit) {
            return parseISO8601(bytes)
        }
        return parseRFC822(trimmed)
    }

    // MARK: ISO 8601 / W3C-DTF

    /// `YYYY[-MM[-DD[(T|space)hh:mm[:ss[.fff]][zone]]]]`; the zone may follow a space. No zone means UTC.
    static func parseISO8601(_ b: [UInt8]) -> Date? {
        var s = ByteScanner(b)
        guard let year = s.number(digits: 4...4) else { return nil }
        var fields = CivilTime(year: year)
        if s.skip("-") {
            guard let month = s.number(digits: 2...2) else { return nil }
            fields.month = month
            if s.skip("-") {
                guard let day = s.number(digits: 2...2) else { return nil }
                fields.day = day
            }
        }
        if s.skip("T") || s.skip("t") || (s.peek(" ") && s.isDigit(at: 1)) {
            _ = s.skip(" ")
            guard readClock(&s, into: &fields) else { return nil }
        }
        s.skipSpaces()
        var offset = 0
        if !s.atEnd {
            guard let zone = s.rest.flatMap(TimeZoneName.offsetSeconds) else { return nil }
            offset = zone
        }
        return fields.date(offsetSeconds: offset)
    }

    /// `hh:mm[:ss[.fraction]]` into `fields`.
    private static func readClock(_ s: inout ByteScanner, into fields: inout CivilTime) -> Bool {
        guard let hour = s.number(digits: 1...2), s.skip(":"), let minute = s.number(digits: 2...2) else { return false }
        fields.hour = hour
        fields.minute = minute
        if s.skip(":") {
            guard let second = s.number(digits: 2...2) else { return false }
            fields.second = second
            if s.skip(".") || s.skip(",") {
                guard let fraction = s.fraction() else { return false }
                fields.fraction = fraction
            }
        }
        return true
    }

    // MARK: RFC 822 / 1123

    /// `[Day[,]] D Mon YY[YY] [hh:mm[:ss]] [zone]`, also with the month first (`Mon D YYYY`).
    /// The day name is ignored (feeds often get it wrong); a trailing `(comment)` is dropped.
    static func parseRFC822(_ text: String) -> Date? {
        var tokens = rfc822Tokens(text)
        if let first = tokens.first, first.allSatisfy(\.isLetter), monthNumber(first) == nil {
            tokens.removeFirst()  // day name
        }
        guard tokens.count >= 3 else { return nil }
        let (dayToken, monthToken) = monthNumber(tokens[0]) != nil ? (tokens[1], tokens[0]) : (tokens[0], tokens[1])
        guard let day = Int(dayToken), dayToken.count <= 2, let month = monthNumber(monthToken),
              let year = fullYear(tokens[2]) else { return nil }
        var fields = CivilTime(year: year, month: month, day: day)
        var rest = tokens.dropFirst(3)
        if let clock = rest.first, clock.contains(":") {
            var s = ByteScanner(Array(clock.utf8))
            guard readClock(&s, into: &fields), s.atEnd else { return nil }
            rest = rest.dropFirst()
        }
        var offset = 0
        if !rest.isEmpty {
            // "GMT+0100" may be written "GMT +0100"; otherwise only the first word is the zone.
            guard let zone = TimeZoneName.offsetSeconds(rest.joined())
                    ?? rest.first.flatMap(TimeZoneName.offsetSeconds) else { return nil }
            offset = zone
        }
        return fields.date(offsetSeconds: offset)
    }

    /// Words of an RFC 822 date: split at blanks and commas, a trailing parenthesised comment removed.
    private static func rfc822Tokens(_ text: String) -> [String] {
        var body = Substring(text)
        if let open = body.firstIndex(of: "("), body.hasSuffix(")") { body = body[..<open] }
        return body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map(String.init)
    }

    /// Month from its English name or abbreviation ("Mar", "March", "Sept").
    static func monthNumber(_ word: String) -> Int? { MonthName.number(word) }

    /// Four-digit years as they are; two-digit years as RFC 2822 says (00–49 → 20xx, 50–99 → 19xx).
    static func fullYear(_ token: String) -> Int? {
        guard token.allSatisfy(\.isASCII), let value = Int(token), value >= 0 else { return nil }
        switch token.count {
        case 2: return value < 50 ? 2000 + value : 1900 + value
        case 4: return value
        default: return nil
        }
    }

    fileprivate static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}

/// A calendar date and time of day as written, validated before it becomes a `Date`.
struct CivilTime {
    var year: Int
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var fraction = 0.0

    /// The instant, or nil when a field is out of range (month 13, 31 February, 25:00).
    func date(offsetSeconds: Int) -> Date? {
        guard FeedDate.plausibleYears.contains(year), (1...12).contains(month),
              (1...CivilTime.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = CivilTime.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Time-zone designators found in feed dates.
enum TimeZoneName {
    /// Zone abbreviations of RFC 822 plus the ones feeds commonly use, in hours from UTC.
    static let abbreviations: [String: Double] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
        "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "WEST": 1, "EET": 2, "EEST": 3,
        "MSK": 3, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AWST": 8, "ACST": 9.5, "AEST": 10, "AEDT": 11,
        "NZST": 12, "NZDT": 13,
    ]

    /// Seconds east of UTC for `+0100`, `+01:00`, `+01`, a zone name, `GMT+0100`, or a military
    /// letter (A–I, K–M east, N–Y west, Z = UTC); nil when unrecognised.
    static func offsetSeconds(_ raw: String) -> Int? {
        let zone = raw.uppercased()
        if let hours = abbreviations[zone] { return Int(hours * 3600) }
        if zone.count == 1, let letter = zone.unicodeScalars.first, let hours = militaryHours(letter) {
            return hours * 3600
        }
        for prefix in ["GMT", "UTC", "UT"] where zone.hasPrefix(prefix) {
            return numericOffset(String(zone.dropFirst(prefix.count)), hoursMayBeOneDigit: true)
        }
        return numericOffset(zone, hoursMayBeOneDigit: false)
    }

    private static func militaryHours(_ letter: Unicode.Scalar) -> Int? {
        let v = Int(letter.value) - 0x41  // A = 0
        switch letter {
        case "A"..."I": return v + 1
        case "K"..."M": return v
        case "N"..."Y": return -(v - 12)
        default: return nil
        }
    }

    /// `±hh[:]mm` or `±hh` (also `±h` after GMT).
    private static func numericOffset(_ text: String, hoursMayBeOneDigit: Bool) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
        let (hours, minutes): (Int, Int)
        switch digits.count {
        case 1 where hoursMayBeOneDigit, 2: (hours, minutes) = (value, 0)
        case 4: (hours, minutes) = (value / 100, value % 100)
        case 3 where hoursMayBeOneDigit: (hours, minutes) = (value / 100, value % 100)
        default: return nil
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}

/// A cursor over ASCII bytes for the date grammars.
struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var rest: String? { atEnd ? nil : String(decoding: bytes[index...], as: UTF8.self) }

    func peek(_ c: Character) -> Bool { !atEnd && bytes[index] == c.asciiValue }
    func isDigit(at ahead: Int) -> Bool { index + ahead < bytes.count && FeedDate.isDigit(bytes[index + ahead]) }

    mutating func skip(_ c: Character) -> Bool {
        guard peek(c) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() { while peek(" ") { index += 1 } }

    /// A run of digits whose length is in `digits`, or nil (and nothing consumed).
    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var end = index
        while end < bytes.count && FeedDate.isDigit(bytes[end]) { end += 1 }
        guard digits.contains(end - index) else { return nil }
        let value = bytes[index..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        index = end
        return value
    }

    /// Digits after a decimal point, as a fraction of one.
    mutating func fraction() -> Double? {
        let start = index
        while index < bytes.count && FeedDate.isDigit(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        return Double("0." + String(decoding: bytes[start..<index], as: UTF8.self))
    }
}
