import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// WARC-Date values: W3C-DTF in UTC. Written with microseconds, read with any fraction
/// (or none, as WARC 1.0 files have), so written dates read back exactly.
public enum WARCDate {
    /// `2026-12-03T12:00:00.123456Z`: the date rounded to the microsecond.
    public static func string(from date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, fraction) = floorDivision(micros, by: 1_000_000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(fraction))
    }

    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction]Z`; digits past the microsecond are dropped.
    public static func date(from string: String) -> Date? {
        let chars = Array(string.utf8)
        guard chars.count >= 20, chars.last == UInt8(ascii: "Z"), hasDateTimeSeparators(chars) else { return nil }
        guard let year = number(chars, 0..<4), let month = number(chars, 5..<7), let day = number(chars, 8..<10),
              let hour = number(chars, 11..<13), let minute = number(chars, 14..<16), let second = number(chars, 17..<19),
              let micros = microseconds(chars[19..<(chars.count - 1)])
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900); parts.tm_mon = Int32(month - 1); parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour); parts.tm_min = Int32(minute); parts.tm_sec = Int32(second)
        let seconds = Int64(timegm(&parts))
        return Date(timeIntervalSince1970: Double(seconds * 1_000_000 + micros) / 1_000_000)
    }

    private static func hasDateTimeSeparators(_ c: [UInt8]) -> Bool {
        c[4] == UInt8(ascii: "-") && c[7] == UInt8(ascii: "-") && c[10] == UInt8(ascii: "T")
            && c[13] == UInt8(ascii: ":") && c[16] == UInt8(ascii: ":")
    }

    private static func number(_ chars: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for c in chars[range] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }

    /// The fraction `.ddd…` (or nothing) as microseconds.
    private static func microseconds(_ fraction: ArraySlice<UInt8>) -> Int64? {
        guard !fraction.isEmpty else { return 0 }
        guard fraction.first == UInt8(ascii: "."), fraction.count > 1 else { return nil }
        let digits = Array(fraction.dropFirst())
        guard let value = number(digits, 0..<min(digits.count, 6)),
              number(digits, 0..<digits.count) != nil else { return nil }
        let scale = [100_000, 10_000, 1_000, 100, 10, 1][min(digits.count, 6) - 1]
        return Int64(value * scale)
    }

    private static func floorDivision(_ value: Int64, by divisor: Int64) -> (Int64, Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }
}
