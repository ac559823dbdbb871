import Foundation
import Zlib

/// Why the bytes under a WARC file could not be read.
enum SourceError: Error {
    case unreadable(reason: String)
    case gzip(ZlibError)
}

/// Decompressed bytes of a WARC file, a piece at a time.
protocol ChunkSource {
    /// The next piece, or nil at the end. `wanted` is how many more bytes the reader needs.
    mutating func nextChunk(wanted: Int) throws(SourceError) -> SourceChunk?
}

/// A piece of the decompressed stream and where it came from in the file.
struct SourceChunk {
    var bytes: Data
    var fileOffset: Int
    /// True for a gzip member, whose inside cannot be addressed in the file; false for plain
    /// bytes, which map one to one onto file offsets.
    var isMember: Bool
}

/// An uncompressed .warc file.
struct PlainChunks: ChunkSource {
    static let readSize = 256 << 10
    static let largestRead = 64 << 20
    let file: FileHandle
    var offset = 0

    mutating func nextChunk(wanted: Int) throws(SourceError) -> SourceChunk? {
        let data: Data?
        do { data = try file.read(upToCount: min(max(wanted, Self.readSize), Self.largestRead)) } catch {
            throw .unreadable(reason: error.localizedDescription)
        }
        guard let data, !data.isEmpty else { return nil }
        defer { offset += data.count }
        return SourceChunk(bytes: data, fileOffset: offset, isMember: false)
    }
}

/// A .warc.gz file: one member at a time.
struct GzipChunks: ChunkSource {
    var members: GzipMemberReader

    mutating func nextChunk(wanted: Int) throws(SourceError) -> SourceChunk? {
        do {
            guard let member = try members.next() else { return nil }
            return SourceChunk(bytes: member.data, fileOffset: member.compressedRange.lowerBound, isMember: true)
        } catch {
            throw .gzip(error)
        }
    }
}

/// The decompressed stream with a look-ahead buffer, which can say where in the file a
/// stream position lies (for error messages and record offsets).
struct RecordInput {
    private var source: any ChunkSource
    private var buffer = Data()
    private var cursor = 0
    /// Stream position of `buffer`'s first byte.
    private var bufferPosition = 0
    /// Where each chunk still in the buffer starts, in the stream and in the file.
    private var chunkStarts: [(position: Int, fileOffset: Int, isMember: Bool)] = []

    init(source: any ChunkSource) {
        self.source = source
    }

    /// Stream position of the next unread byte.
    var position: Int { bufferPosition + cursor }
    var available: Int { buffer.count - cursor }

    /// The file offset of stream position `position`: inside plain bytes exact, inside a gzip
    /// member the member's start.
    func fileOffset(of position: Int) -> Int {
        guard let start = chunkStarts.last(where: { $0.position <= position }) else { return position }
        return start.isMember ? start.fileOffset : start.fileOffset + (position - start.position)
    }

    /// Buffers at least `count` bytes; false if the stream ends first.
    mutating func ensure(_ count: Int) throws(SourceError) -> Bool {
        while available < count {
            guard let chunk = try source.nextChunk(wanted: count - available) else { return false }
            chunkStarts.append((bufferPosition + buffer.count, chunk.fileOffset, chunk.isMember))
            buffer.append(chunk.bytes)
        }
        return true
    }

    /// The next `count` bytes without consuming them (fewer at the end of the stream).
    func peek(_ count: Int) -> Data {
        let start = buffer.startIndex + cursor
        return buffer.subdata(in: start..<start + min(count, available))
    }

    /// Consumes and returns `count` bytes; nil if the stream ends first (nothing is consumed).
    mutating func read(_ count: Int) throws(SourceError) -> Data? {
        guard try ensure(count) else { return nil }
        defer { cursor += count }
        return peek(count)
    }

    /// The bytes up to `terminator` (excluded, but consumed), searched within `limit` bytes;
    /// nil if the stream ends or the limit passes first.
    mutating func read(upTo terminator: Data, limit: Int) throws(SourceError) -> Data? {
        var searched = 0
        while true {
            let window = buffer.startIndex + cursor + max(0, searched - terminator.count)
            if let found = buffer.range(of: terminator, in: window..<buffer.endIndex) {
                let head = buffer.subdata(in: buffer.startIndex + cursor..<found.lowerBound)
                cursor = found.upperBound - buffer.startIndex
                return head
            }
            searched = available
            guard searched < limit, try ensure(available + 1) else { return nil }
        }
    }

    /// Drops the bytes already read, so the buffer holds little more than one record.
    mutating func discardConsumed() {
        guard cursor > 0 else { return }
        buffer = buffer.subdata(in: buffer.startIndex + cursor..<buffer.endIndex)
        bufferPosition += cursor
        cursor = 0
        if let keep = chunkStarts.lastIndex(where: { $0.position <= bufferPosition }) {
            chunkStarts.removeFirst(keep)
        }
    }
}
