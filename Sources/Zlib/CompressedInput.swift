import Foundation

/// Compressed bytes from a `Data` or a file, buffered, with the absolute offset of the next
/// unread byte so errors and member ranges can name file positions.
struct CompressedInput {
    /// How much is read from a file at a time.
    static let readSize = 256 << 10

    private let file: FileHandle?
    private let path: String
    private var buffer: Data
    private var cursor = 0
    private var bufferStart = 0

    init(data: Data) {
        file = nil
        path = "<data>"
        buffer = Data(data)
    }

    init(path: String) throws(ZlibError) {
        do { file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        self.path = path
        buffer = Data()
    }

    /// Absolute offset of the next unread byte.
    var offset: Int { bufferStart + cursor }
    var available: Int { buffer.count - cursor }

    /// Reads from the file until `count` bytes are buffered; false if the input ends first.
    mutating func ensure(_ count: Int) throws(ZlibError) -> Bool {
        while available < count {
            guard try refill() else { return false }
        }
        return true
    }

    /// Appends the next piece of the file to the buffer; false at the end of the input.
    mutating func refill() throws(ZlibError) -> Bool {
        guard let file else { return false }
        let chunk: Data?
        do { chunk = try file.read(upToCount: Self.readSize) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let chunk, !chunk.isEmpty else { return false }
        dropConsumed()
        buffer.append(chunk)
        return true
    }

    mutating func consume(_ count: Int) {
        cursor += count
    }

    /// True when the next two bytes are the gzip magic 1f 8b.
    var startsWithGzipMagic: Bool {
        available >= 2 && buffer.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            bytes[cursor] == 0x1f && bytes[cursor + 1] == 0x8b
        }
    }

    /// Calls `body` with the buffered, unread bytes.
    func withAvailable<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        buffer.withUnsafeBytes { all in body(UnsafeRawBufferPointer(rebasing: all[cursor...])) }
    }

    /// Forgets the bytes already consumed, so a file's buffer stays small.
    private mutating func dropConsumed() {
        guard cursor > 0 else { return }
        buffer = buffer.subdata(in: buffer.startIndex + cursor..<buffer.endIndex)
        bufferStart += cursor
        cursor = 0
    }
}
