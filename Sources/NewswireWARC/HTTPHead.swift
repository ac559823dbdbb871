import Foundation

/// A malformed HTTP message inside a record block.
struct HTTPFormatError: Error {
    var detail: String
}

/// An HTTP message split into its start line, header fields and the bytes after them.
struct HTTPHead {
    var startLine: String
    var headers: [(String, String)]
    var body: Data

    private static let crlfcrlf = Data("\r\n\r\n".utf8)
    private static let lflf = Data("\n\n".utf8)

    init(block: Data) throws(HTTPFormatError) {
        guard let end = block.range(of: Self.crlfcrlf) ?? block.range(of: Self.lflf) else {
            throw HTTPFormatError(detail: "the HTTP header has no blank line after it")
        }
        let lines = Self.lines(block[block.startIndex..<end.lowerBound])
        guard let first = lines.first, !first.isEmpty else { throw HTTPFormatError(detail: "the HTTP start line is empty") }
        startLine = first
        headers = try Self.fields(lines.dropFirst())
        body = block.subdata(in: end.upperBound..<block.endIndex)
    }

    /// The head split at LF (a CR before it dropped), each line decoded as UTF-8 when valid,
    /// else as ISO 8859-1 (HTTP's historical charset).
    private static func lines(_ head: Data) -> [String] {
        head.split(separator: 0x0a, omittingEmptySubsequences: false).map { line in
            let bytes = line.last == 0x0d ? line.dropLast() : line
            return String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) ?? ""
        }
    }

    /// `Name: value` lines; a line starting with a space or tab continues the previous value.
    private static func fields(_ lines: ArraySlice<String>) throws(HTTPFormatError) -> [(String, String)] {
        var fields: [(String, String)] = []
        for line in lines {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw HTTPFormatError(detail: "header line '\(line)' has no 'Name:'")
            }
            fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }
}

/// `Transfer-Encoding: chunked` bodies (RFC 9112 §7.1), for records written by crawlers
/// that archived the bytes as they came off the wire.
enum ChunkedBody {
    static func decode(_ body: Data) throws(HTTPFormatError) -> Data {
        var decoded = Data()
        var cursor = body.startIndex
        while true {
            guard let line = nextLine(body, from: &cursor) else {
                throw HTTPFormatError(detail: "chunked body ends without its last (zero-size) chunk")
            }
            let size = try chunkSize(line)
            if size == 0 { return decoded }
            guard body.endIndex - cursor >= size else {
                throw HTTPFormatError(detail: "a chunk of \(size) bytes runs past the end of the body")
            }
            decoded.append(body[cursor..<cursor + size])
            cursor += size
            guard let gap = nextLine(body, from: &cursor), gap.isEmpty else {
                throw HTTPFormatError(detail: "a chunk is not followed by CRLF")
            }
        }
    }

    /// The hex size before any `;extension`.
    private static func chunkSize(_ line: String) throws(HTTPFormatError) -> Int {
        let hex = line.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        guard !hex.isEmpty, hex.count <= 15, let size = Int(hex, radix: 16) else {
            throw HTTPFormatError(detail: "bad chunk size line '\(line)'")
        }
        return size
    }

    /// The bytes up to the next LF (without CR LF), moving `cursor` past it.
    private static func nextLine(_ data: Data, from cursor: inout Data.Index) -> String? {
        guard let lf = data[cursor...].firstIndex(of: 0x0a) else { return nil }
        var end = lf
        if end > cursor, data[end - 1] == 0x0d { end -= 1 }
        let line = String(decoding: data[cursor..<end], as: UTF8.self)
        cursor = lf + 1
        return line
    }
}
