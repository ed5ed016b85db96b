extension Executor {
    /// A suspended caller. `record` points into `store.records`; the table only moves when a host call adds
    /// functions, and `callHostInLoop` then rebases every saved frame.
    struct Frame {
        var pc: UnsafeMutablePointer<Instruction>
        var sp: UnsafeMutablePointer<UInt64>
        var record: UnsafeMutablePointer<FunctionRecord>
    }

    /// The callers of the running activation, innermost last. `count` is also the activation's call depth,
    /// so one comparison against `limit` (the smaller of the capacity and the depth still allowed) checks
    /// both per call; `makeRoom` sorts out which one was hit.
    struct FrameStack {
        private(set) var base: UnsafeMutablePointer<Frame>
        private(set) var count = 0
        private(set) var limit: Int
        private var capacity: Int
        /// How many frames `maxCallDepth` allows this activation.
        fileprivate let depthRoom: Int

        init(depthRoom: Int) {
            self.depthRoom = max(depthRoom, 0)
            capacity = 256
            base = .allocate(capacity: capacity)
            limit = min(capacity, self.depthRoom)
        }

        var isFull: Bool {
            @inline(__always) get { count == limit }
        }

        /// Called when `isFull`: traps at the depth limit, else grows the storage.
        mutating func makeRoom() throws {
            guard count < depthRoom else { throw Trap(.callStackExhausted) }
            let bigger = UnsafeMutablePointer<Frame>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
            limit = min(capacity, depthRoom)
        }

        /// Only after `isFull` was false (or `makeRoom` succeeded).
        @inline(__always) mutating func push(_ f: Frame) {
            (base + count).initialize(to: f)
            count += 1
        }

        @inline(__always) mutating func pop() -> Frame {
            count -= 1
            return base[count]
        }

        /// The function-record table moved from `old` to `new` (a host call added functions).
        mutating func rebase(from old: UnsafeMutablePointer<FunctionRecord>, to new: UnsafeMutablePointer<FunctionRecord>) {
            for i in 0..<count { base[i].record = new + (base[i].record - old) }
        }

        func deallocate() { base.deallocate() }
    }
}

extension Executor.FrameStack {
    /// True while a call (wasm or host) stays within `maxCallDepth`.
    var belowDepthLimit: Bool { count < depthRoom }
}

extension Executor {
    /// Enters wasm function `callee` from `.call`/`.callIndirect` (which translated it if it had no code yet):
    /// depth, fuel and value stack checks in the order they trap, the caller's frame saved, the callee's set up.
    @inline(__always)
    static func pushCall(to callee: UnsafeMutablePointer<FunctionRecord>, _ frameBase: Int32,
                         _ st: UnsafeMutablePointer<RunState>, _ fuelOn: Bool,
                         _ stackEnd: UnsafeMutablePointer<UInt64>, _ frames: inout FrameStack,
                         _ sp: inout UnsafeMutablePointer<UInt64>, _ pc: inout UnsafeMutablePointer<Instruction>) throws {
        if frames.isFull { try frames.makeRoom() }
        if fuelOn {
            if st.pointee.fuel == 0 { throw Trap(.outOfFuel) }
            st.pointee.fuel -= 1
        }
        let calleeSp = sp + Int(frameBase)
        guard calleeSp + Int(callee.pointee.frameSize) <= stackEnd else { throw Trap(.callStackExhausted) }
        frames.push(Frame(pc: pc, sp: sp, record: st.pointee.record))
        sp = calleeSp
        enterFrame(sp, callee)
        st.pointee.activate(callee)
        pc = st.pointee.codeBase
    }
}
