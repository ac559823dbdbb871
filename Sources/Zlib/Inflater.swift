import CZlib
import Foundation

/// One zlib inflate stream. The `z_stream` lives on the heap because zlib keeps a pointer
/// back to it and refuses a stream that has moved.
final class Inflater {
    /// What one call to `inflate` achieved.
    enum Step: Equatable {
        /// All given input was used and the member is not complete yet.
        case needsInput
        /// The member ended after `consumed` bytes of the given input.
        case finished(consumed: Int)
        /// The output would grow beyond the room allowed.
        case overLimit
        /// zlib refused the data or failed.
        case failed(code: Int32, message: String)
    }

    private let stream: UnsafeMutablePointer<z_stream>

    /// `windowBits` as zlib defines it: 15 + 16 reads gzip, 15 reads zlib-wrapped data.
    init(windowBits: Int32) throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            let message = ZlibError.message(of: stream, code: status)
            stream.deallocate()
            throw .library(operation: "inflateInit2", code: status, message: message)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates `input`, appending to `output` as long as `output` stays within `room` bytes.
    func inflate(_ input: UnsafeRawBufferPointer, into output: inout Data, room: Int) -> Step {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        var scratch = [UInt8](repeating: 0, count: outputChunkSize)
        while true {
            let (status, produced) = inflateOnce(into: &scratch)
            if output.count + produced > room { return .overLimit }
            output.append(contentsOf: scratch[0..<produced])
            if let step = step(after: status, inputCount: input.count) { return step }
        }
    }

    private func inflateOnce(into scratch: inout [UInt8]) -> (status: Int32, produced: Int) {
        scratch.withUnsafeMutableBufferPointer { out in
            stream.pointee.next_out = out.baseAddress
            stream.pointee.avail_out = uInt(out.count)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            return (status, out.count - Int(stream.pointee.avail_out))
        }
    }

    /// The outcome once zlib returned `status`, or nil when it has more output to give.
    private func step(after status: Int32, inputCount: Int) -> Step? {
        let inputLeft = Int(stream.pointee.avail_in)
        switch status {
        case Z_STREAM_END:
            return .finished(consumed: inputCount - inputLeft)
        case Z_OK:
            return inputLeft == 0 && stream.pointee.avail_out != 0 ? .needsInput : nil
        case Z_BUF_ERROR where inputLeft == 0:
            return .needsInput
        default:
            return .failed(code: status, message: ZlibError.message(of: stream, code: status))
        }
    }
}
