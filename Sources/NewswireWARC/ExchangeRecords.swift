import Foundation

extension HTTPExchange {
    /// The `request` and `response` records for this exchange, each pointing at the other with
    /// WARC-Concurrent-To. The response block carries the decoded body with its headers
    /// rewritten to match (see `ArchivedHTTP.responseHeaders`).
    public func warcRecords() throws(WARCError) -> (request: WARCRecord, response: WARCRecord) {
        try validated().records()
    }

    private func records() -> (request: WARCRecord, response: WARCRecord) {
        let requestID = WARCRecord.newRecordID()
        let responseID = WARCRecord.newRecordID()
        let target = ArchivedHTTP.percentEncodingNonASCII(url)
        let requestBlock = ArchivedHTTP.requestBlock(
            method: method, target: ArchivedHTTP.requestTarget(of: target), headers: requestHeaders)
        let responseBlock = ArchivedHTTP.responseBlock(
            status: status, reason: reason,
            headers: ArchivedHTTP.responseHeaders(responseHeaders, bodyLength: body.count), body: body)
        let request = record(.request, id: requestID, concurrentTo: responseID, target: target,
                             block: requestBlock, payload: Data())
        let response = record(.response, id: responseID, concurrentTo: requestID, target: target,
                              block: responseBlock, payload: body)
        return (request, response)
    }

    private func record(_ type: WARCRecordType, id: String, concurrentTo: String, target: String,
                        block: Data, payload: Data) -> WARCRecord {
        var fields = WARCFields([
            ("WARC-Record-ID", id),
            ("WARC-Date", WARCDate.string(from: date)),
            ("WARC-Target-URI", target),
            ("WARC-Concurrent-To", concurrentTo),
        ])
        if let ipAddress { fields.append("WARC-IP-Address", ipAddress) }
        fields.append("Content-Type", "application/http;msgtype=\(type.rawValue)")
        fields.append("WARC-Payload-Digest", WARCDigest.sha1(payload))
        fields.append("WARC-Block-Digest", WARCDigest.sha1(block))
        return WARCRecord(type: type, headers: fields, block: block)
    }

    /// The exchange with header values trimmed (HTTP field values carry no outer whitespace),
    /// or an error for anything that would break the record's framing.
    private func validated() throws(WARCError) -> HTTPExchange {
        try Self.checkToken(method, role: "method")
        try Self.checkLineSafe(url, name: "URL")
        try Self.checkLineSafe(reason, name: "reason phrase")
        try Self.checkLineSafe(ipAddress ?? "", name: "WARC-IP-Address")
        guard (100...999).contains(status) else {
            throw .invalidField(name: "status", reason: "\(status) is not a three-digit HTTP status")
        }
        var copy = self
        copy.requestHeaders = try Self.checkedHeaders(requestHeaders)
        copy.responseHeaders = try Self.checkedHeaders(responseHeaders)
        return copy
    }

    private static func checkedHeaders(_ headers: [(String, String)]) throws(WARCError) -> [(String, String)] {
        var checked: [(String, String)] = []
        for (name, value) in headers {
            try checkToken(name, role: "header name")
            try checkLineSafe(value, name: name)
            checked.append((name, value.trimmingCharacters(in: .whitespaces)))
        }
        return checked
    }

    /// Tokens (methods, header names) are visible ASCII without separators.
    private static func checkToken(_ token: String, role: String) throws(WARCError) {
        let separators = Set("()<>@,;:\\\"/[]?={} \t".utf8)
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f && !separators.contains($0) }) else {
            throw .invalidField(name: token, reason: "not a valid HTTP \(role) (visible ASCII, no separators)")
        }
    }

    /// CR, LF and NUL would end the header line early.
    private static func checkLineSafe(_ value: String, name: String) throws(WARCError) {
        guard !value.utf8.contains(where: { $0 == 0x0d || $0 == 0x0a || $0 == 0 }) else {
            throw .invalidField(name: name, reason: "contains CR, LF or NUL")
        }
    }
}

extension HTTPExchange {
    /// The exchange archived in a `response` record (and its `request`, if found): status line,
    /// headers as archived, and the body, de-chunked if the record kept chunked transfer coding.
    /// Without a request record the method is GET and the request headers are empty.
    public init(response: WARCRecord, request: WARCRecord?) throws(WARCError) {
        let id = response.recordID ?? "(no WARC-Record-ID)"
        try Self.checkHTTPRecord(response, expected: .response, id: id)
        guard let url = response.targetURI else { throw .notHTTPExchange(recordID: id, detail: "it has no WARC-Target-URI") }
        guard let date = response.date else { throw .notHTTPExchange(recordID: id, detail: "it has no valid WARC-Date") }
        let head = try Self.head(of: response, id: id)
        let (status, reason) = try Self.statusLine(head.startLine, id: id)
        let body = try Self.decodedBody(head, id: id)
        let (method, requestHeaders) = try Self.requestSide(request)
        self.init(url: url, date: date, method: method, requestHeaders: requestHeaders, status: status,
                  reason: reason, responseHeaders: head.headers, body: body, ipAddress: response.ipAddress)
    }

    private static func checkHTTPRecord(_ record: WARCRecord, expected: WARCRecordType, id: String) throws(WARCError) {
        guard record.type == expected else {
            throw .notHTTPExchange(recordID: id, detail: "it is a \(record.type.rawValue) record, not a \(expected.rawValue) record")
        }
        if let type = record.contentType, !type.lowercased().hasPrefix("application/http") {
            throw .notHTTPExchange(recordID: id, detail: "its Content-Type is \(type), not application/http")
        }
    }

    private static func head(of record: WARCRecord, id: String) throws(WARCError) -> HTTPHead {
        do { return try HTTPHead(block: record.block) } catch {
            throw .notHTTPExchange(recordID: id, detail: error.detail)
        }
    }

    /// `HTTP/1.1 200 OK` → (200, "OK"); the reason may be empty or contain spaces.
    private static func statusLine(_ line: String, id: String) throws(WARCError) -> (Int, String) {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, let status = Int(parts[1]) else {
            throw .notHTTPExchange(recordID: id, detail: "bad HTTP status line '\(line)'")
        }
        return (status, parts.count > 2 ? String(parts[2]) : "")
    }

    private static func decodedBody(_ head: HTTPHead, id: String) throws(WARCError) -> Data {
        let codings = head.headers.filter { WARCFields.same($0.0, "Transfer-Encoding") }.map { $0.1.lowercased() }
        guard codings.contains(where: { $0.contains("chunked") }) else { return head.body }
        do { return try ChunkedBody.decode(head.body) } catch {
            throw .notHTTPExchange(recordID: id, detail: error.detail)
        }
    }

    /// Method and headers from the request record's request line, or GET and none.
    private static func requestSide(_ request: WARCRecord?) throws(WARCError) -> (String, [(String, String)]) {
        guard let request else { return ("GET", []) }
        let id = request.recordID ?? "(no WARC-Record-ID)"
        try checkHTTPRecord(request, expected: .request, id: id)
        let head = try head(of: request, id: id)
        guard let method = head.startLine.split(separator: " ").first, head.startLine.contains(" ") else {
            throw .notHTTPExchange(recordID: id, detail: "bad HTTP request line '\(head.startLine)'")
        }
        return (String(method), head.headers)
    }
}
