import NewswireWire

/// 64-bit SimHash of word 3-shingles: near-duplicate texts get fingerprints a few bits apart.
///
/// The same wire story in two outlets' templates differs in a few paragraphs at most; each shingle
/// votes on each of the 64 bits, so a small change in the text flips only bits whose vote was
/// close. Shingles are hashed with FNV-1a, a fixed function, so fingerprints are equal across
/// processes, machines and runs (Swift's `Hasher` is seeded per process and must not be used).
public enum SimHash {
    /// The fingerprint of `text` as 16 lower-case hex digits. Text without words gives all zeros.
    public static func fingerprint(of text: String) -> String {
        Fingerprint(bits: value(of: text)).hex
    }

    static func value(of text: String) -> UInt64 {
        let wordHashes = TextCleaning.wordHashes(text)
        guard !wordHashes.isEmpty else { return 0 }
        // Ones per bit (the vote of a bit is ones - (shingles - ones)), counted eight bits at a
        // time: a byte of the hash adds its bits to eight 8-bit lanes of one word, drained into
        // `ones` before a lane can overflow.
        var ones = [Int](repeating: 0, count: 64)
        var lanes = [UInt64](repeating: 0, count: 8)
        var pending = 0
        func drain() {
            for byte in 0..<8 {
                let v = lanes[byte]
                for lane in 0..<8 { ones[byte * 8 + lane] += Int((v >> UInt64(lane * 8)) & 0xFF) }
                lanes[byte] = 0
            }
            pending = 0
        }
        let n = 3
        let count = max(1, wordHashes.count - n + 1)
        Self.spread.withUnsafeBufferPointer { spread in
            for i in 0..<count {
                // Combine the word hashes of the shingle, order-sensitive, then mix.
                var h: UInt64 = 0xcbf29ce484222325
                for k in i..<min(i + n, wordHashes.count) {
                    h = (h ^ wordHashes[k]) &* 0x100000001b3
                    h ^= h >> 29
                }
                h = mix(h)
                lanes.withUnsafeMutableBufferPointer { l in
                    for byte in 0..<8 { l[byte] &+= spread[Int((h >> UInt64(byte * 8)) & 0xFF)] }
                }
                pending += 1
                if pending == 255 { drain() }
            }
        }
        drain()
        var result: UInt64 = 0
        for bit in 0..<64 where ones[bit] * 2 - count > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    /// Byte value → its eight bits as eight byte lanes (bit k in lane k).
    private static let spread: [UInt64] = (0..<256).map { b in
        var v: UInt64 = 0
        for k in 0..<8 where b >> k & 1 == 1 { v |= 1 << UInt64(k * 8) }
        return v
    }

    static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    /// Final avalanche (from SplitMix64) so every shingle sets each bit with probability 1/2.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e3779b97f4a7c15
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }

}
