import Foundation
import Testing
import Zlib

@Suite struct GzipTests {
    /// `printf 'hello\n' | gzip -n`, made by the gzip tool, not by this wrapper.
    static let helloFromGzipTool = Data(hex: "1f8b0800000000000003cb48cdc9c9e7020020303a3606000000")

    @Test func decompressesWhatTheGzipToolWrote() throws {
        #expect(try Gzip.decompress(Self.helloFromGzipTool, limit: 100) == Data("hello\n".utf8))
    }

    @Test(arguments: [0, 1, 1000, 300_000])
    func roundTripsRandomBytes(count: Int) throws {
        let data = Data.random(count: count, seed: UInt64(count))
        let compressed = Gzip.compress(data)
        #expect(Gzip.isGzip(compressed))
        #expect(try Gzip.decompress(compressed, limit: count) == data)
    }

    @Test func compressesRepetitiveDataSmall() {
        let data = Data(repeating: 0x61, count: 100_000)
        #expect(Gzip.compress(data, level: 9).count < 1_000)
        #expect(Gzip.compress(data, level: 0).count > 100_000)
    }

    @Test func decompressesConcatenatedMembers() throws {
        let joined = Gzip.compress(Data("first ".utf8)) + Self.helloFromGzipTool + Gzip.compress(Data())
        #expect(try Gzip.decompress(joined, limit: 1_000) == Data("first hello\n".utf8))
    }

    @Test func isGzipLooksAtTheMagicBytes() {
        #expect(Gzip.isGzip(Data([0x1f, 0x8b, 0x08])))
        #expect(!Gzip.isGzip(Data("WARC/1.1".utf8)))
        #expect(!Gzip.isGzip(Data([0x1f])))
    }

    @Test func gzipBombHitsTheLimit() {
        let bomb = Gzip.compress(Data(count: 20 << 20))
        #expect(bomb.count < 100_000)
        #expect(throws: ZlibError.limitExceeded(limit: 1 << 20, memberOffset: 0)) {
            try Gzip.decompress(bomb, limit: 1 << 20)
        }
    }

    @Test func limitCountsAllMembersTogether() {
        let twoMembers = Gzip.compress(Data(count: 600)) + Gzip.compress(Data(count: 600))
        #expect(throws: ZlibError.limitExceeded(limit: 1_000, memberOffset: Gzip.compress(Data(count: 600)).count)) {
            try Gzip.decompress(twoMembers, limit: 1_000)
        }
    }

    @Test func truncatedInputNamesTheMember() {
        let first = Gzip.compress(Data("complete".utf8))
        let second = Gzip.compress(Data.random(count: 5_000, seed: 7))
        let cut = (first + second).dropLast(10)
        #expect(throws: ZlibError.truncated(memberOffset: first.count)) {
            try Gzip.decompress(Data(cut), limit: 1 << 20)
        }
    }

    @Test func corruptDataIsReported() {
        var damaged = Gzip.compress(Data.random(count: 5_000, seed: 3))
        damaged[damaged.count - 6] ^= 0xff   // inside the CRC-32 trailer
        #expect {
            try Gzip.decompress(damaged, limit: 1 << 20)
        } throws: { error in
            guard case .corrupt(memberOffset: 0, let message) = error as? ZlibError else { return false }
            return !message.isEmpty
        }
    }

    @Test func nonGzipInputAndTrailingGarbageAreRefused() {
        #expect(throws: ZlibError.notGzip(offset: 0)) { try Gzip.decompress(Data("plain".utf8), limit: 100) }
        #expect(throws: ZlibError.notGzip(offset: 0)) { try Gzip.decompress(Data(), limit: 100) }
        let garbage = Self.helloFromGzipTool + Data("junk".utf8)
        #expect(throws: ZlibError.notGzip(offset: Self.helloFromGzipTool.count)) {
            try Gzip.decompress(garbage, limit: 100)
        }
    }

    @Test func errorsSayWhatToDo() {
        #expect(ZlibError.truncated(memberOffset: 42).description.contains("byte 42"))
        #expect(ZlibError.limitExceeded(limit: 10, memberOffset: 0).description.contains("raise the limit"))
    }
}
