import Foundation

/// The JSON Schema of each message kind: the contract for plug-ins in any language.
public enum Schemas {
    /// The schema file for `kind` (or `header`), from the package's resources.
    public static func url(for kind: String) -> URL? {
        Bundle.module.url(forResource: "\(kind).schema", withExtension: "json", subdirectory: "Schemas")
    }

    public static func schema(for kind: String) throws -> [String: Any]? {
        guard let url = url(for: kind) else { return nil }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    }

    public static func url(for kind: MessageKind) -> URL? { url(for: kind.rawValue) }
    public static func schema(for kind: MessageKind) throws -> [String: Any]? { try schema(for: kind.rawValue) }

    /// The contract's version as each schema states it (`x-newswire-version`, "major.minor").
    /// The major version is the header's `v`: a stage refuses messages of a major version it
    /// does not speak (a dead letter that names both); minor versions only add optional fields.
    public static func version(of kind: String) throws -> (major: Int, minor: Int)? {
        guard let text = try schema(for: kind)?["x-newswire-version"] as? String else { return nil }
        let parts = text.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }
}
