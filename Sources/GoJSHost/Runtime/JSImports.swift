/// The `syscall/js.*` imports: Go's view of JavaScript values. Imports that
/// can run Go code again (`valueCall`, `valueInvoke`, `valueNew`) read all
/// inputs first and re-read sp through `getsp` before writing results.
/// Frame offsets: gojs-abi.md §2.2.
enum JSImports {
    static let handlers: [(String, @Sendable (GoRuntime, UInt32) throws -> Void)] = [
        ("syscall/js.finalizeRef", { rt, sp in
            rt.values.release(try rt.frame(sp).uint64(8))
        }),
        ("syscall/js.stringVal", { rt, sp in
            let f = try rt.frame(sp)
            try f.setUInt64(24, rt.values.store(.string(try f.string(8))))
        }),
        // Property access never runs Go in this host (no getters), so sp cannot move here.
        ("syscall/js.valueGet", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            let name = try f.string(16)
            try f.setUInt64(32, rt.values.store(target.object?.get(name) ?? .undefined))
        }),
        ("syscall/js.valueSet", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            let name = try f.string(16)
            target.object?.set(name, rt.values.load(try f.uint64(32)))
        }),
        ("syscall/js.valueDelete", { rt, sp in
            let f = try rt.frame(sp)
            rt.values.load(try f.uint64(8)).object?.delete(try f.string(16))
        }),
        ("syscall/js.valueIndex", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            let index = try f.int64(16)
            try f.setUInt64(24, rt.values.store(target.object?.getIndex(Int(index)) ?? .undefined))
        }),
        ("syscall/js.valueSetIndex", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            target.object?.setIndex(Int(try f.int64(16)), rt.values.load(try f.uint64(24)))
        }),
        ("syscall/js.valueCall", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            let method = try f.string(16)
            let args = try f.refs(32).map(rt.values.load)
            let (result, ok) = try catchingJS {
                guard let object = target.object else {
                    throw JSException.typeError("Cannot read properties of \(target.jsString) (reading '\(method)')")
                }
                guard case .object(let function) = object.get(method), function.typeFlag == 4 else {
                    throw JSException.typeError("\(method) is not a function")
                }
                return try function.call(this: target, arguments: args)
            }
            let after = try rt.currentFrame(entry: f)
            try after.setUInt64(56, rt.values.store(result))
            try after.setBool(64, ok)
        }),
        ("syscall/js.valueInvoke", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            let args = try f.refs(16).map(rt.values.load)
            let (result, ok) = try catchingJS {
                guard let function = target.object, function.typeFlag == 4 else {
                    throw JSException.typeError("\(target.jsString) is not a function")
                }
                return try function.call(this: .undefined, arguments: args)
            }
            let after = try rt.currentFrame(entry: f)
            try after.setUInt64(40, rt.values.store(result))
            try after.setBool(48, ok)
        }),
        ("syscall/js.valueNew", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            let args = try f.refs(16).map(rt.values.load)
            let (result, ok) = try catchingJS {
                guard let constructor = target.object else {
                    throw JSException.typeError("\(target.jsString) is not a constructor")
                }
                return try constructor.construct(arguments: args)
            }
            let after = try rt.currentFrame(entry: f)
            try after.setUInt64(40, rt.values.store(result))
            try after.setBool(48, ok)
        }),
        ("syscall/js.valueLength", { rt, sp in
            let f = try rt.frame(sp)
            let target = rt.values.load(try f.uint64(8))
            try f.setInt64(16, Int64(target.object?.get("length").intValue ?? 0))
        }),
        ("syscall/js.valuePrepareString", { rt, sp in
            let f = try rt.frame(sp)
            let bytes = Array(rt.values.load(try f.uint64(8)).jsString.utf8)
            try f.setUInt64(16, rt.values.store(.object(JSByteArray(bytes))))
            try f.setInt64(24, Int64(bytes.count))
        }),
        ("syscall/js.valueLoadString", { rt, sp in
            let f = try rt.frame(sp)
            guard let source = rt.values.load(try f.uint64(8)).object as? JSByteArray else { return }
            let destination = try f.slice(16)
            try f.memory.writeBytes(source.bytes.prefix(destination.count), at: destination.address)
        }),
        ("syscall/js.valueInstanceOf", { rt, sp in
            let f = try rt.frame(sp)
            let value = rt.values.load(try f.uint64(8)).object
            let type = rt.values.load(try f.uint64(16)).object
            try f.setBool(24, value?.constructor != nil && value?.constructor === type)
        }),
        ("syscall/js.copyBytesToGo", { rt, sp in
            let f = try rt.frame(sp)
            let destination = try f.slice(8)
            guard let source = rt.values.load(try f.uint64(32)).object as? JSByteArray else {
                try f.setBool(48, false)
                return
            }
            let n = min(destination.count, source.bytes.count)
            try f.memory.writeBytes(source.bytes.prefix(n), at: destination.address)
            try f.setInt64(40, Int64(n))
            try f.setBool(48, true)
        }),
        ("syscall/js.copyBytesToJS", { rt, sp in
            let f = try rt.frame(sp)
            guard let destination = rt.values.load(try f.uint64(8)).object as? JSByteArray else {
                try f.setBool(48, false)
                return
            }
            let source = try f.slice(16)
            let n = min(destination.bytes.count, source.count)
            let bytes = try f.memory.readBytes(source.address, count: n)
            destination.bytes.replaceSubrange(0..<n, with: bytes)
            try f.setInt64(40, Int64(n))
            try f.setBool(48, true)
        }),
    ]

    /// Runs a JavaScript action: a thrown JS value becomes (value, ok = false)
    /// for Go; any other error (a trap in nested Go code) propagates.
    private static func catchingJS(_ body: () throws -> JSValue) throws -> (JSValue, Bool) {
        do {
            return (try body(), true)
        } catch let e as JSException {
            return (e.value, false)
        }
    }
}
