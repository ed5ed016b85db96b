import Foundation

/// Reads a spec script with `JSONDecoder`: `JSONSerialization` drops a raw U+FEFF inside strings (names.wast exports one).
enum SpecJSON: Decodable {
    case object([String: SpecJSON]), array([SpecJSON]), string(String), number(Double), bool(Bool), null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let n = try? container.decode(Double.self) { self = .number(n) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([SpecJSON].self) { self = .array(a) }
        else { self = .object(try container.decode([String: SpecJSON].self)) }
    }

    /// The Foundation-style tree the runner reads (`[String: Any]`, `[Any]`, `String`, `Int`).
    var foundationValue: Any {
        switch self {
        case .object(let o): return o.mapValues { $0.foundationValue }
        case .array(let a): return a.map { $0.foundationValue }
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? Int(n) as Any : n as Any
        case .bool(let b): return b
        case .null: return NSNull()
        }
    }

    static func load(_ url: URL) throws -> [String: Any] {
        let value = try JSONDecoder().decode(SpecJSON.self, from: Data(contentsOf: url))
        return value.foundationValue as? [String: Any] ?? [:]
    }
}
