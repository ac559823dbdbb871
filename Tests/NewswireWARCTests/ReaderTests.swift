import Foundation
import Testing
import Zlib
@testable import NewswireWARC

@Suite struct ReaderTests {
    /// A response record as another crawler writes it: the body still chunked on the wire.
    static let chunkedWARC = """
        WARC/1.0\r
        WARC-Type: response\r
        WARC-Record-ID: <urn:uuid:11111111-2222-3333-4444-555555555555>\r
        WARC-Date: 2026-12-03T12:00:00Z\r
        WARC-Target-URI: <http://example.com/chunked>\r
        Content-Type: application/http; msgtype=response\r
        Content-Length: 134\r
        \r
        HTTP/1.1 200 OK\r
        Content-Type: text/plain\r
        Transfer-Encoding: chunked\r
        \r
        5;name=value\r
        Hello\r
        8\r
        , chunks\r
        1\r
        !\r
        0\r
        Expires: never\r
        \r
        \r
        \r

        """

    func writeFile(_ folder: TemporaryFolder, _ name: String, _ data: Data) throws -> String {
        let path = folder.file(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A finished file of `count` exchanges and the bytes in it.
    func warcFile(_ folder: TemporaryFolder, gzip: Bool, count: Int = 3) throws -> (String, Data) {
        let writer = try WARCWriter(directory: folder.path, gzip: gzip, software: "reader test")
        for n in 0..<count { try writer.write(sampleExchange(n, body: Data.random(count: 2_000, seed: UInt64(n)))) }
        try writer.close()
        let path = writer.finishedFiles[0]
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func readsAHandWrittenChunkedResponse() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let block = Self.chunkedWARC.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(block.utf8.count - 4 == 134, "the fixture's Content-Length matches its block")
        let path = try writeFile(folder, "chunked.warc", Data(Self.chunkedWARC.utf8))
        let records = try readAll(path)
        #expect(records.count == 1)
        let exchange = try HTTPExchange(response: records[0], request: nil)
        #expect(exchange.body == Data("Hello, chunks!".utf8))
        #expect(exchange.url == "http://example.com/chunked")
        #expect(exchange.status == 200 && exchange.reason == "OK" && exchange.method == "GET")
        #expect(exchange.date == Date(timeIntervalSince1970: 1_796_299_200))
        #expect(exchange.responseHeaders.map(\.0) == ["Content-Type", "Transfer-Encoding"])
    }

    @Test func recordOffsetsAreGzipMemberStarts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (path, bytes) = try warcFile(folder, gzip: true)
        var members = GzipMemberReader(data: bytes, memberLimit: 1 << 20)
        var starts: [Int] = []
        while let member = try members.next() { starts.append(member.compressedRange.lowerBound) }
        var reader = try WARCReader(path: path)
        var offsets: [Int] = []
        while try reader.next() != nil { offsets.append(reader.lastRecordOffset) }
        #expect(offsets == starts)
        #expect(reader.recordsRead == 7)
    }

    @Test func readsSeveralRecordsInOneGzipMember() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (_, plain) = try warcFile(folder, gzip: false)
        let path = try writeFile(folder, "one-member.warc.gz", Gzip.compress(plain))
        #expect(try readAll(path).map(\.type) == [.warcinfo] + Array(repeating: [.request, .response], count: 3).flatMap { $0 })
    }

