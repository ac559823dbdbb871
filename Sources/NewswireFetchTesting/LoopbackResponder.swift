import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird

/// Turns a received request into the response its route describes.
struct LoopbackResponder: Sendable {
    let state: LoopbackState

    /// Thrown inside a body writer to make Hummingbird drop the connection mid-body.
    struct DroppedConnection: Error {}

    func respond(to request: Request) async -> Response {
        guard let (key, route) = await state.accept(Self.record(request)) else {
            return Self.plain(404, "no route for \(request.uri.path)")
        }
        return Self.response(for: route, request: request, progress: BodyProgress(state: state, key: key))
    }

    private static func response(
        for route: LoopbackRoute, request: Request, progress: BodyProgress
    ) -> Response {
        switch route {
        case .fixed(let status, let headers, let body):
            return Response(status: .init(code: status), headers: fields(headers), body: .init(byteBuffer: ByteBuffer(bytes: body)))
        case .conditional(let body, let etag, let lastModified, let contentType):
            return conditional(request, body: body, etag: etag, lastModified: lastModified, contentType: contentType)
        case .gzip(let body, let contentType):
            return gzipped(body, contentType: contentType)
        case .redirect(let location, let status):
            return Response(status: .init(code: status), headers: fields([("Location", location)]))
        case .trickle(let total, let perSecond):
            return trickling(total: total, perSecond: perSecond, progress: progress)
        case .stream(let total, let declaresLength):
            return streaming(total: total, declaresLength: declaresLength, progress: progress)
        case .closeMidBody(let declared, let sent):
            return droppingMidBody(declared: declared, sent: sent, progress: progress)
        case .sequence:
            return plain(500, "a route sequence must be non-empty and not nested")
        }
    }

    // MARK: Behaviours

    private static func conditional(
        _ request: Request, body: Data, etag: String?, lastModified: String?, contentType: String
    ) -> Response {
        var headers: [(name: String, value: String)] = [("Content-Type", contentType)]
        if let etag { headers.append(("ETag", etag)) }
        if let lastModified { headers.append(("Last-Modified", lastModified)) }
        if ConditionalMatch.isNotModified(request: request, etag: etag, lastModified: lastModified) {
            return Response(status: .notModified, headers: fields(headers))
        }
        return Response(status: .ok, headers: fields(headers), body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func gzipped(_ body: Data, contentType: String) -> Response {
        var plain = ByteBuffer(bytes: body)
        guard let compressed = try? plain.compress(with: .gzip()) else { return self.plain(500, "gzip failed") }
        let headers = fields([("Content-Type", contentType), ("Content-Encoding", "gzip")])
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: compressed))
    }

    private static func trickling(total: Int, perSecond: Int, progress: BodyProgress) -> Response {
        let piece = max(1, perSecond / 10)
        let pause = Duration.seconds(Double(piece) / Double(max(1, perSecond)))
        let body = ResponseBody(contentLength: total) { writer in
            try await progress.tracking {
                var sent = 0
                while sent < total {
                    let count = min(piece, total - sent)
                    try await writer.write(filler(count))
                    sent += count
                    await progress.wrote(count)
                    try await Task.sleep(for: pause)
                }
                try await writer.finish(nil)
            }
        }
        return Response(status: .ok, headers: fields([("Content-Type", "text/plain")]), body: body)
    }

    private static func streaming(total: Int, declaresLength: Bool, progress: BodyProgress) -> Response {
        let chunkSize = 64 << 10
        let chunk = filler(chunkSize)
        let body = ResponseBody(contentLength: declaresLength ? total : nil) { writer in
            try await progress.tracking {
                var sent = 0
                while sent < total {
                    let count = min(chunkSize, total - sent)
                    try await writer.write(count == chunkSize ? chunk : filler(count))
                    sent += count
                    await progress.wrote(count)
                }
                try await writer.finish(nil)
            }
        }
        return Response(status: .ok, headers: fields([("Content-Type", "application/octet-stream")]), body: body)
    }

    private static func droppingMidBody(declared: Int, sent: Int, progress: BodyProgress) -> Response {
        let body = ResponseBody(contentLength: declared) { writer in
            try await writer.write(filler(sent))
            await progress.wrote(sent)
            await progress.ended(.cutOff)
            throw DroppedConnection()
        }
        return Response(status: .ok, headers: fields([("Content-Type", "text/html")]), body: body)
    }

    // MARK: Helpers

    private static func record(_ request: Request) -> RecordedRequest {
        RecordedRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
            host: request.head.authority.map(hostWithoutPort),
            headers: request.headers.map { (name: $0.name.rawName, value: $0.value) },
            receivedAt: .now)
    }

    /// `a.test:8080` → `a.test`; `[::1]:80` → `[::1]`.
    static func hostWithoutPort(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") { return String(lowered[...end]) }
        return String(lowered.split(separator: ":", maxSplits: 1).first ?? "")
    }

    private static func fields(_ headers: [(name: String, value: String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return fields
    }

    private static func plain(_ status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: fields([("Content-Type", "text/plain")]),
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func filler(_ count: Int) -> ByteBuffer {
        ByteBuffer(repeating: UInt8(ascii: "x"), count: count)
    }
}

/// Reports a generated body's bytes and ending to the server's counters.
struct BodyProgress: Sendable {
    let state: LoopbackState
    let key: RouteKey

    func wrote(_ count: Int) async {
        await state.addBytesWritten(count, for: key)
    }

    func ended(_ outcome: LoopbackBodyOutcome) async {
        await state.setOutcome(outcome, for: key)
    }

    /// Runs the writing loop, recording whether it finished or the connection went away first.
    func tracking(_ write: () async throws -> Void) async throws {
        do {
            try await write()
            await ended(.completed)
        } catch {
            await ended(.cutOff)
            throw error
        }
    }
}

/// The server side of a conditional GET.
enum ConditionalMatch {
    static func isNotModified(request: Request, etag: String?, lastModified: String?) -> Bool {
        if let sent = request.headers[.ifNoneMatch] { return etagMatches(sent, etag) }
        if let sent = request.headers[.ifModifiedSince], let lastModified { return sent == lastModified }
        return false
    }

    /// `If-None-Match` may list several tags or be `*`; weak and strong tags compare equal here.
    static func etagMatches(_ header: String, _ etag: String?) -> Bool {
        guard let etag else { return false }
        let strip = { (tag: Substring) in tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        let tags = header.split(separator: ",").map(strip)
        return tags.contains("*") || tags.contains(strip(Substring(etag)))
    }
}
