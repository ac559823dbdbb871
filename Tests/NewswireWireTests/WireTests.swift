import Foundation
import NewswireWire
import Testing

@Suite struct MessageTests {
    let fetched = ArticleFetched(id: "a1", url: "https://example.com/a", fetchedAt: "2026-11-20T10:00:00.000Z",
                                 status: 200, contentType: "text/html", byteCount: 3)

    @Test func framesRoundTrip() throws {
        let m = try Message(id: "a1", body: fetched, raw: Data("abc".utf8))
        let frames = m.frames()
        #expect(frames.count == 3)
        let back = try Message(frames: frames)
        #expect(back == m)
        #expect(try back.decode(ArticleFetched.self) == fetched)
    }

    @Test func headerHasTheWireFields() throws {
        let m = try Message(id: "a1", body: fetched)
        let header = try #require(try JSONSerialization.jsonObject(with: m.frames()[0]) as? [String: Any])
        #expect(Set(header.keys) == ["v", "id", "kind", "created", "trace"])
        #expect(header["v"] as? Int == 1)
    }

    @Test func rejectsWrongFrameCounts() {
        #expect(throws: WireError.wrongFrameCount(1)) { try Message(frames: [Data("{}".utf8)]) }
        #expect(throws: WireError.wrongFrameCount(4)) { try Message(frames: Array(repeating: Data(), count: 4)) }
    }

    @Test func rejectsAHeaderThatIsNotJSON() {
        #expect(throws: WireError.self) { try Message(frames: [Data("not json".utf8), Data("{}".utf8)]) }
    }

