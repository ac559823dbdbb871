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
}
