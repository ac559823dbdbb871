import Foundation
import Testing
@testable import NewswireWARC

@Suite struct RoundTripTests {
    /// The exchange the archive gives back: the same, except the rewritten response headers.
    func expectedBack(_ exchange: HTTPExchange) -> HTTPExchange {
        var expected = exchange
        expected.responseHeaders = archivedHeaders(exchange.responseHeaders, bodyLength: exchange.body.count)
        return expected
    }

    func variedExchanges() -> [HTTPExchange] {
        var list = (0..<30).map { sampleExchange($0) }
        list.append(sampleExchange(100, body: Data()))
        list.append(sampleExchange(101, body: Data.random(count: 4_000, seed: 5)))
        list.append(sampleExchange(102, body: Data([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0xff, 0x57, 0x41, 0x52, 0x43, 0x2f])))
        list.append(sampleExchange(103, body: Data.random(count: 3 << 20, seed: 9)))
        var post = sampleExchange(104)
        post.method = "POST"
        post.status = 404
        post.reason = "Not Found Here"
        post.responseHeaders = [("Transfer-Encoding", "chunked"), ("X-Weird", "caf\u{e9} \u{1F4F0}")]
        list.append(post)
        var encodedURL = sampleExchange(105)
        encodedURL.url = "https://news.example.org/caf%C3%A9/%E2%82%AC?q=%C3%BC#top"
        list.append(encodedURL)
        return list
    }

    @Test(arguments: [true, false])
    func exchangesComeBackExactly(gzip: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sent = variedExchanges()
        let writer = try WARCWriter(directory: folder.path, gzip: gzip, software: "Newswire tests")
        for exchange in sent { try writer.write(exchange) }
        try writer.close()
        #expect(writer.finishedFiles.count == 1)
        let back = try exchanges(in: readAll(writer.finishedFiles[0]))
        #expect(back.count == sent.count)
        for (got, exchange) in zip(back, sent) {
            #expect(got == expectedBack(exchange), "\(exchange.url)")
        }
    }

    @Test func nonASCIIURLBytesArePercentEncoded() throws {
        var exchange = sampleExchange(1)
        exchange.url = "https://news.example.org/café/€ x?q=ü"
        let (request, response) = try exchange.warcRecords()
        let encoded = "https://news.example.org/caf%C3%A9/%E2%82%AC%20x?q=%C3%BC"
        #expect(response.targetURI == encoded)
        #expect(request.targetURI == encoded)
        #expect(String(decoding: request.block, as: UTF8.self).hasPrefix("GET /caf%C3%A9/%E2%82%AC%20x?q=%C3%BC HTTP/1.1\r\n"))
        #expect(try HTTPExchange(response: response, request: request).url == encoded)
    }

    @Test func responseRecordFollowsTheSpec() throws {
        let exchange = sampleExchange(2)
        let (request, response) = try exchange.warcRecords()
        #expect(response.type == .response && request.type == .request)
        #expect(response.contentType == "application/http;msgtype=response")
        #expect(request.contentType == "application/http;msgtype=request")
        #expect(response.concurrentTo == [request.recordID!])
        #expect(request.concurrentTo == [response.recordID!])
        #expect(response.recordID!.hasPrefix("<urn:uuid:") && response.recordID!.hasSuffix(">"))
        #expect(response.headers["WARC-Date"] == "2026-12-03T12:15:22.623456Z")
        #expect(response.headers["Content-Length"] == String(response.block.count))
        #expect(response.ipAddress == "192.0.2.2")
        let text = String(decoding: response.block, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nX-Newswire-Original-Content-Encoding: gzip\r\nContent-Length: \(exchange.body.count)\r\n"))
        #expect(!text.lowercased().contains("\r\ncontent-encoding:"))
    }

    @Test func unsafeHeadersAreRefused() {
        var exchange = sampleExchange(3)
        exchange.responseHeaders = [("X-Evil", "a\r\nWARC-Type: resource")]
        #expect(throws: WARCError.invalidField(name: "X-Evil", reason: "contains CR, LF or NUL")) { try exchange.warcRecords() }
        exchange = sampleExchange(3)
        exchange.method = "GET /"
        #expect(throws: WARCError.self) { try exchange.warcRecords() }
    }

    @Test func datesKeepMicroseconds() {
        let date = Date(timeIntervalSince1970: 1_796_299_200.123456)
        #expect(WARCDate.string(from: date) == "2026-12-03T12:00:00.123456Z")
        #expect(WARCDate.date(from: "2026-12-03T12:00:00.123456Z") == date)
        #expect(WARCDate.date(from: "2026-12-03T12:00:00Z") == Date(timeIntervalSince1970: 1_796_299_200))
        #expect(WARCDate.date(from: "2026-12-03T12:00:00.5Z") == Date(timeIntervalSince1970: 1_796_299_200.5))
        #expect(WARCDate.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000Z")
        #expect(WARCDate.date(from: "2026-12-03 12:00:00Z") == nil)
        #expect(WARCDate.date(from: "2026-12-03T12:00:00.Z") == nil)
    }

    @Test func recordInitCompletesMandatoryFields() {
        let record = WARCRecord(type: .metadata, headers: WARCFields([("Content-Length", "999"), ("X-Note", "n")]),
                                block: Data("abc".utf8))
        #expect(record.headers.fields.first == WARCFields.Field(name: "WARC-Type", value: "metadata"))
        #expect(record.headers.values("Content-Length") == ["3"])
        #expect(record.recordID != nil && record.date != nil)
        #expect(record.headers["x-note"] == "n")
    }
}
