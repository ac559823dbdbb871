import Foundation
import Testing
import Zlib

@Suite struct GzipMemberReaderTests {
    let parts = [Data("alpha".utf8), Data(), Data.random(count: 700_000, seed: 11), Data("omega".utf8)]

    func members(_ reader: inout GzipMemberReader) throws -> [GzipMember] {
        var found: [GzipMember] = []
        while let member = try reader.next() { found.append(member) }
        return found
    }

    @Test func readsMembersWithTheirCompressedRanges() throws {
        let compressed = parts.map { Gzip.compress($0) }
        var reader = GzipMemberReader(data: compressed.reduce(Data(), +), memberLimit: 1 << 20)
        let found = try members(&reader)
        #expect(found.map(\.data) == parts)
        var offset = 0
        for (member, bytes) in zip(found, compressed) {
            #expect(member.compressedRange == offset..<offset + bytes.count)
            offset += bytes.count
        }
        #expect(reader.offset == offset)
    }

    @Test func readsAFileInPiecesSmallerThanAMember() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zlib-\(UUID().uuidString).gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let compressed = parts.map { Gzip.compress($0) }
        try compressed.reduce(Data(), +).write(to: URL(fileURLWithPath: path))
        var reader = try GzipMemberReader(path: path, memberLimit: 1 << 20)
        let found = try members(&reader)
        #expect(found.map(\.data) == parts)
        #expect(found.last?.compressedRange.upperBound == compressed.map(\.count).reduce(0, +))
    }

    @Test func memberLimitAppliesPerMember() throws {
        var reader = GzipMemberReader(data: Gzip.compress(Data(count: 50)) + Gzip.compress(Data(count: 500)), memberLimit: 100)
        #expect(try reader.next()?.data.count == 50)
        #expect(throws: ZlibError.self) { try reader.next() }
    }

    @Test func missingFileIsUnreadable() {
        #expect {
            try GzipMemberReader(path: "/nonexistent/x.gz", memberLimit: 10)
        } throws: { error in
            guard case .unreadable(let path, _) = error as? ZlibError else { return false }
            return path == "/nonexistent/x.gz"
        }
    }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self.init(bytes)
    }

    /// Reproducible pseudo-random bytes (xorshift), incompressible like real binary bodies.
    static func random(count: Int, seed: UInt64) -> Data {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            bytes[i] = UInt8(truncatingIfNeeded: state)
        }
        return Data(bytes)
    }
}
