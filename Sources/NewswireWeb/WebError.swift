import Foundation
import Hummingbird
import NewswireWire

/// What went wrong with a request, said so the caller knows what to change.
public enum WebError: Error, Equatable, CustomStringConvertible {
    /// A query parameter has a value the route cannot use.
    case badParameter(name: String, reason: String)
    /// Nothing of that kind has that id.
    case notFound(what: String, id: String)
    /// No route answers this path.
    case noSuchRoute(path: String)

    public var status: HTTPResponse.Status {
        switch self {
        case .badParameter: .badRequest
        case .notFound, .noSuchRoute: .notFound
        }
    }

    public var description: String {
        switch self {
        case let .badParameter(name, reason): "bad parameter '\(name)': \(reason)"
        case let .notFound(what, id): "no \(what) with id '\(id)'"
        case let .noSuchRoute(path): "no route for '\(path)'; see /api/openapi.json"
        }
    }
}

/// Turns every failure into a JSON body `{"error": "..."}` with the matching status, so API
/// clients never have to parse an HTML or plain-text error page.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return Self.response(error.status, error.description)
        } catch let error as HTTPError where error.status == .notFound {
            return Self.response(.notFound, WebError.noSuchRoute(path: request.uri.path).description)
        } catch let error as HTTPError {
            return Self.response(error.status, error.body ?? error.status.reasonPhrase)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Self.response(.internalServerError, "internal error; the server log has the details")
        }
    }

    static func response(_ status: HTTPResponse.Status, _ message: String) -> Response {
        JSONResponse.response(ErrorBody(error: message), status: status)
    }

    struct ErrorBody: Encodable { var error: String }
}

/// JSON responses with the wire's encoder settings.
enum JSONResponse {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        // Encoding the API's own plain value types cannot fail; a failure is a programming error.
        let data = (try? WireCoding.encoder.encode(value)) ?? Data(#"{"error":"response could not be encoded"}"#.utf8)
        return response(data: data, status: status)
    }

    static func response(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
