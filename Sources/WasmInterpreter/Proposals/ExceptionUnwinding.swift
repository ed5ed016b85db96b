import WasmParser

/// A try_table body as a range of instruction indexes and its catch clauses, in order.
struct CatchRegion {
    var start: Int32
    var end: Int32
    var clauses: [CatchTarget]
    /// Tail calls of host functions in the body: the call runs in our frame, but by the spec it replaced
    /// the frame, so what it throws is not ours to catch.
    var tailCalls: [Int32] = []
}

/// One catch clause, resolved: the tag's store address (-1 for catch_all), where the caught values go
/// (payload, then the exnref for the `_ref` kinds, from slot `destination` up) and the landing pad that
/// branches to the clause's label with them.
struct CatchTarget {
    var tag: Int
    var passesReference: Bool
    var destination: Int32
    var landing: Int32
}

/// `Instruction.exception(start)` and the handler search. The non-throwing path pays nothing: regions are
/// only consulted once an exception is in flight, frame by frame, by that instruction in the executor.
///
/// aux[start...]: `throwTag`, tag address, payload count n, n payload slots; or `throwReference`, exnref slot.
enum ExceptionUnwinding {
    static let throwTag: Int32 = 0, throwReference: Int32 = 1

    /// The exnref of the exception to raise (a new object for `throw`).
    static func raise(_ p: UnsafeMutablePointer<Int32>, _ sp: UnsafeMutablePointer<UInt64>, _ store: Store) throws -> UInt64 {
        if p[0] == throwReference {
            let reference = sp[Int(p[1])]
            guard reference != 0 else { throw Trap(.nullReference, "null exception reference") }
            return reference
        }
        let tag = Int(p[1]), count = Int(p[2])
        let params = store.tags[tag].type.params
        var payload = [UInt64]()
        payload.reserveCapacity(count)
        for i in 0..<count {
            let c = sp[Int(p[3 + i])]
            // Vector handles in frames are transient; the exception may outlive the invocation.
            payload.append(params[i] == .v128 ? try store.vectors.pin(store.vectors[c]) : c)
        }
        return try store.newException(tag: tag, payload: payload)
    }

    /// The exnref cell of an exception in flight, or nil for any other error (traps are never caught).
    /// An `UncaughtException` comes from a host function, or from a nested invocation it made.
    static func inFlight(_ error: any Error, _ store: Store) throws -> UInt64? {
        if let thrown = error as? ThrownException { return thrown.reference }
        if let uncaught = error as? UncaughtException {
            return try store.exceptionCell(uncaught.exception, escaped: false)
        }
        return nil
    }

    /// The first clause around instruction `index` of `function` that catches the exception.
    static func handler(_ store: Store, function: Int, at index: Int, reference: UInt64) -> CatchTarget? {
        guard let regions = store.functions[function].compiled?.catchRegions, !regions.isEmpty else { return nil }
        let tag = store.exceptionObject(reference).tag
        for region in regions where Int(region.start) <= index && index < Int(region.end)
            && !region.tailCalls.contains(Int32(index)) {
            for clause in region.clauses where clause.tag < 0 || clause.tag == tag { return clause }
        }
        return nil
    }

    /// Writes what `clause` passes to its label into the handling frame. A clause without exnref ends the
    /// exception's life unless an exnref to it was handed out before.
    static func deliver(_ clause: CatchTarget, reference: UInt64, _ sp: UnsafeMutablePointer<UInt64>, _ store: Store) {
        var d = Int(clause.destination)
        if clause.tag >= 0 {
            for c in store.exceptionObject(reference).payload {
                sp[d] = c
                d += 1
            }
        }
        if clause.passesReference {
            sp[d] = reference
            store.markEscaped(reference)
        } else {
            store.releaseIfUnescaped(reference)
        }
    }
}
