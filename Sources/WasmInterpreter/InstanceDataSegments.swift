import WasmParser

/// An instance's data segments as `memory.init` and `data.drop` see them. Only passive segments still
/// have bytes after instantiation (active ones are dropped once copied), so only those are stored: a Go
/// module's ~100,000 active segments would otherwise cost an empty slice (32 bytes) each.
struct InstanceDataSegments {
    private(set) var count = 0
    private var passive: [Int: ArraySlice<UInt8>] = [:]

    init() {}

    init(of module: Module) {
        count = module.data.count
        for i in module.data.passiveIndices {
            let segment = module.data[i]
            if !segment.range.isEmpty { passive[i] = segment.bytes }
        }
    }

    /// A dropped, active or empty segment reads as no bytes.
    subscript(index: Int) -> ArraySlice<UInt8> {
        get { passive[index] ?? [] }
        set { passive[index] = newValue.isEmpty ? nil : newValue }
    }
}
