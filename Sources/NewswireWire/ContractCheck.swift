import Foundation

/// The check every stage makes at its input: does a body have what its kind's schema requires,
/// with the right JSON types? Top-level fields only, so it costs one parse of the body; deeper
/// mistakes are the stage's own decoding errors. Kinds without a schema (plug-in kinds) pass.
public struct ContractCheck: Sendable {
    struct Contract: Sendable {
        var required: [String]
        /// Allowed JSON types of each top-level property the schema types, in key order.
        var types: [(key: String, allowed: [String])]
    }

    private let contracts: [MessageKind: Contract]

    /// Contracts for `kinds`, read from the bundled schemas.
    public init(kinds: [MessageKind]) {
        var contracts: [MessageKind: Contract] = [:]
        for kind in kinds {
            guard let schema = try? Schemas.schema(for: kind.rawValue) else { continue }
            var types: [String: [String]] = [:]
            for (key, property) in (schema["properties"] as? [String: Any]) ?? [:] {
                guard let property = property as? [String: Any], let t = property["type"] else { continue }
                types[key] = (t as? [String]) ?? [t as? String].compactMap { $0 }
            }
            // Encoders write every key (nulls explicitly), and the schema requires them all; at
            // the input a key that may be null may also be absent (it reads as null), so a
            // plug-in that leaves out what it has no value for is not refused for it.
            let required = ((schema["required"] as? [String]) ?? []).filter { !(types[$0] ?? []).contains("null") }
            contracts[kind] = Contract(required: required,
                                       types: types.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        self.contracts = contracts
    }

    /// The first way `message`'s body breaks its kind's contract, naming the field; nil if none.
    public func violation(of message: Message) -> String? {
        guard let contract = contracts[message.header.kind] else { return nil }
        guard let body = (try? JSONSerialization.jsonObject(with: message.body)) as? [String: Any] else {
            return "the body is not a JSON object"
        }
        for key in contract.required where body[key] == nil {
            return "body lacks the required field '\(key)'"
        }
        for (key, allowed) in contract.types {
            guard let value = body[key], !allowed.contains(where: { SchemaValidator.matches(value, type: $0) }) else { continue }
            return "body.\(key): expected \(allowed.joined(separator: " or ")), got \(SchemaValidator.typeName(value))"
        }
        return nil
    }
}
