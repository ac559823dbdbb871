import Foundation
import Zlib

/// Appends HTTP exchanges to WARC 1.1 files, rotating by size. One owner writes; the class is
/// not thread-safe. Each file starts with a `warcinfo` record and is named
/// `PREFIX-YYYYMMDDHHMMSS-NNNNN.warc[.gz]`, written as `.open` until it is complete.
public final class WARCWriter {
    public let directory: String
    public let prefix: String
    public let maxFileBytes: Int
    public let gzip: Bool
    public let software: String
    /// Files finished so far (under their final names), oldest first.
    public private(set) var finishedFiles: [String] = []

    private var current: WARCOutputFile?
    private var currentHoldsRecords = false
    private var serial = 0
    private var closed = false

    /// Creates `directory` if needed. `software` names the crawler in each warcinfo record.
    public init(directory: String, prefix: String = "newswire", maxFileBytes: Int = 1 << 30, gzip: Bool = true,
                software: String) throws(WARCError) {
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .fileSystem(path: directory, operation: "create folder", reason: error.localizedDescription)
        }
        self.directory = directory
        self.prefix = prefix
        self.maxFileBytes = maxFileBytes
        self.gzip = gzip
        self.software = software
    }

    /// Finishes the open file, so it is not left behind as `.open`.
    deinit { try? close() }

    /// Writes the exchange's `request` and `response` records, each its own gzip member,
    /// together in one file (see `HTTPExchange.warcRecords`).
    public func write(_ exchange: HTTPExchange) throws(WARCError) {
        let records = try exchange.warcRecords()
        try write([records.request, records.response])
    }

    /// Writes records together in one file, starting a new file first if they would push
    /// the current one past `maxFileBytes` (a file always takes at least one batch).
    public func write(_ records: [WARCRecord]) throws(WARCError) {
        guard !closed else { throw .writerClosed }
        let encoded = records.map(encode)
        let size = encoded.reduce(0) { $0 + $1.count }
        try rotateIfFull(adding: size)
        let file = try currentFile()
        for bytes in encoded { try file.write(bytes) }
        currentHoldsRecords = true
    }

    /// Finishes the current file (fsync, rename from `.open`). Later writes fail.
    public func close() throws(WARCError) {
        closed = true
        try finishCurrentFile()
    }

    private func encode(_ record: WARCRecord) -> Data {
        gzip ? Gzip.compress(record.serialized()) : record.serialized()
    }

    private func rotateIfFull(adding size: Int) throws(WARCError) {
        guard let current, currentHoldsRecords, current.bytesWritten + size > maxFileBytes else { return }
        try finishCurrentFile()
    }

    private func finishCurrentFile() throws(WARCError) {
        guard let file = current else { return }
        current = nil
        currentHoldsRecords = false
        try file.finish()
        finishedFiles.append(file.path)
    }

    /// The open file, or a new one that already holds its warcinfo record.
    private func currentFile() throws(WARCError) -> WARCOutputFile {
        if let current { return current }
        let file = try newFile()
        try file.write(encode(warcinfo(fileName: (file.path as NSString).lastPathComponent)))
        current = file
        return file
    }

    /// The next free name; a name taken (say, by another writer in the same second) moves the serial on.
    private func newFile() throws(WARCError) -> WARCOutputFile {
        while true {
            let path = (directory as NSString).appendingPathComponent(WARCFileName.make(
                prefix: prefix, date: Date(), serial: serial, gzip: gzip))
            serial += 1
            if FileManager.default.fileExists(atPath: path) || FileManager.default.fileExists(atPath: path + ".open") {
                continue
            }
            return try WARCOutputFile(path: path)
        }
    }

    private func warcinfo(fileName: String) -> WARCRecord {
        let block = Data("""
            software: \(software)\r
            format: WARC File Format 1.1\r
            conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r

            """.utf8)
        let fields = WARCFields([
            ("WARC-Filename", fileName),
            ("Content-Type", "application/warc-fields"),
            ("WARC-Block-Digest", WARCDigest.sha1(block)),
        ])
        return WARCRecord(type: .warcinfo, headers: fields, block: block)
    }
}

/// `PREFIX-YYYYMMDDHHMMSS-NNNNN.warc.gz` names, which sort by time.
enum WARCFileName {
    static func make(prefix: String, date: Date, serial: Int, gzip: Bool) -> String {
        let stamp = WARCDate.string(from: date).filter(\.isNumber).prefix(14)
        let number = String(format: "%05d", serial)
        return "\(prefix)-\(stamp)-\(number).warc" + (gzip ? ".gz" : "")
    }
}
