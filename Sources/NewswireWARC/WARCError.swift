import Zlib

/// Why a WARC file could not be written or read. Reading errors name the file, the record
/// (counting from 1) and the byte offset where that record starts (its gzip member's start
/// in a .warc.gz), so the damage can be found with `dd` or `tail -c`.
public enum WARCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file-system call failed.
    case fileSystem(path: String, operation: String, reason: String)
    /// `write` was called after `close`.
    case writerClosed
    /// A header the writer was given would break the record format.
    case invalidField(name: String, reason: String)
    /// The file does not start with a WARC record (or a gzip member holding one).
    case notWARC(path: String)
    /// The file ends inside a record.
    case truncated(path: String, record: Int, offset: Int, detail: String)
    /// A record's header or framing is not valid WARC.
    case malformedRecord(path: String, record: Int, offset: Int, detail: String)
    /// A record's block is larger than the reader's limit.
    case recordTooLarge(path: String, record: Int, offset: Int, length: Int, limit: Int)
    /// The gzip layer of a .warc.gz file failed.
    case gzip(path: String, record: Int, ZlibError)
    /// A record cannot be turned back into an HTTP exchange.
    case notHTTPExchange(recordID: String, detail: String)
    /// No WARC file or folder at this path.
    case notFound(path: String)

    public var description: String {
        switch self {
        case .fileSystem(let path, let operation, let reason):
            "\(operation) \(path) failed: \(reason)"
        case .writerClosed:
            "the WARC writer is closed; create a new WARCWriter to write more"
        case .invalidField(let name, let reason):
            "header '\(name)' cannot be archived: \(reason)"
        case .notWARC(let path):
            "\(path) is not a WARC file: it does not start with 'WARC/' (plain or gzip-compressed)"
        case .truncated(let path, let record, let offset, let detail):
            "\(path): record \(record) at byte \(offset) is truncated: \(detail); the file was cut short or is still being written"
        case .malformedRecord(let path, let record, let offset, let detail):
            "\(path): record \(record) at byte \(offset) is malformed: \(detail)"
        case .recordTooLarge(let path, let record, let offset, let length, let limit):
            "\(path): record \(record) at byte \(offset) has a \(length)-byte block, over the limit of \(limit); raise maxRecordBytes if the file is trusted"
        case .gzip(let path, let record, let error):
            "\(path): cannot decompress record \(record): \(error)"
        case .notHTTPExchange(let recordID, let detail):
            "record \(recordID) is not an archived HTTP exchange: \(detail)"
        case .notFound(let path):
            "no WARC file or folder at \(path)"
        }
    }
}
