import CZlib

/// Why gzip data could not be read or written, with the byte offset where it went wrong so
/// a damaged file can be inspected or cut at that point.
public enum ZlibError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes at `offset` do not start a gzip member (magic bytes 1f 8b missing).
    case notGzip(offset: Int)
    /// The input ended inside the gzip member that starts at `memberOffset`.
    case truncated(memberOffset: Int)
    /// zlib rejected the member starting at `memberOffset` (bad header, bad data, CRC mismatch).
    case corrupt(memberOffset: Int, message: String)
    /// Decompressing would produce more than `limit` bytes (a gzip bomb or a too-small limit).
    case limitExceeded(limit: Int, memberOffset: Int)
    /// A zlib call failed for a reason other than the data (out of memory, version mismatch).
    case library(operation: String, code: Int32, message: String)
    /// The input file could not be opened or read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notGzip(let offset):
            "no gzip member at byte \(offset) (expected the magic bytes 1f 8b); the input is not gzip or has trailing garbage"
        case .truncated(let offset):
            "the gzip member at byte \(offset) ends early; the file is truncated (was it still being written?)"
        case .corrupt(let offset, let message):
            "the gzip member at byte \(offset) is corrupt: \(message)"
        case .limitExceeded(let limit, let offset):
            "decompressing the gzip member at byte \(offset) would exceed the limit of \(limit) bytes; raise the limit if the data is trusted"
        case .library(let operation, let code, let message):
            "\(operation) failed: \(message) (zlib code \(code))"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }

    /// zlib's message for a stream, or its generic text for the return code.
    static func message(of stream: UnsafeMutablePointer<z_stream>, code: Int32) -> String {
        if let msg = stream.pointee.msg { return String(cString: msg) }
        return String(cString: zError(code))
    }
}
