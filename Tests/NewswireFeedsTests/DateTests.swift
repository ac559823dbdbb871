import Foundation
import Testing
@testable import NewswireFeeds

@Suite("Feed dates")
struct DateTests {
    @Test(arguments: [
        ("Sun, 01 Mar 2026 12:00:00 GMT", utc(2026, 3, 1, 12)),
        ("01 Mar 2026 12:00:00 +0000", utc(2026, 3, 1, 12)),
        ("Sun, 1 Mar 2026 12:00:00 GMT", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 26 12:00:00 GMT", utc(2026, 3, 1, 12)),
        ("Mon, 01 Mar 99 12:00:00 GMT", utc(1999, 3, 1, 12)),
        ("Sun, 01 Mar 2026 12:00 GMT", utc(2026, 3, 1, 12)),
        ("  Sun,   01  Mar 2026\t12:00:00   GMT ", utc(2026, 3, 1, 12)),
        ("Wed, 01 Mar 2026 12:00:00 GMT", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 12:00:00 UT", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 07:00:00 EST", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 08:00:00 EDT", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 06:00:00 CST", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 07:00:00 CDT", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 05:00:00 MST", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 06:00:00 MDT", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 04:00:00 PST", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 05:00:00 PDT", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 12:00:00 Z", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 13:00:00 A", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 07:00:00 R", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 13:00:00 +0100", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 13:00:00 +01:00", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 06:30:00 -0530", utc(2026, 3, 1, 12)),
        ("Sun, 01 Mar 2026 12:00:00 +0000 (UTC)", utc(2026, 3, 1, 12)),
        ("Sun, 01 March 2026 12:00:00 GMT", utc(2026, 3, 1, 12)),
        ("Sun Mar 01 2026 13:00:00 GMT+0100", utc(2026, 3, 1, 12)),
    ])
    func rfc822(text: String, expected: Date) {
        #expect(FeedDate.parse(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("2026-03-01", utc(2026, 3, 1)),
        ("2026-03", utc(2026, 3, 1)),
        ("2026", utc(2026, 1, 1)),
        ("2026-03-01T12:00Z", utc(2026, 3, 1, 12)),
        ("2026-03-01T12:00:00Z", utc(2026, 3, 1, 12)),
        ("2026-03-01t12:00:00z", utc(2026, 3, 1, 12)),
        ("2026-03-01T13:00:00+01:00", utc(2026, 3, 1, 12)),
        ("2026-03-01T13:00:00+0100", utc(2026, 3, 1, 12)),
        ("2026-03-01T07:00:00-05", utc(2026, 3, 1, 12)),
        ("2026-03-01 12:00:00", utc(2026, 3, 1, 12)),
        ("2026-03-01 13:00:00 +01:00", utc(2026, 3, 1, 12)),
        ("2026-03-01T12:00:00", utc(2026, 3, 1, 12)),
    ])
    func iso8601(text: String, expected: Date) {
        #expect(FeedDate.parse(text) == expected, "\(text)")
    }

    @Test func fractionalSeconds() throws {
        let date = try #require(FeedDate.parse("2026-03-01T12:00:00.250Z"))
        #expect(abs(date.timeIntervalSince(utc(2026, 3, 1, 12)) - 0.25) < 0.0001)
    }

    @Test(arguments: ["", "yesterday", "Sun, 32 Mar 2026 12:00:00 GMT", "2026-13-01", "2026-02-30",
                      "Sun, 01 Foo 2026 12:00:00 GMT", "2026-03-01T25:00:00Z", "01 Mar 226 12:00 GMT",
                      "0001-01-01T00:00:00Z", "Sun, 01 Mar 2026 12:00:00 NOTAZONE", "2026-03-01T12:00:00+99:00",
                      "12/03/2026", "20260301", "Sonntag, 1. März 2026"])
    func unparseableIsNil(text: String) {
        #expect(FeedDate.parse(text) == nil, "\(text)")
    }
}
