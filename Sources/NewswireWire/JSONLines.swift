import Foundation

/// The one-shot and recording format: one message per line,
/// `{"header": {...}, "body": {...}, "raw": "<base64>"}`.
public enum JSONLines {
    /// Encodes a message as one line (without the trailing newline).
    public static func line(for message: Message) throws(WireError) -> Data {
        let frames = message.frames()
        var out = Data("{\"header\":".utf8)
        out.append(frames[0])
        out.append(Data(",\"body\":".utf8))
        out.append(message.body)
        if let raw = message.raw {
            out.append(Data(",\"raw\":\"".utf8))
            out.append(Data(raw.base64EncodedString().utf8))
            out.append(Data("\"".utf8))
        }
        out.append(Data("}".utf8))
        return out
    }

    /// Decodes one line. The body is re-serialised with sorted keys.
    public static func message(from line: Data) throws(WireError) -> Message {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: line) } catch {
            throw .invalidLine(reason: "not valid JSON")
        }
        guard let record = object as? [String: Any] else { throw .invalidLine(reason: "not a JSON object") }
        guard let header = record["header"] as? [String: Any] else { throw .invalidLine(reason: "missing 'header' object") }
        guard let body = record["body"] as? [String: Any] else { throw .invalidLine(reason: "missing 'body' object") }
        var frames: [Data] = []
        do {
            frames.append(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes]))
            frames.append(try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes]))
        } catch {
            throw .invalidLine(reason: "cannot re-encode: \(error)")
        }
        if let raw = record["raw"] {
            guard let s = raw as? String, let bytes = Data(base64Encoded: s) else {
                throw .invalidLine(reason: "'raw' is not base64")
            }
            frames.append(bytes)
        }
        return try Message(frames: frames)
    }

    /// Reads every non-empty line of `data`.
    public static func lines(in data: Data) -> [Data] {
        data.split(separator: UInt8(ascii: "\n")).filter { !$0.allSatisfy { $0 == 32 || $0 == 13 || $0 == 9 } }.map { Data($0) }
    }
}
