import WasmParser

/// 64-bit stores of a constant value: Go's js/wasm code stores a distinct return-address constant before every
/// call (`i64.const PC; i64.store`), so with slot operands each call site cost one constant-area cell copied
/// into every frame. A constant that sign-extends from 32 bits rides in i64StoreImm instead. (Narrow stores
/// of constants keep the slot form; they share one slot per distinct value.)
extension Translator {
    mutating func storeConstant64(_ m: MemArg, _ make: (Int32, Int32, UInt32) -> Instruction) {
        let top = stack[stack.count - 1]
        guard top.kind == .constant, let c = Translator.immediate(top.bits, wide: true) else { return store(m, make) }
        _ = popOperand()
        let (a, offset) = popAddress(m)
        guard offset <= UInt64(UInt32.max) else { emit(.trap(.outOfBoundsMemoryAccess)); return }
        emit(.i64StoreImm(a, c, UInt32(offset)))
    }
}
