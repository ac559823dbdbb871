import Foundation
import NewswireWARC

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("warc-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Every record of a file.
func readAll(_ path: String, maxRecordBytes: Int = 1 << 30) throws -> [WARCRecord] {
    var reader = try WARCReader(path: path, maxRecordBytes: maxRecordBytes)
    var records: [WARCRecord] = []
    while let record = try reader.next() { records.append(record) }
    return records
}

/// Exchanges rebuilt from request/response pairs, matched by WARC-Concurrent-To.
func exchanges(in records: [WARCRecord]) throws -> [HTTPExchange] {
    let requests = Dictionary(records.filter { $0.type == .request }.map { ($0.recordID!, $0) }, uniquingKeysWith: { a, _ in a })
    return try records.filter { $0.type == .response }.map { response in
        try HTTPExchange(response: response, request: response.concurrentTo.lazy.compactMap { requests[$0] }.first)
    }
}

/// The response headers the archive is expected to hold for `headers` and a body of `length` bytes.
func archivedHeaders(_ headers: [(String, String)], bodyLength: Int) -> [(String, String)] {
    var result: [(String, String)] = []
    var wroteLength = false
    for (name, value) in headers {
        switch name.lowercased() {
        case "content-encoding": result.append(("X-Newswire-Original-Content-Encoding", value))
        case "transfer-encoding": result.append(("X-Newswire-Original-Transfer-Encoding", value))
        case "content-length" where !wroteLength: result.append((name, String(bodyLength))); wroteLength = true
        case "content-length": continue
        default: result.append((name, value))
        }
    }
    if !wroteLength { result.append(("Content-Length", String(bodyLength))) }
    return result
}

extension Data {
    /// Reproducible pseudo-random bytes (xorshift), incompressible like real binary bodies.
    static func random(count: Int, seed: UInt64) -> Data {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            bytes[i] = UInt8(truncatingIfNeeded: state)
        }
        return Data(bytes)
    }
}

/// A plausible exchange; `n` varies URL, date and body.
func sampleExchange(_ n: Int, body: Data? = nil) -> HTTPExchange {
    HTTPExchange(
        url: "https://news.example.org/story/\(n)?page=\(n % 3)",
        date: Date(timeIntervalSince1970: 1_796_300_000 + Double(n) * 61.25 + 0.123456),
        method: "GET",
        requestHeaders: [("Host", "news.example.org"), ("User-Agent", "Newswire-test/1"), ("Accept", "*/*")],
        status: 200, reason: "OK",
        responseHeaders: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                          ("Content-Length", "17"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
        body: body ?? Data("<html><body>story \(n)</body></html>".utf8),
        ipAddress: n % 2 == 0 ? "192.0.2.\(n % 250)" : nil)
}
