import Foundation
import Testing
import NewswireWARC

@Suite struct WriterTests {
    @Test(arguments: [true, false])
    func rotatesBySizeWithoutSplittingRecords(gzip: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try WARCWriter(directory: folder.path, prefix: "rot", maxFileBytes: 12_000, gzip: gzip, software: "rotation")
        let sent = (0..<24).map { sampleExchange($0, body: Data.random(count: 1_500 + $0 * 20, seed: UInt64($0))) }
        for exchange in sent { try writer.write(exchange) }
        try writer.close()
        let files = writer.finishedFiles
        #expect(files.count >= 4)
        #expect(try WARC.files(in: folder.path) == files)
        var back: [HTTPExchange] = []
        for file in files {
            let records = try readAll(file)
            #expect(records.first?.type == .warcinfo)
            #expect(records.first?.headers["WARC-Filename"] == (file as NSString).lastPathComponent)
            #expect(records.dropFirst().allSatisfy { $0.type != .warcinfo })
            #expect(records.count % 2 == 1, "request and response stay in one file")
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as! Int
            #expect(size <= 12_000)
            back += try exchanges(in: records)
        }
        #expect(back.map(\.url) == sent.map(\.url))
        #expect(back.map(\.body) == sent.map(\.body))
    }

    @Test func oversizedExchangeStillGetsAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try WARCWriter(directory: folder.path, maxFileBytes: 1_000, gzip: false, software: "big")
        try writer.write(sampleExchange(1, body: Data(count: 5_000)))
        try writer.write(sampleExchange(2))
        try writer.close()
        #expect(writer.finishedFiles.count == 2)
        #expect(try readAll(writer.finishedFiles[0]).count == 3)
    }

    @Test func fileIsOpenUntilClosedThenRenamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try WARCWriter(directory: folder.path, prefix: "crawl", software: "open test")
        try writer.write(sampleExchange(1))
        let during = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(during.count == 1)
        #expect(during[0].hasSuffix(".warc.gz.open"))
        #expect(try WARC.files(in: folder.path).isEmpty)
        try writer.close()
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(after == [String(during[0].dropLast(".open".count))])
        #expect(after[0].range(of: #"^crawl-\d{14}-00000\.warc\.gz$"#, options: .regularExpression) != nil)
        #expect(throws: WARCError.writerClosed) { try writer.write(sampleExchange(2)) }
    }

    @Test func writerWithoutWritesLeavesNoFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try WARCWriter(directory: folder.file("nested/deeper"), software: "empty")
        try writer.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("nested/deeper")).isEmpty)
    }

    @Test func filesListsAFileOrAFolderSorted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["b.warc.gz", "a.warc", "c.warc.gz.open", "notes.txt"] {
            _ = FileManager.default.createFile(atPath: folder.file(name), contents: Data())
        }
        #expect(try WARC.files(in: folder.path) == [folder.file("a.warc"), folder.file("b.warc.gz")])
        #expect(try WARC.files(in: folder.file("notes.txt")) == [folder.file("notes.txt")])
        #expect(throws: WARCError.notFound(path: folder.file("missing"))) { try WARC.files(in: folder.file("missing")) }
    }
}

/// The gzip tool, where installed, reads the files as standard multi-member gzip.
@Suite struct GzipToolInteropTests {
    static let tool = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: tool != nil)) func gzipToolDecompressesTheWholeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try WARCWriter(directory: folder.path, software: "interop")
        for n in 0..<3 { try writer.write(sampleExchange(n)) }
        try writer.close()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tool!)
        process.arguments = ["-dc", writer.finishedFiles[0]]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = try readAll(writer.finishedFiles[0]).map { $0.serialized() }.reduce(Data(), +)
        #expect(text == expected)
        #expect(text.starts(with: Data("WARC/1.1\r\nWARC-Type: warcinfo\r\n".utf8)))
    }
}
