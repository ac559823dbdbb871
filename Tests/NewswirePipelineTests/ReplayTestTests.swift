import Foundation
import NewswireWire
import Testing
@testable import NewswirePipeline

@Suite struct ReplayTestTests {
    static func message(_ id: String, _ body: [String: Any], created: String = "2026-12-01T10:00:00.000Z") throws -> Message {
        var m = Message(header: Header(id: id, kind: MessageKind.articleExtracted), body: try JSONSerialization.data(withJSONObject: body))
        m.header.created = created
        return m
    }

    @Test func equalMessagesHaveNoDifferenceWhateverTheirTimes() throws {
        let a = try Self.message("a1", ["title": "T", "quotes": [["speaker": "Ana"]]])
        let b = try Self.message("a1", ["title": "T", "quotes": [["speaker": "Ana"]]], created: "2027-01-01T00:00:00.000Z")
        #expect(ReplayTest().compare(expected: [a], got: [b]).isEmpty)
        #expect(ReplayTest(ignore: []).compare(expected: [a], got: [b]).map(\.path) == ["header.created"])
    }

    @Test func aChangedNestedFieldIsNamedByItsPath() throws {
        let a = try Self.message("a1", ["quotes": [["speaker": "Ana", "text": "x"], ["speaker": "Ben", "text": "y"]]])
        let b = try Self.message("a1", ["quotes": [["speaker": "Ana", "text": "x"], ["speaker": "Bea", "text": "y"]]])
        let d = ReplayTest().compare(expected: [a], got: [b])
        #expect(d.map(\.description) == [#"article.extracted a1: body.quotes[1].speaker: expected "Ben", got "Bea""#])
    }

    @Test func missingExtraAndAddedItemsAreDifferences() throws {
        let a = try Self.message("a1", ["amounts": [1, 2], "title": "T"])
        let b = try Self.message("a1", ["amounts": [1, 2, 3], "tone": 0.5])
        let d = ReplayTest().compare(expected: [a], got: [b]).map(\.description)
        #expect(d.contains("article.extracted a1: body.amounts[+2]: not expected, got 3"))
        #expect(d.contains(#"article.extracted a1: body.title: expected "T", missing"#))
        #expect(d.contains("article.extracted a1: body.tone: not expected, got 0.5"))
        let only = ReplayTest().compare(expected: [a], got: [try Self.message("a2", ["title": "T"])]).map(\.path)
        #expect(only == ["(message)", "(message)"])
    }

    @Test func ignoredPathsMatchAnyIndex() throws {
        let a = try Self.message("a1", ["entities": [["name": "A", "mentions": [1]], ["name": "B", "mentions": [2]]]])
        let b = try Self.message("a1", ["entities": [["name": "A", "mentions": [9]], ["name": "B", "mentions": []]]])
        #expect(ReplayTest(ignore: ReplayTest.timeFields + ["body.entities[].mentions"]).compare(expected: [a], got: [b]).isEmpty)
        #expect(ReplayTest().compare(expected: [a], got: [b]).count == 2)
    }

    @Test func numbersCompareByValue() throws {
        let a = try Self.message("a1", ["value": 214])
        let b = try Self.message("a1", ["value": 214.0])
        #expect(ReplayTest().compare(expected: [a], got: [b]).isEmpty)
    }

    @Test func oneItemLostIsOneDifferenceNotAShiftOfEveryLaterItem() throws {
        let quotes = (0..<6).map { ["speaker": "S\($0)", "text": "q\($0)"] }
        let a = try Self.message("a1", ["quotes": quotes])
        var fewer = quotes
        fewer.remove(at: 1)
        let d = ReplayTest().compare(expected: [a], got: [try Self.message("a1", ["quotes": fewer])])
        #expect(d.count == 1)
        #expect(d.first?.path == "body.quotes[1]")
        #expect(d.first?.got == nil)
        var more = quotes
        more.insert(["speaker": "New", "text": "n"], at: 2)
        let e = ReplayTest().compare(expected: [a], got: [try Self.message("a1", ["quotes": more])])
        #expect(e.map(\.description) == [#"article.extracted a1: body.quotes[+2]: not expected, got {"speaker":"New","text":"n"}"#])
    }
}
