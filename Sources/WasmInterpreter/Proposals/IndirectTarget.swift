import WasmParser

extension Executor {
    /// The callee of `call_indirect` / `return_call_indirect`, and of `call_ref` / `return_call_ref`, which
    /// share those instructions with table -1 in their aux entry: then the operand is the reference itself.
    @inline(__always)
    static func indirectTarget(_ store: Store, _ record: UnsafeMutablePointer<FunctionRecord>,
                               _ aux: UnsafeMutablePointer<Int32>, _ a: Int, _ operand: UInt64) throws -> Int {
        let tableIndex = aux[a]
        if tableIndex < 0 {
            guard operand != 0 else { throw Trap(.nullReference, "null function reference") }
            return Int(operand - 1)
        }
        let table = store.instances[Int(record.pointee.instance)].tables[Int(tableIndex)]
        let i = Int(u32(operand))
        guard i < table.elements.count else { throw Trap(.undefinedElement) }
        let ref = table.elements[i]
        guard ref != 0 else { throw Trap(.uninitializedElement) }
        return Int(ref - 1)
    }
}
