/// The module's index spaces as the body validator needs them (imports first in every space).
struct ValidationContext: Sendable {
    var types: [FunctionType] = []
    var functionTypeIndices: [UInt32] = []
    var tables: [TableType] = []
    var memories: [MemoryType] = []
    var globals: [GlobalType] = []
    var elementTypes: [ValueType] = []
    var dataCount: UInt32?
    /// Functions that `ref.func` may name in bodies: those referenced outside function bodies.
    var declaredFunctions: Set<UInt32> = []

    func functionType(_ index: UInt32) -> FunctionType? {
        guard Int(index) < functionTypeIndices.count else { return nil }
        return types[Int(functionTypeIndices[Int(index)])]
    }
}
