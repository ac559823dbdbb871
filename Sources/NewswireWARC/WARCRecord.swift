import Foundation

/// The record types of WARC 1.1.
public enum WARCRecordType: String, Sendable, CaseIterable {
    case warcinfo, request, response, metadata, resource, revisit, conversion, continuation
}

/// One WARC record: its type, its named fields and its block. Immutable, so the fields
/// always agree with the type and the block length.
public struct WARCRecord: Sendable, Equatable {
    public let type: WARCRecordType
    /// All named fields as they appear in the record, WARC-Type and Content-Length included.
    public let headers: WARCFields
    public let block: Data

    /// A record with `headers` completed into a valid one: WARC-Type first, a fresh
    /// WARC-Record-ID and the current WARC-Date when absent, and Content-Length set to the block's size.
    public init(type: WARCRecordType, headers: WARCFields = WARCFields(), block: Data) {
        var fields = WARCFields([("WARC-Type", type.rawValue)])
        for field in headers where !WARCFields.same(field.name, "WARC-Type") && !WARCFields.same(field.name, "Content-Length") {
            fields.append(field.name, field.value)
        }
        if fields["WARC-Record-ID"] == nil { fields.append("WARC-Record-ID", WARCRecord.newRecordID()) }
        if fields["WARC-Date"] == nil { fields.append("WARC-Date", WARCDate.string(from: Date())) }
        fields.append("Content-Length", String(block.count))
        self.init(checkedType: type, headers: fields, block: block)
    }

    /// A record exactly as read from a file, whose framing the reader has already checked.
    init(checkedType type: WARCRecordType, headers: WARCFields, block: Data) {
        self.type = type
        self.headers = headers
        self.block = block
    }

    /// A new `<urn:uuid:...>` identifier.
    public static func newRecordID() -> String {
        "<urn:uuid:\(UUID().uuidString.lowercased())>"
    }

    /// WARC-Record-ID, angle brackets included (the form other records refer to).
    public var recordID: String? { headers["WARC-Record-ID"] }
    /// WARC-Date, parsed; nil if absent or not a W3C-DTF UTC timestamp.
    public var date: Date? { headers["WARC-Date"].flatMap(WARCDate.date(from:)) }
    /// WARC-Target-URI without the angle brackets some WARC 1.0 writers put around it.
    public var targetURI: String? { headers["WARC-Target-URI"].map(Self.unbracketed) }
    public var contentType: String? { headers["Content-Type"] }
    /// WARC-Payload-Digest, e.g. `sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ`.
    public var payloadDigest: String? { headers["WARC-Payload-Digest"] }
    public var blockDigest: String? { headers["WARC-Block-Digest"] }
    /// WARC-Concurrent-To values (the field may repeat), angle brackets included.
    public var concurrentTo: [String] { headers.values("WARC-Concurrent-To") }
    public var ipAddress: String? { headers["WARC-IP-Address"] }

    /// The record as it is stored: version line, fields, blank line, block, blank line.
    public func serialized() -> Data {
        var head = "WARC/1.1\r\n"
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        head += "\r\n"
        var data = Data(head.utf8)
        data.append(block)
        data.append(contentsOf: [0x0d, 0x0a, 0x0d, 0x0a])
        return data
    }

    private static func unbracketed(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
    }
}
