import Testing
import NewswireWire
@testable import NewswireExtract

@Suite struct AmountTests {
    @Test func rangesBothForms() throws {
        let r = extract("Between 20 and 30 people were hurt. The storm left 20-30 cm of snow.")
        let a = try #require(amount(r, "Between 20 and 30 people"))
        #expect(a.value == 20 && a.valueMax == 30 && a.object == "people")
        let b = try #require(amount(r, "20-30 cm"))
        #expect(b.value == 20 && b.valueMax == 30 && b.unit == "cm")
    }

    @Test func wordNumbers() {
        let r = extract("Two dozen protesters and a thousand police faced three armed men. Hundreds of people watched.")
        #expect(amount(r, "Two dozen protesters")?.value == 24)
        #expect(amount(r, "a thousand police")?.value == 1000)
        #expect(amount(r, "three armed men")?.value == 3)
        #expect(amount(r, "Hundreds of people")?.approximate == true)
    }

    @Test func moneyAndScales() {
        let r = extract("The deal is worth $3.8m and £2bn over time, plus 500 million yen and US$40 million.")
        #expect(amount(r, "$3.8m")?.value == 3_800_000)
        #expect(amount(r, "$3.8m")?.unit == "USD")
        #expect(amount(r, "£2bn")?.unit == "GBP")
        #expect(amount(r, "500 million yen")?.unit == "JPY")
        #expect(amount(r, "US$40 million")?.value == 40_000_000)
    }

    @Test func percentagesAndMeasures() {
        let r = extract("Prices rose 3.2% and wages 2 per cent. The fire burned 1,500 hectares, 40 km from the coast, at 45 degrees Celsius.")
        #expect(amount(r, "3.2%")?.unit == "percent")
        #expect(amount(r, "2 per cent")?.value == 2)
        #expect(amount(r, "1,500 hectares")?.unit == "ha")
        #expect(amount(r, "40 km")?.unit == "km")
        #expect(amount(r, "45 degrees Celsius")?.unit == "°C")
    }

    @Test func conversionsAreRenderings() throws {
        let r = extract("The fence runs 100 miles (160 kilometres) and cost €12 million ($13 million).")
        let m = try #require(amount(r, "100 miles"))
        #expect(m.renderings.map(\.unit) == ["mi", "km"])
        let e = try #require(amount(r, "€12 million"))
        #expect(e.renderings.last == AmountRendering(value: 13_000_000, unit: "USD"))
        #expect(r.amounts.count == 2)
    }

    @Test func boundsAndApproximation() {
        let r = extract("At least 12 people died, up to 300 were evacuated, nearly 50 homes burned and fewer than 10 remain.")
        #expect(amount(r, "At least 12 people")?.bound == .lower)
        #expect(amount(r, "up to 300")?.bound == .upper)
        #expect(amount(r, "nearly 50 homes")?.approximate == true)
        #expect(amount(r, "nearly 50 homes")?.bound == nil)
        #expect(amount(r, "fewer than 10")?.bound == .upper)
    }

    @Test func yearsDatesTimesAndNamesAreSkipped() {
        let r = extract("In 2026, on Nov. 14 at 10:30, a Boeing 737 carrying COVID-19 samples landed; it was the 3rd flight. Ana Ruiz, 45, watched.")
        #expect(r.amounts.isEmpty, "\(r.amounts.map(\.text))")
    }

    @Test func sourceFromSaidAndAccordingTo() {
        let r = extract("Organisers said 5,000 people marched, but police put the figure at 2,000. Damage reached $1 million, according to the mayor's office.")
        #expect(amount(r, "5,000 people")?.source == "Organisers")
        #expect(amount(r, "2,000")?.source == "police")
        #expect(amount(r, "$1 million")?.source == "the mayor's office")
    }

    @Test func amountInQuoteGetsSpeaker() {
        let r = extract("\"We counted 312 boats in the harbour this morning,\" said harbour master Lena Vogt.")
        #expect(amount(r, "312 boats")?.source == "Lena Vogt")
    }
}
