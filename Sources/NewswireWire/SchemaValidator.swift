import Foundation

/// Checks JSON against the subset of JSON Schema Newswire's schemas use (`type` with
/// nullable unions, `required`, `properties`, `items`, `enum`, `const`, `minimum`, `maximum`).
/// Lets a stage, a test or a plug-in author check a message without another dependency.
public struct SchemaValidator: Sendable {
    public init() {}

    /// Every violation, as "path: problem"; empty when the value conforms.
    public func violations(of value: Any, against schema: [String: Any], path: String = "$") -> [String] {
        var out: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String].compactMap { $0 }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                return ["\(path): expected \(allowed.joined(separator: " or ")), got \(Self.typeName(value))"]
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal($0, value) }) {
            out.append("\(path): \(value) is not one of \(options)")
        }
        if let c = schema["const"], !equal(c, value) { out.append("\(path): must be \(c)") }
        if let n = Self.number(value) {
            if let min = schema["minimum"].flatMap(Self.number), n < min { out.append("\(path): \(n) < minimum \(min)") }
            if let max = schema["maximum"].flatMap(Self.number), n > max { out.append("\(path): \(n) > maximum \(max)") }
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                out.append("\(path): missing required '\(key)'")
            }
            for (key, sub) in (schema["properties"] as? [String: Any]) ?? [:] {
                if let v = object[key], let sub = sub as? [String: Any] {
                    out += violations(of: v, against: sub, path: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { out += violations(of: v, against: items, path: "\(path)[\(i)]") }
        }
        return out
    }

    /// JSON type tests shared with ``ContractCheck``.
    static func isBool(_ v: Any) -> Bool {
        if v is Bool && !(v is NSNumber) { return true }
        // JSONSerialization boxes true/false as a boolean NSNumber subclass, type code "c".
        guard let n = v as? NSNumber else { return false }
        return String(describing: type(of: n)).contains("Boolean") || String(cString: n.objCType) == "c"
    }

    static func number(_ v: Any) -> Double? {
        guard !isBool(v), let n = v as? NSNumber else { return nil }
        return n.doubleValue
    }

    static func matches(_ v: Any, type: String) -> Bool {
        switch type {
        case "null": return v is NSNull
        case "boolean": return isBool(v)
        case "integer": return number(v).map { $0 == $0.rounded() } ?? false
        case "number": return number(v) != nil
        case "string": return v is String
        case "array": return v is [Any]
        case "object": return v is [String: Any]
        default: return true
        }
    }

    static func typeName(_ v: Any) -> String {
        for t in ["null", "boolean", "integer", "number", "string", "array", "object"] where matches(v, type: t) { return t }
        return "unknown"
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }
}
