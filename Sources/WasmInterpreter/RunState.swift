extension Executor {
    /// The interpreter loop's cold state: read on calls, returns, loop back-edges and exceptions, not per
    /// instruction. Kept behind one pointer in `run` so pc and sp get the registers.
    struct RunState {
        /// Back-edges and calls left before the next deadline check. First, so its address is the state's
        /// own: a back-edge decrements through the register holding `st`, with no second pointer to keep.
        var countdown = Executor.deadlineInterval
        var fuel: UInt64
        /// Call depth of the entry function; a frame's depth is this plus the frames below it.
        let baseDepth: Int
        /// `store.records.base`; reloaded after host calls (they may add functions).
        var records: UnsafeMutablePointer<FunctionRecord>
        /// A wasm exception a host call raised, and the pc after that call, for `unwindPendingException`.
        var pendingException: UInt64 = 0
        var throwSite: UnsafeMutablePointer<Instruction>
        /// The running function, its code and its memory 0 (base and byte count).
        var record: UnsafeMutablePointer<FunctionRecord>
        var codeBase: UnsafeMutablePointer<Instruction>
        var memBase: UnsafeMutableRawPointer
        var memSize = 0

        init(store: Store, placeholder: UnsafeMutablePointer<Instruction>) {
            fuel = store.configuration.fuel ?? 0
            baseDepth = store.callDepth + 1
            records = store.records.base
            throwSite = placeholder
            record = records
            codeBase = placeholder
            memBase = UnsafeMutableRawPointer(placeholder)
        }

        /// Makes `r` the running function: its record, its code and its memory 0.
        @inline(__always) mutating func activate(_ r: UnsafeMutablePointer<FunctionRecord>) {
            record = r
            codeBase = r.pointee.code!
            reloadMemory()
        }

        /// Memory 0 of the running function moved or grew (or the function changed).
        @inline(__always) mutating func reloadMemory() {
            memBase = record.pointee.memory!.pointee.base
            memSize = record.pointee.memory!.pointee.byteCount
        }
    }
}
