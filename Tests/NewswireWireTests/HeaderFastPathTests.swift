import Foundation
@testable import NewswireWire
import Testing

/// The hand-written header reader and timestamp writer must agree with Foundation's.
@Suite struct HeaderFastPathTests {
    static func projectHeaders() -> [Header] {
        var traced = Header(id: "a1b2c3", kind: MessageKind.articleNormalized, created: Date(timeIntervalSince1970: 1_700_000_000.25))
        traced.trace = [
            Header.Hop(stage: "fetch", replica: "1", in: Date(timeIntervalSince1970: 1_700_000_000.5), out: Date(timeIntervalSince1970: 1_700_000_001)),
            Header.Hop(stage: "normalize", replica: "2", in: Date(), out: Date()),
        ]
        var unicode = Header(id: "é-日本-🙂", kind: "plugin.kind", created: Date())
        unicode.trace = [Header.Hop(stage: "ünï", replica: "r/1", in: Date(), out: Date())]
        return [
            Header(id: "x", kind: MessageKind.articleFetched),
            Header(id: "", kind: ""),
            traced,
            unicode,
            Header(id: "bench-1", kind: "bench.noop", trace: (1...4).map { Header.Hop(stage: "noop", replica: "hop\($0)", in: Date(), out: Date()) }),
        ]
    }

    @Test func fastPathAgreesWithTheDecoderOnTheProjectsHeaders() throws {
        for header in Self.projectHeaders() {
            let data = header.jsonData()
            let fast = try #require(Header.parseCanonical(data), "fast path refused \(String(decoding: data, as: UTF8.self))")
            #expect(fast == (try WireCoding.decoder.decode(Header.self, from: data)))
            #expect(fast == header)
            #expect(try Header(jsonData: data) == header)
        }
    }

    @Test func escapedStringsFallBackToTheDecoder() throws {
        let header = Header(id: "a\"1\\\n\u{1}", kind: "k\tk", trace: [Header.Hop(stage: "s\"", replica: "r", in: Date(), out: Date())])
        let data = header.jsonData()
        #expect(Header.parseCanonical(data) == nil)
        #expect(try Header(jsonData: data) == header)
    }

    @Test func oddButValidHeadersStillParse() throws {
        let created = "2026-01-01T00:00:00.000Z"
        let odd = [
            // another key order, whitespace, an extra key, an escaped slash and a \u escape
            #"{"v":1,"kind":"article.fetched","id":"x\/y\u00e9","created":"2026-01-01T00:00:00.000Z","trace":[]}"#,
            #"  { "created" : "2026-01-01T00:00:00.000Z", "id": "x/yé", "kind": "article.fetched", "trace": [ ], "v": 1 }  "#,
            #"{"created":"2026-01-01T00:00:00.000Z","id":"x/yé","kind":"article.fetched","trace":[],"v":1,"extra":{"a":[1,2]}}"#,
            #"{"created":"2026-01-01T00:00:00.000Z","id":"x/yé","kind":"article.fetched","trace":[],"v":1}"# + "\n",
            #"{"created":"2026-01-01T00:00:00.000Z","id":"x\/y\u00e9","kind":"article.fetched","trace":[],"v":1}"#,
        ]
        for text in odd {
            let header = try Header(jsonData: Data(text.utf8))
            #expect(header == Header(v: 1, id: "x/yé", kind: "article.fetched", created: created, trace: []), "\(text)")
            #expect(header == (try WireCoding.decoder.decode(Header.self, from: Data(text.utf8))))
        }
        let hop = #"{"created":"c","id":"i","kind":"k","trace":[{"stage":"s","replica":"r","out":"o","in":"n"}],"v":1}"#
        #expect(try Header(jsonData: Data(hop.utf8)).trace == [Header.Hop(stage: "s", replica: "r", received: "n", emitted: "o")])
    }

    @Test func whatTheFastPathRefusesTheDecoderDecides() throws {
        let cases = [
            #"{"created":"c","id":"i","kind":"k","trace":[],"v":01}"#,      // leading zero: invalid JSON
            #"{"created":"c","id":"i","kind":"k","trace":[],"v":1.0}"#,     // decodes as 1
            #"{"created":"c","id":"i","kind":"k","trace":[],"v":-1}"#,
            #"{"created":"c","id":"i","kind":"k","trace":[],"v":1e0}"#,
            #"{"created":"c","id":"i","kind":"k","trace":[],"v":99999999999999999999}"#,
            #"{"created":"c","id":"i","kind":"k","trace":[],"v":1}x"#,      // trailing garbage
            #"{"created":"c","id":"i","kind":"k","trace":[{}],"v":1}"#,     // incomplete hop
            #"{"created":"c","id":"i","kind":"k","trace":[],"v":1"#,        // truncated
            #"{"created":"c","id":"i","kind":"k","v":1}"#,                  // missing trace
            #"{"created":null,"id":"i","kind":"k","trace":[],"v":1}"#,
            "",
        ]
        for text in cases {
            let data = Data(text.utf8)
            #expect(Header.parseCanonical(data) == nil, "\(text)")
            let viaDecoder = try? WireCoding.decoder.decode(Header.self, from: data)
            #expect((try? Header(jsonData: data)) == viaDecoder, "\(text)")
        }
        // Invalid UTF-8 inside a string: both refuse.
        var bytes = Array(#"{"created":"c","id":""#.utf8) + [0xC3, 0x28] + Array(#"","kind":"k","trace":[],"v":1}"#.utf8)
        #expect(Header.parseCanonical(Data(bytes)) == nil)
        #expect((try? Header(jsonData: Data(bytes))) == nil)
        bytes = Array(#"{"created":"c","id":"i","kind":"k","trace":[],"v":7}"#.utf8)
        #expect(Header.parseCanonical(Data(bytes))?.v == 7)
        #expect(throws: WireError.unsupportedVersion(7)) { try Message(frames: [Data(bytes), Data("{}".utf8)]) }
    }

    @Test func messageFramesRoundTripThroughTheFastPath() throws {
        for header in Self.projectHeaders() {
            let m = Message(header: header, body: Data(#"{"a":1}"#.utf8))
            #expect(try Message(frames: m.frames()) == m)
        }
    }

    @Test func fastTimestampsMatchFoundation() {
        var rng = SystemRandomNumberGenerator()
        let now = Date().timeIntervalSince1970
        var checked = 0
        for i in 0..<40_000 {
            let t: Double
            switch i % 5 {
            case 0: t = Double.random(in: 0..<4_102_444_800, using: &rng)
            case 1: t = now + Double.random(in: -1e6..<1e6, using: &rng)
            case 2: t = (now * 1000).rounded() / 1000 + Double(Int.random(in: -2000...2000, using: &rng)) * 1e-7
            case 3: t = Double(Int.random(in: 0..<4_102_444_800_000, using: &rng)) / 1000
            default: t = Double(Int.random(in: 0..<4_102_444_800, using: &rng))
            }
            let date = Date(timeIntervalSince1970: t)
            if let fast = Timestamp.fastString(from: date) {
                checked += 1
                #expect(fast == Timestamp.foundationString(from: date), "t=\(t)")
            }
            #expect(Timestamp.string(from: date) == Timestamp.foundationString(from: date), "t=\(t)")
        }
        #expect(checked > 25_000)
        for t in [0, 951_782_400, 4_102_444_799.5, -1, 4_102_444_800, -62_135_596_800] as [Double] {   // edges, leap day 2000
            let date = Date(timeIntervalSince1970: t)
            #expect(Timestamp.string(from: date) == Timestamp.foundationString(from: date), "t=\(t)")
        }
    }
}
