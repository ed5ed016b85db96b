/// Feature names as embedders and the CLI spell them: the proposal folder names of the spec suite.
extension WasmFeatures {
    /// Each opt-in feature with its name, in a stable order for messages.
    public static let named: [(name: String, feature: WasmFeatures)] = [
        ("tail-call", .tailCall),
        ("extended-const", .extendedConst),
        ("multi-memory", .multiMemory),
        ("memory64", .memory64),
        ("exception-handling", .exceptions),
        ("function-references", [.functionReferences, .tailCall]),
    ]

    /// Every feature the engine implements: 2.0 plus all of `named`.
    public static let all: WasmFeatures = named.reduce(wasm2) { $0.union($1.feature) }

    /// `.wasm2` plus the comma-separated names in `list` (`all` turns on every one).
    /// Throws a message listing the valid names for an unknown one.
    public init(enabling list: String) throws {
        self = .wasm2
        for raw in list.split(separator: ",") {
            let name = String(raw.filter { $0 != " " })
            if name == "all" { formUnion(.all); continue }
            guard let entry = Self.named.first(where: { $0.name == name }) else {
                let valid = (Self.named.map(\.name) + ["all"]).joined(separator: ", ")
                throw WasmFeatureNameError(message: "unknown wasm feature \"\(name)\" (valid: \(valid))")
            }
            formUnion(entry.feature)
        }
    }
}

public struct WasmFeatureNameError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
