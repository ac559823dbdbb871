import CZlib
import Foundation

/// gzip (RFC 1952) as WARC files use it: one member per record, files as concatenated members.
public enum Gzip {
    /// One gzip member holding `data`, at zlib `level` (0 = store, 9 = smallest, -1 = zlib's default).
    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        Deflater.gzipMember(data, level: level)
    }

    /// The contents of all concatenated members (multi-member files such as .warc.gz),
    /// refusing to produce more than `limit` bytes so a gzip bomb is an error, not an out-of-memory.
    public static func decompress(_ data: Data, limit: Int) throws(ZlibError) -> Data {
        guard isGzip(data) else { throw .notGzip(offset: 0) }
        var reader = GzipMemberReader(data: data, memberLimit: limit)
        var output = Data()
        while let member = try reader.next(room: limit - output.count, reportedLimit: limit) {
            output.append(member.data)
        }
        return output
    }

    /// True when `data` starts with the gzip magic bytes 1f 8b.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }
}

/// One decompressed gzip member and where its compressed bytes lie in the input.
public struct GzipMember: Sendable, Equatable {
    public var data: Data
    /// Byte range of the member in the compressed input (what a WARC index records as offset and length).
    public var compressedRange: Range<Int>

    public init(data: Data, compressedRange: Range<Int>) {
        self.data = data
        self.compressedRange = compressedRange
    }
}

/// Reads a gzip stream one member at a time from a file or `Data`, so a reader can map WARC
/// records to members and never holds more than one member in memory.
///
/// Copies share the underlying file position; keep one owner.
public struct GzipMemberReader {
    /// gzip framing for `inflateInit2`: 15 bits of window plus 16.
    private static let gzipWindowBits: Int32 = 15 + 16

    private var input: CompressedInput
    /// The most bytes one member may decompress to.
    public var memberLimit: Int

    public init(data: Data, memberLimit: Int) {
        input = CompressedInput(data: data)
        self.memberLimit = memberLimit
    }

    public init(path: String, memberLimit: Int) throws(ZlibError) {
        input = try CompressedInput(path: path)
        self.memberLimit = memberLimit
    }

    /// Offset in the compressed input where the next member starts.
    public var offset: Int { input.offset }

    /// The next member, or nil at the end of the input.
    public mutating func next() throws(ZlibError) -> GzipMember? {
        try next(room: memberLimit, reportedLimit: memberLimit)
    }

    mutating func next(room: Int, reportedLimit: Int) throws(ZlibError) -> GzipMember? {
        guard try input.ensure(1) else { return nil }
        let start = input.offset
        guard try input.ensure(2), input.startsWithGzipMagic else { throw .notGzip(offset: start) }
        let data = try inflateMember(startingAt: start, room: room, reportedLimit: reportedLimit)
        return GzipMember(data: data, compressedRange: start..<input.offset)
    }

    private mutating func inflateMember(startingAt start: Int, room: Int, reportedLimit: Int) throws(ZlibError) -> Data {
        let inflater = try Inflater(windowBits: Self.gzipWindowBits)
        var output = Data()
        while true {
            if input.available == 0, try !input.refill() { throw .truncated(memberOffset: start) }
            let available = input.available
            switch input.withAvailable({ inflater.inflate($0, into: &output, room: room) }) {
            case .needsInput:
                input.consume(available)
            case .finished(let consumed):
                input.consume(consumed)
                return output
            case .overLimit:
                throw .limitExceeded(limit: reportedLimit, memberOffset: start)
            case .failed(let code, let message):
                throw Self.error(code: code, message: message, memberOffset: start)
            }
        }
    }

    private static func error(code: Int32, message: String, memberOffset: Int) -> ZlibError {
        switch code {
        case Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR: .corrupt(memberOffset: memberOffset, message: message)
        default: .library(operation: "inflate", code: code, message: message)
        }
    }
}
