/// Optional WebAssembly features beyond the 2.0 core. The default is `.wasm2`.
public struct WasmFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let simd = WasmFeatures(rawValue: 1 << 0)
    public static let tailCall = WasmFeatures(rawValue: 1 << 1)
    public static let extendedConst = WasmFeatures(rawValue: 1 << 2)
    public static let multiMemory = WasmFeatures(rawValue: 1 << 3)
    public static let memory64 = WasmFeatures(rawValue: 1 << 4)
    public static let exceptions = WasmFeatures(rawValue: 1 << 5)
    public static let functionReferences = WasmFeatures(rawValue: 1 << 6)

    /// The Wasm 2.0 feature set: 2.0 includes 128-bit SIMD.
    public static let wasm2: WasmFeatures = [.simd]
}
