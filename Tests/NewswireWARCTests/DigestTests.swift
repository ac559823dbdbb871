import Crypto
import Foundation
import Testing
import NewswireWARC

/// Digests checked against a computation written separately here: SHA-1 from swift-crypto,
/// base32 by spelling the bits out as text.
@Suite struct DigestTests {
    static func independentBase32(_ bytes: [UInt8]) -> String {
        let bits = bytes.map { byte in
            let binary = String(byte, radix: 2)
            return String(repeating: "0", count: 8 - binary.count) + binary
        }.joined()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return stride(from: 0, to: bits.count, by: 5).map { start -> String in
            let from = bits.index(bits.startIndex, offsetBy: start)
            let to = bits.index(from, offsetBy: min(5, bits.count - start))
            let group = String(bits[from..<to]).padding(toLength: 5, withPad: "0", startingAt: 0)
            return String(alphabet[Int(group, radix: 2)!])
        }.joined()
    }

    static func independentSHA1(_ data: Data) -> String {
        "sha1:" + independentBase32(Array(Insecure.SHA1.hash(data: data)))
    }

    @Test func emptyDigestIsTheWellKnownValue() {
        #expect(WARCDigest.sha1(Data()) == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
        #expect(Self.independentSHA1(Data()) == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
    }

    @Test func everyWrittenRecordCarriesCorrectDigests() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try WARCWriter(directory: folder.path, software: "digest test")
        let bodies = [Data(), Data("hello".utf8), Data.random(count: 70_000, seed: 3)]
        for (n, body) in bodies.enumerated() { try writer.write(sampleExchange(n, body: body)) }
        try writer.close()
        let records = try readAll(writer.finishedFiles[0])
        #expect(records.count == 1 + 2 * bodies.count)
        for record in records where record.type != .warcinfo {
            #expect(record.blockDigest == Self.independentSHA1(record.block))
        }
        let responses = records.filter { $0.type == .response }
        for (response, body) in zip(responses, bodies) {
            #expect(response.payloadDigest == Self.independentSHA1(body))
        }
        for request in records where request.type == .request {
            #expect(request.payloadDigest == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
        }
    }
}