    @Test func truncatedPlainFileNamesTheRecord() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (intact, bytes) = try warcFile(folder, gzip: false)
        let path = try writeFile(folder, "cut.warc", bytes.dropLast(500))
        let lastStart = bytes.count - (try readAll(intact).last!.serialized().count)
        #expect {
            _ = try readAll(path)
        } throws: { error in
            guard case .truncated(_, 7, let offset, let detail) = error as? WARCError else { return false }
            return offset == lastStart && detail.contains("Content-Length")
        }
    }

    @Test func truncatedGzipFileNamesTheMember() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (_, bytes) = try warcFile(folder, gzip: true)
        var members = GzipMemberReader(data: bytes, memberLimit: 1 << 20)
        var lastStart = 0
        while let member = try members.next() { lastStart = member.compressedRange.lowerBound }
        let path = try writeFile(folder, "cut.warc.gz", bytes.dropLast(100))
        #expect(throws: WARCError.gzip(path: path, record: 7, .truncated(memberOffset: lastStart))) { try readAll(path) }
    }

    @Test func corruptGzipIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var (_, bytes) = try warcFile(folder, gzip: true)
        bytes[bytes.count / 2] ^= 0x55
        bytes[bytes.count / 2 + 1] ^= 0x55
        let path = try writeFile(folder, "bad.warc.gz", bytes)
        #expect {
            _ = try readAll(path)
        } throws: { error in
            guard case .gzip(_, let record, let zlib) = error as? WARCError else { return false }
            if case .corrupt = zlib { return record > 1 }
            return false
        }
    }

    @Test func nonWARCInputIsRecognised() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = try writeFile(folder, "page.warc", Data("<html>not an archive</html>".utf8))
        #expect(throws: WARCError.notWARC(path: text)) { try readAll(text) }
        let gzipped = try writeFile(folder, "page.warc.gz", Gzip.compress(Data("<html>not an archive</html>".utf8)))
        #expect(throws: WARCError.notWARC(path: gzipped)) { try readAll(gzipped) }
        #expect(throws: WARCError.notFound(path: folder.file("none.warc"))) { try WARCReader(path: folder.file("none.warc")) }
    }

    @Test func wrongContentLengthIsMalformed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let wrong = Self.chunkedWARC.replacingOccurrences(of: "Content-Length: 134", with: "Content-Length: 120")
        let path = try writeFile(folder, "wrong.warc", Data(wrong.utf8))
        #expect {
            _ = try readAll(path)
        } throws: { error in
            guard case .malformedRecord(_, 1, 0, let detail) = error as? WARCError else { return false }
            return detail.contains("CRLF CRLF")
        }
        let missing = Self.chunkedWARC.replacingOccurrences(of: "Content-Length: 134\r\n", with: "")
        let noLength = try writeFile(folder, "nolength.warc", Data(missing.utf8))
        #expect(throws: WARCError.malformedRecord(path: noLength, record: 1, offset: 0, detail: "it has no Content-Length")) {
            try readAll(noLength)
        }
    }

    @Test func gzipBombMemberHitsTheLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let header = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: \(8 << 20)\r\n\r\n"
        let bomb = Gzip.compress(Data(header.utf8) + Data(count: 8 << 20) + Data("\r\n\r\n".utf8))
        let path = try writeFile(folder, "bomb.warc.gz", bomb)
        #expect {
            _ = try readAll(path, maxRecordBytes: 1 << 20)
        } throws: { error in
            guard case .gzip(_, 1, .limitExceeded(_, 0)) = error as? WARCError else { return false }
            return true
        }
    }

    @Test func oversizedBlockIsRefusedBeforeReading() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try writeFile(folder, "huge.warc", Data("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 999999999\r\n\r\nabc".utf8))
        #expect(throws: WARCError.recordTooLarge(path: path, record: 1, offset: 0, length: 999_999_999, limit: 1_000)) {
            try readAll(path, maxRecordBytes: 1_000)
        }
    }

    @Test func aResponseIsNeededForAnExchange() throws {
        let (request, _) = try sampleExchange(1).warcRecords()
        #expect {
            try HTTPExchange(response: request, request: nil)
        } throws: { error in
            guard case .notHTTPExchange(_, let detail) = error as? WARCError else { return false }
            return detail.contains("not a response")
        }
    }

    @Test func badChunkingIsReported() throws {
        let block = Data("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n".utf8)
        let record = WARCRecord(type: .response, headers: WARCFields([("WARC-Target-URI", "http://x/"), ("Content-Type", "application/http")]), block: block)
        #expect {
            try HTTPExchange(response: record, request: nil)
        } throws: { error in
            guard case .notHTTPExchange(_, let detail) = error as? WARCError else { return false }
            return detail.contains("bad chunk size")
        }
    }
}