    @Test func rejectsAnUnknownVersion() throws {
        let header = Data(#"{"v":9,"id":"x","kind":"article.fetched","created":"2026-01-01T00:00:00Z","trace":[]}"#.utf8)
        #expect(throws: WireError.unsupportedVersion(9)) { try Message(frames: [header, Data("{}".utf8)]) }
    }

    @Test func rejectsABodyThatIsNotAnObject() throws {
        let header = try WireCoding.encoder.encode(Header(id: "x", kind: "article.fetched"))
        #expect(throws: WireError.self) { try Message(frames: [header, Data("[1]".utf8)]) }
    }

    @Test func decodeBodyNamesTheMissingField() throws {
        let m = Message(header: Header(id: "x", kind: MessageKind.articleFetched), body: Data(#"{"id":"x"}"#.utf8))
        let error = #expect(throws: WireError.self) { try m.decode(ArticleFetched.self) }
        #expect(error?.description.contains("missing field") == true)
    }

    @Test func decodeBodyChecksTheKind() throws {
        let m = try Message(id: "a1", body: fetched)
        #expect(throws: WireError.unexpectedKind(expected: MessageKind.articleNormalized, got: MessageKind.articleFetched)) {
            try m.decode(ArticleNormalized.self)
        }
    }
}

@Suite struct JSONLinesTests {
    @Test func lineRoundTripKeepsRawBytes() throws {
        let body = ArticleFetched(id: "a1", url: "file:///x.html", fetchedAt: "2026-11-20T10:00:00.000Z",
                                  status: 200, contentType: "text/html", byteCount: 4)
        let m = try Message(id: "a1", body: body, raw: Data([0, 0xFF, 10, 13]))
        let line = try JSONLines.line(for: m)
        #expect(!line.contains(10))
        let back = try JSONLines.message(from: line)
        #expect(back.raw == m.raw)
        #expect(try back.decode(ArticleFetched.self) == body)
    }

    @Test func explainsBadLines() {
        #expect(throws: WireError.invalidLine(reason: "not valid JSON")) { try JSONLines.message(from: Data("{oops".utf8)) }
        #expect(throws: WireError.invalidLine(reason: "missing 'header' object")) { try JSONLines.message(from: Data(#"{"body":{}}"#.utf8)) }
    }

    @Test func splitsLinesAndSkipsBlankOnes() {
        #expect(JSONLines.lines(in: Data("a\n\n  \nb\n".utf8)).count == 2)
    }
}

@Suite struct ArticleTests {
    @Test func extractedFlattensTheArticleFields() throws {
        let a = ArticleNormalized(id: "a1", url: "u", text: "Hi.", paragraphs: ["Hi."], contentHash: "h", fingerprint: "0")
        let e = ArticleExtracted(article: a, entities: [Entity(name: "Ana", type: .person, mentions: [Mention(text: "Ana", start: 0, end: 3)])])
        let json = try #require(try JSONSerialization.jsonObject(with: WireCoding.encoder.encode(e)) as? [String: Any])
        #expect(json["text"] as? String == "Hi.")
        #expect(json["title"] is NSNull)
        #expect((json["entities"] as? [Any])?.count == 1)
        #expect(try WireCoding.decoder.decode(ArticleExtracted.self, from: WireCoding.encoder.encode(e)) == e)
    }

    @Test func canonicalURLDropsTrackingAndFragments() {
        #expect(ArticleID.canonicalURL("HTTPS://Example.COM:443/news/?utm_source=x&b=2&a=1#top")
                == "https://example.com/news?a=1&b=2")
        #expect(ArticleID.forURL("https://example.com/a?utm_medium=y") == ArticleID.forURL("https://example.com/a"))
        #expect(ArticleID.forURL("https://example.com/a") != ArticleID.forURL("https://example.com/b"))
    }

    @Test func sha256IsStandard() {
        #expect(ArticleID.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite struct SchemaTests {
    let validator = SchemaValidator()

    func check<T: Encodable>(_ value: T, kind: MessageKind) throws -> [String] {
        let schema = try #require(try Schemas.schema(for: kind))
        return validator.violations(of: try JSONSerialization.jsonObject(with: WireCoding.encoder.encode(value)), against: schema)
    }

    static let article = ArticleNormalized(id: "a1", url: "https://x.test/a", title: "T", text: "A.\n\nB.",
                                           paragraphs: ["A.", "B."], contentHash: "h", fingerprint: "00ff00ff00ff00ff")

    @Test func everyKindHasASchema() throws {
        for kind in MessageKind.all + ["header"] { #expect(Schemas.url(for: kind) != nil, "no schema for \(kind)") }
    }

    @Test func emittedBodiesConformToTheirSchemas() throws {
        let fetched = ArticleFetched(id: "a1", url: "u", fetchedAt: "2026-11-20T10:00:00.000Z", status: 200, contentType: nil, byteCount: 1)
        #expect(try check(fetched, kind: MessageKind.articleFetched) == [])
        #expect(try check(Self.article, kind: MessageKind.articleNormalized) == [])
        let extracted = ArticleExtracted(
            article: Self.article,
            entities: [Entity(name: "Ana Ruiz", type: .person, mentions: [Mention(text: "Ana Ruiz", start: 0, end: 8)], roles: ["Interior Minister"]),
                       Entity(name: "Lisbon", type: .location, mentions: [], geo: GeoPoint(latitude: 38.7, longitude: -9.1, countryCode: "PT"))],
            quotes: [Quote(text: "We will not", speaker: "Ana Ruiz", verb: "said", kind: .direct, start: 0, end: 3)],
            amounts: [Amount(text: "3.5 million euros", value: 3_500_000, unit: "EUR", approximate: true,
                             renderings: [AmountRendering(value: 3_800_000, unit: "USD")], start: 0, end: 5)],
            dates: [DateMention(text: "Tuesday", value: "2026-11-17", start: 0, end: 7)],
            claims: [Claim(source: "police", text: "214 detained", start: 0, end: 3)], tone: -0.2)
        #expect(try check(extracted, kind: MessageKind.articleExtracted) == [])
        let story = StoryUpdated(storyId: "s1", title: "T", updatedAt: "2026-11-20T10:00:00.000Z",
                                 articles: [.init(id: "a1", url: "u", title: nil, siteName: nil, publishedAt: nil)],
                                 claims: [.init(articleId: "a1", source: "police", text: "214", value: 214, unit: nil, object: "protesters")])
        #expect(try check(story, kind: MessageKind.storyUpdated) == [])
        #expect(try check(Header(id: "a1", kind: "article.fetched"), kind: "header") == [])
    }

    /// What the encoders write, each key at every depth, is what the schemas require: a field
    /// added to a body without its schema (or dropped from one) fails here.
    @Test func requiredListsNameEveryKeyTheEncodersWrite() throws {
        func mismatches(_ value: Any, _ schema: [String: Any], _ path: String) -> [String] {
            var out: [String] = []
            if let object = value as? [String: Any], let properties = schema["properties"] as? [String: Any] {
                let required = Set(schema["required"] as? [String] ?? [])
                for key in object.keys.sorted() where !required.contains(key) { out.append("\(path).\(key) written but not required") }
                for key in required.sorted() where object[key] == nil { out.append("\(path).\(key) required but not written") }
                for (key, v) in object { if let sub = properties[key] as? [String: Any] { out += mismatches(v, sub, "\(path).\(key)") } }
            }
            if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
                for v in array.prefix(1) { out += mismatches(v, items, "\(path)[]") }
            }
            return out
        }
        let extracted = ArticleExtracted(
            article: Self.article,
            entities: [Entity(name: "Lisbon", type: .location, mentions: [Mention(text: "Lisbon", start: 0, end: 6)],
                              geo: GeoPoint(latitude: 38.7, longitude: -9.1, countryCode: "PT"))],
            quotes: [Quote(text: "We will not", speaker: nil, verb: nil, kind: .indirect, start: 0, end: 3)],
            amounts: [Amount(text: "more than 600", value: 600, unit: nil, bound: .lower,
                             renderings: [AmountRendering(value: 600, unit: nil)], start: 0, end: 5)],
            dates: [DateMention(text: "Tuesday", value: nil, start: 0, end: 7)],
            claims: [Claim(source: "police", text: "214 detained", start: 0, end: 3)])
        let bodies: [(String, any Encodable)] = [
            ("article.fetched", ArticleFetched(id: "a1", url: "u", fetchedAt: "t", status: 200, contentType: nil, byteCount: 1)),
            ("article.normalized", Self.article), ("article.extracted", extracted),
            ("story.updated", StoryUpdated(storyId: "s1", title: "T", updatedAt: "t",
                                           articles: [.init(id: "a1", url: "u", title: nil, siteName: nil, publishedAt: nil)],
                                           claims: [.init(articleId: "a1", source: nil, text: "214", value: 214, unit: nil, object: nil)])),
            ("header", Header(id: "a1", kind: .articleFetched, trace: [Header.Hop(stage: "s", replica: "r", in: Date(), out: Date())])),
        ]
        for (kind, body) in bodies {
            let schema = try #require(try Schemas.schema(for: kind))
            let json = try JSONSerialization.jsonObject(with: WireCoding.encoder.encode(body))
            #expect(mismatches(json, schema, kind) == [])
        }
    }

    @Test func everySchemaStatesTheProtocolVersionAsItsMajorVersion() throws {
        for kind in MessageKind.all.map(\.rawValue) + ["header"] {
            let version = try #require(try Schemas.version(of: kind), "\(kind) states no x-newswire-version")
            #expect(version.major == Header.currentVersion, "\(kind)")
        }
    }

    @Test func aMajorVersionThisStageDoesNotSpeakIsRefusedNamingIt() throws {
        var header = Header(id: "a1", kind: .articleFetched)
        header.v = Header.currentVersion + 1
        #expect(throws: WireError.unsupportedVersion(Header.currentVersion + 1)) {
            try Message(frames: [header.jsonData(), Data("{}".utf8)])
        }
        #expect("\(WireError.unsupportedVersion(2))".contains("protocol version 2 is not supported"))
    }

    @Test func validatorCatchesViolations() throws {
        let schema = try #require(try Schemas.schema(for: MessageKind.articleNormalized))
        let bad: [String: Any] = ["id": 5, "url": "u", "text": "t", "paragraphs": ["a", 1]]
        let problems = validator.violations(of: bad, against: schema)
        #expect(problems.contains("$.id: expected string, got integer"))
        #expect(problems.contains("$: missing required 'contentHash'"))
        #expect(problems.contains("$.paragraphs[1]: expected string, got integer"))
    }
}

@Suite struct HeaderEncodingTests {
    @Test func handWrittenHeaderJSONIsWhatTheEncoderWrites() throws {
        var h = Header(id: "a\"1\\\n\u{1}é/", kind: "article.fetched", created: Date(timeIntervalSince1970: 1_700_000_000))
        h.trace = [Header.Hop(stage: "fetch", replica: "r\t1", in: Date(timeIntervalSince1970: 1), out: Date(timeIntervalSince1970: 2)),
                   Header.Hop(stage: "normalize", replica: "2", in: Date(), out: Date())]
        #expect(h.jsonData() == (try WireCoding.encoder.encode(h)))
        #expect(try WireCoding.decoder.decode(Header.self, from: h.jsonData()) == h)
        let empty = Header(id: "", kind: "k")
        #expect(empty.jsonData() == (try WireCoding.encoder.encode(empty)))
    }
}

@Suite struct MonthNameTests {
    @Test func namesAndAbbreviationsInAnyCase() {
        #expect(MonthName.number("November") == 11)
        #expect(MonthName.number("nov") == 11)
        #expect(MonthName.number("NOV.") == 11)
        #expect(MonthName.number("Sept") == 9)
        #expect(MonthName.number("Novem") == 11)
        #expect(MonthName.number("No") == nil)
        #expect(MonthName.number("Monday") == nil)
    }

    @Test func runningTextTakesWordLikeAbbreviationsOnlyWithTheirDot() {
        #expect(MonthName.number("mar", inRunningText: true) == nil, "Mar del Plata")
        #expect(MonthName.number("mar.", inRunningText: true) == 3)
        #expect(MonthName.number("jun", inRunningText: true) == nil)
        #expect(MonthName.number("dec", inRunningText: true) == 12)
        #expect(MonthName.number("may", inRunningText: true) == 5)
        #expect(MonthName.number("novem", inRunningText: true) == nil, "not an abbreviation anyone writes")
    }
}
