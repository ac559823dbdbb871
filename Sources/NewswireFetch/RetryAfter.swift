import Foundation

/// Reads a `Retry-After` value, which servers send either as seconds or as an HTTP date.
public enum RetryAfter {
    /// `"120"` → 120 s; `"Wed, 21 Oct 2015 07:28:00 GMT"` → the time from `now` until then (zero if past).
    public static func parse(_ value: String, now: Date = Date()) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = httpDate(text) else { return nil }
        let wait = date.timeIntervalSince(now)
        return .milliseconds(Int64(max(0, wait) * 1000))
    }

    /// IMF-fixdate, the form RFC 9110 requires senders to use.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
