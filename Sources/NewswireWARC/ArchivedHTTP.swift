import Foundation

/// How an exchange's HTTP messages are laid out in request and response blocks, and the
/// header rewriting that keeps a response block true to its decoded body.
enum ArchivedHTTP {
    static let originalContentEncoding = "X-Newswire-Original-Content-Encoding"
    static let originalTransferEncoding = "X-Newswire-Original-Transfer-Encoding"

    /// The response headers as archived: encodings renamed (the body is already decoded)
    /// and Content-Length set to the body actually stored.
    static func responseHeaders(_ headers: [(String, String)], bodyLength: Int) -> [(String, String)] {
        settingContentLength(renamingEncodings(headers), to: bodyLength)
    }

    /// Content-Encoding and Transfer-Encoding describe bytes the archive no longer holds,
    /// so they are kept under names no HTTP reader acts on.
    static func renamingEncodings(_ headers: [(String, String)]) -> [(String, String)] {
        headers.map { name, value in
            if WARCFields.same(name, "Content-Encoding") { return (originalContentEncoding, value) }
            if WARCFields.same(name, "Transfer-Encoding") { return (originalTransferEncoding, value) }
            return (name, value)
        }
    }

    /// One Content-Length with `length`, where the first one was (or at the end).
    static func settingContentLength(_ headers: [(String, String)], to length: Int) -> [(String, String)] {
        var fields = WARCFields(headers)
        fields.set("Content-Length", String(length))
        return fields.map { ($0.name, $0.value) }
    }

    static func requestBlock(method: String, target: String, headers: [(String, String)]) -> Data {
        head(startLine: "\(method) \(target) HTTP/1.1", headers: headers)
    }

    static func responseBlock(status: Int, reason: String, headers: [(String, String)], body: Data) -> Data {
        var block = head(startLine: "HTTP/1.1 \(status) \(reason)", headers: headers)
        block.append(body)
        return block
    }

    private static func head(startLine: String, headers: [(String, String)]) -> Data {
        var text = startLine + "\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// The request-target for the request line: the URL's path and query, "/" when empty.
    static func requestTarget(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterAuthority = url[schemeEnd.upperBound...].drop { $0 != "/" && $0 != "?" && $0 != "#" }
        let target = afterAuthority.prefix { $0 != "#" }
        if target.isEmpty { return "/" }
        return target.hasPrefix("?") ? "/" + target : String(target)
    }

    /// The URL with every byte outside printable ASCII percent-encoded, as WARC-Target-URI
    /// must be a URI; a URL that is already valid is unchanged.
    static func percentEncodingNonASCII(_ url: String) -> String {
        var encoded = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7f {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += String(format: "%%%02X", byte)
            }
        }
        return encoded
    }
}
