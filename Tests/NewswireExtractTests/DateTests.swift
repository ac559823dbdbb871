import Testing
import NewswireWire
@testable import NewswireExtract

@Suite struct DateTests {
    // Published Thursday 2026-11-19.
    @Test func absoluteDates() {
        let r = extract("It began on November 14, 2026, ended on 14 November 2025, resumed 2026-11-16 and was reviewed on Nov. 3.")
        #expect(date(r, "November 14, 2026")?.value == "2026-11-14")
        #expect(date(r, "14 November 2025")?.value == "2025-11-14")
        #expect(date(r, "2026-11-16")?.value == "2026-11-16")
        #expect(date(r, "Nov. 3")?.value == "2026-11-03")
    }

    @Test func partialDatesTakeYearFromPublication() {
        let r = extract("Elections held in March were repeated on August 2, and a summit is planned in January.")
        #expect(date(r, "March")?.value == "2026-03")
        #expect(date(r, "August 2")?.value == "2026-08-02")
        #expect(date(r, "January")?.value == "2027-01")
    }

    @Test func weekdays() {
        let r = extract("Talks failed on Tuesday. They resumed last Thursday and will continue next Monday.")
        #expect(date(r, "Tuesday")?.value == "2026-11-17")
        #expect(date(r, "last Thursday")?.value == "2026-11-12")
        #expect(date(r, "next Monday")?.value == "2026-11-23")
    }

    @Test func weekdayOfPublicationIsThatDay() {
        #expect(date(extract("The vote happened on Thursday."), "Thursday")?.value == "2026-11-19")
    }

    @Test func relativeDaysWeeksMonths() {
        let r = extract("Yesterday the rain stopped. Last week was dry, next month will be cold and last year was warm. Three days ago it snowed.")
        #expect(date(r, "Yesterday")?.value == "2026-11-18")
        #expect(date(r, "Last week")?.value == "2026-11-09/2026-11-15")
        #expect(date(r, "next month")?.value == "2026-12")
        #expect(date(r, "last year")?.value == "2025-01-01/2025-12-31")
        #expect(date(r, "Three days ago")?.value == "2026-11-16")
    }

    @Test func unresolvableWithoutPublication() {
        let r = extract("It happened on Tuesday, on March 3 and on March 3, 2024.", publishedAt: nil)
        #expect(date(r, "Tuesday")?.value == nil)
        #expect(date(r, "March 3")?.value == nil)
        #expect(date(r, "March 3, 2024")?.value == "2024-03-03")
    }

    @Test func dayArithmetic() {
        #expect(Day(year: 2024, month: 2, day: 29)?.iso == "2024-02-29")
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 1970, month: 1, day: 1)?.weekday == 3)
        #expect(Day.parseISO("2026-11-19T10:00:00Z")?.weekday == 3)
        #expect((Day(year: 2026, month: 12, day: 31)! + 1).iso == "2027-01-01")
    }
}
