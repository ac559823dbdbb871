import Foundation
import Zlib

/// Reads the records of a .warc or .warc.gz file (plain or multi-member gzip, told apart by
/// the first bytes) one at a time, holding only the current record in memory.
///
/// Copies share the file position; keep one owner.
public struct WARCReader {
    public let path: String
    /// Blocks larger than this are refused, so a corrupt Content-Length cannot exhaust memory.
    public let maxRecordBytes: Int
    /// Records returned so far.
    public private(set) var recordsRead = 0
    /// File offset of the record `next` returned last (its gzip member's start in a .warc.gz),
    /// as a CDX index records it.
    public private(set) var lastRecordOffset = 0

    private var input: RecordInput
    /// A record header larger than this is taken for garbage.
    private static let maxHeaderBytes = 1 << 20
    private static let headerEnd = Data("\r\n\r\n".utf8)
    private static let recordEnd = Data("\r\n\r\n".utf8)

    public init(path: String, maxRecordBytes: Int = 1 << 30) throws(WARCError) {
        self.path = path
        self.maxRecordBytes = maxRecordBytes
        input = RecordInput(source: try Self.source(path: path, memberLimit: maxRecordBytes + Self.maxHeaderBytes))
    }

    /// The next record, or nil at the end of the file.
    public mutating func next() throws(WARCError) -> WARCRecord? {
        input.discardConsumed()
        let start = input.position
        guard try guarded(record: recordsRead + 1, { (input: inout RecordInput) throws(SourceError) in try input.ensure(1) })
        else { return nil }
        let place = RecordPlace(path: path, record: recordsRead + 1, offset: input.fileOffset(of: start))
        try checkVersionLine(place)
        let head = try readHead(place)
        let (type, fields, length) = try WARCHeadParser.parse(head, at: place, maxRecordBytes: maxRecordBytes)
        let block = try readBlock(length, place)
        try readRecordEnd(place, length: length)
        recordsRead += 1
        lastRecordOffset = place.offset
        return WARCRecord(checkedType: type, headers: fields, block: block)
    }

    private static func source(path: String, memberLimit: Int) throws(WARCError) -> any ChunkSource {
        let file: FileHandle
        do { file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw FileManager.default.fileExists(atPath: path)
                ? .fileSystem(path: path, operation: "open", reason: error.localizedDescription)
                : .notFound(path: path)
        }
        let magic: Data?
        do { magic = try file.read(upToCount: 2); try file.seek(toOffset: 0) } catch {
            throw .fileSystem(path: path, operation: "read", reason: error.localizedDescription)
        }
        guard let magic, Gzip.isGzip(magic) else { return PlainChunks(file: file) }
        do { return GzipChunks(members: try GzipMemberReader(path: path, memberLimit: memberLimit)) } catch {
            throw .fileSystem(path: path, operation: "open", reason: error.description)
        }
    }

    /// Every record starts with `WARC/`; for the first record that tells a WARC file from anything else.
    private mutating func checkVersionLine(_ place: RecordPlace) throws(WARCError) {
        let prefix = Data("WARC/".utf8)
        let complete = try guarded(record: place.record, { (input: inout RecordInput) throws(SourceError) in try input.ensure(prefix.count) })
        guard input.peek(prefix.count) == prefix else {
            if place.record == 1 { throw .notWARC(path: path) }
            if !complete { throw place.truncated("the file ends after \(input.available) bytes of a record") }
            throw place.malformed("it does not start with 'WARC/' (is the previous record's Content-Length wrong?)")
        }
    }

    private mutating func readHead(_ place: RecordPlace) throws(WARCError) -> Data {
        let found = try guarded(record: place.record) { (input: inout RecordInput) throws(SourceError) in
            try input.read(upTo: Self.headerEnd, limit: Self.maxHeaderBytes)
        }
        guard let head = found else {
            if input.available >= Self.maxHeaderBytes { throw place.malformed("no end of header within \(Self.maxHeaderBytes) bytes") }
            throw place.truncated("the file ends inside the record header")
        }
        return head
    }

    private mutating func readBlock(_ length: Int, _ place: RecordPlace) throws(WARCError) -> Data {
        let found = try guarded(record: place.record) { (input: inout RecordInput) throws(SourceError) in try input.read(length) }
        guard let block = found else {
            throw place.truncated("Content-Length is \(length) but only \(input.available) bytes of block remain")
        }
        return block
    }

    private mutating func readRecordEnd(_ place: RecordPlace, length: Int) throws(WARCError) {
        let found = try guarded(record: place.record) { (input: inout RecordInput) throws(SourceError) in try input.read(Self.recordEnd.count) }
        guard let end = found else { throw place.truncated("the file ends before the CRLF CRLF that closes the record") }
        guard end == Self.recordEnd else {
            throw place.malformed("the \(length)-byte block is not followed by CRLF CRLF (is Content-Length wrong?)")
        }
    }

    /// Runs a read on the input, turning source failures into errors that name the record.
    private mutating func guarded<T>(record: Int, _ read: (inout RecordInput) throws(SourceError) -> T) throws(WARCError) -> T {
        do { return try read(&input) } catch {
            switch error {
            case .unreadable(let reason): throw .fileSystem(path: path, operation: "read", reason: reason)
            case .gzip(let zlib): throw .gzip(path: path, record: record, zlib)
            }
        }
    }
}

/// Where a record lies, for error messages.
struct RecordPlace {
    var path: String
    /// Counting from 1.
    var record: Int
    var offset: Int

    func truncated(_ detail: String) -> WARCError {
        .truncated(path: path, record: record, offset: offset, detail: detail)
    }

    func malformed(_ detail: String) -> WARCError {
        .malformedRecord(path: path, record: record, offset: offset, detail: detail)
    }
}

/// The named fields of a record header and the rules they must meet.
enum WARCHeadParser {
    static func parse(_ head: Data, at place: RecordPlace, maxRecordBytes: Int) throws(WARCError)
        -> (WARCRecordType, WARCFields, Int) {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let fields = try self.fields(lines.dropFirst(), place)
        let type = try recordType(fields, place)
        let length = try contentLength(fields, place)
        guard length <= maxRecordBytes else {
            throw .recordTooLarge(path: place.path, record: place.record, offset: place.offset, length: length, limit: maxRecordBytes)
        }
        return (type, fields, length)
    }

    /// `Name: value` lines; a line starting with a space or tab continues the previous value.
    private static func fields(_ lines: ArraySlice<String>, _ place: RecordPlace) throws(WARCError) -> WARCFields {
        var pairs: [(String, String)] = []
        for line in lines {
            if line.first == " " || line.first == "\t", !pairs.isEmpty {
                pairs[pairs.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw place.malformed("header line '\(line.prefix(80))' has no 'Name:'")
            }
            pairs.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return WARCFields(pairs)
    }

    private static func recordType(_ fields: WARCFields, _ place: RecordPlace) throws(WARCError) -> WARCRecordType {
        guard let name = fields["WARC-Type"] else { throw place.malformed("it has no WARC-Type") }
        guard let type = WARCRecordType(rawValue: name) else { throw place.malformed("unknown WARC-Type '\(name)'") }
        return type
    }

    private static func contentLength(_ fields: WARCFields, _ place: RecordPlace) throws(WARCError) -> Int {
        guard let text = fields["Content-Length"] else { throw place.malformed("it has no Content-Length") }
        guard let length = Int(text), length >= 0 else { throw place.malformed("Content-Length '\(text)' is not a byte count") }
        return length
    }
}
