import Foundation
import NIOCore

/// Accumulates a response body while it streams in, refusing it the moment it passes the cap,
/// so an endless or huge body costs at most `limit` bytes of memory.
struct BodyBuffer: Sendable {
    let limit: Int
    let url: URL
    private(set) var data = Data()

    init(limit: Int, url: URL) {
        self.limit = limit
        self.url = url
    }

    /// Refuses before reading when the server already declares a body over the cap.
    func checkDeclaredLength(_ contentLength: String?) throws(WebError) {
        guard let contentLength, let declared = Int(contentLength.trimmingCharacters(in: .whitespaces)) else { return }
        if declared > limit { throw .tooLarge(url: url, limit: limit) }
    }

    mutating func append(_ chunk: ByteBuffer) throws(WebError) {
        guard data.count + chunk.readableBytes <= limit else { throw .tooLarge(url: url, limit: limit) }
        data.append(contentsOf: chunk.readableBytesView)
    }
}
