import CZlib
import Foundation

/// Output is produced in pieces of this size.
let outputChunkSize = 64 << 10

/// Compresses one buffer into one gzip member.
enum Deflater {
    /// gzip framing: 15 bits of window plus 16 selects the gzip header and trailer.
    static let gzipWindowBits: Int32 = 15 + 16

    static func gzipMember(_ data: Data, level: Int32) -> Data {
        precondition((-1...9).contains(level), "gzip level must be -1 (default) or 0...9, got \(level)")
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        let status = deflateInit2_(stream, level, Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed: \(ZlibError.message(of: stream, code: status))")
        return deflateAll(data, stream: stream)
    }

    /// Feeds all of `data` and finishes the stream, collecting the output (zpipe.c's loop:
    /// each piece of input is consumed once deflate leaves output space unused).
    private static func deflateAll(_ data: Data, stream: UnsafeMutablePointer<z_stream>) -> Data {
        var output = Data()
        var scratch = [UInt8](repeating: 0, count: outputChunkSize)
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            let base = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
            var consumed = 0
            var flush = Z_NO_FLUSH
            repeat {
                let piece = min(input.count - consumed, Int(UInt32.max))
                flush = consumed + piece == input.count ? Z_FINISH : Z_NO_FLUSH
                stream.pointee.next_in = base.map { UnsafeMutablePointer(mutating: $0 + consumed) }
                stream.pointee.avail_in = uInt(piece)
                repeat {
                    scratch.withUnsafeMutableBufferPointer { out in
                        stream.pointee.next_out = out.baseAddress
                        stream.pointee.avail_out = uInt(out.count)
                        let status = deflate(stream, flush)
                        precondition(status != Z_STREAM_ERROR, "deflate stream state corrupted")
                        output.append(out.baseAddress!, count: out.count - Int(stream.pointee.avail_out))
                    }
                } while stream.pointee.avail_out == 0
                consumed += piece
            } while flush != Z_FINISH
        }
        return output
    }
}
