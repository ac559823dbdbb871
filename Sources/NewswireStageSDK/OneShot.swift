import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NewswireWire

/// The one-shot mode every stage has: JSON Lines in, JSON Lines out, no sockets.
///
/// It runs the very same ``StageProcessor`` as the socket runner, so a golden test of the
/// one-shot output is a test of the stage in the pipeline.
public enum OneShot {
    /// Reads messages from `input` line by line and writes outputs to `output`. Lines that
    /// fail become dead letters in `deadLetters`. Returns the counters.
    @discardableResult
    public static func run(stage: any Stage, replica: String = "once",
                           input: FileHandle = .standardInput, output: FileHandle = .standardOutput,
                           deadLetters: DeadLetterFile) -> Counters {
        let processor = StageProcessor(stage: stage, replica: replica)
        var buffer = Data()
        var pending = Data()
        func flush() {
            if !pending.isEmpty { output.write(pending); pending.removeAll(keepingCapacity: true) }
        }
        func handle(line: Data) {
            guard !line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) else { return }
            let outcome: StageProcessor.Outcome
            do {
                outcome = processor.handle(try JSONLines.message(from: line))
            } catch {
                // An unreadable line still counts and is kept whole in the dead letter.
                outcome = processor.handle(frames: [line])
                if case .deadLetter(let letter, _) = outcome { deadLetters.append(letter) }
                return
            }
            switch outcome {
            case .outputs(let messages):
                for m in messages {
                    if let l = try? JSONLines.line(for: m) { pending.append(l); pending.append(10) }
                }
                if pending.count > 1 << 20 { flush() }
            case .deadLetter(let letter, _):
                deadLetters.append(letter)
            }
        }
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            // Split on newlines with memchr: a per-byte Swift loop over Data is far too slow for
            // recordings of whole pages.
            let consumed = buffer.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
                guard let base = raw.baseAddress else { return 0 }
                var start = 0
                while start < raw.count, let nl = memchr(base + start, 10, raw.count - start) {
                    let end = base.distance(to: nl)
                    handle(line: Data(bytes: base + start, count: end - start))
                    start = end + 1
                }
                return start
            }
            if consumed > 0 { buffer.removeSubrange(buffer.startIndex..<(buffer.startIndex + consumed)) }
        }
        if !buffer.isEmpty { handle(line: buffer) }
        flush()
        return processor.counters
    }
}
