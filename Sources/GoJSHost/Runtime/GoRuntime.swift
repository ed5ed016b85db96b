/// Per-instance host state: the JavaScript world Go sees (value table, global
/// object, the `go` object), stdio, timers and the exit status. The imports
/// (RuntimeImports, JSImports) operate on it.
final class GoRuntime {
    let global: JSObject
    let goObject: JSObject
    let values: ValueTable
    let output: GuestOutput
    let timers = TimerQueue()
    private var stdin: [UInt8]
    private var stdinOffset = 0

    /// Set once Go called `runtime.wasmExit`.
    private(set) var exitCode: Int32?
    /// The first non-JavaScript failure seen inside an import (a trap from a
    /// nested `resume`, a bad guest address). Engines may wrap errors thrown
    /// through host functions; this keeps the original for the report.
    var abortError: Error?
    /// Import calls made so far (diagnostics).
    var importCalls = 0
    /// Times Go's stack had moved when an import re-read sp (diagnostics).
    var stackMoves = 0

    /// Set after instantiation; imports are only called while it is set.
    var guest: GoGuest?

    init(stdin: [UInt8], output: GuestOutput) {
        self.stdin = stdin
        self.output = output
        global = JSObject()
        goObject = JSObject()
        values = ValueTable(global: global, go: goObject)
        GlobalObject.populate(global, goObject: goObject, runtime: self)
    }

    var hasExited: Bool { exitCode != nil }

    func exit(code: Int32) {
        if exitCode == nil { exitCode = code }
    }

    func attachedGuest() throws -> GoGuest {
        guard let guest else { throw GoHostError.notStarted }
        return guest
    }

    /// The frame of the current import at `sp`.
    func frame(_ sp: UInt32) throws -> StackFrame {
        StackFrame(memory: try attachedGuest().memory, sp: sp)
    }

    /// The frame again after Go code may have run (its stack may have moved).
    func currentFrame(entry: StackFrame) throws -> StackFrame {
        let g = try attachedGuest()
        let frame = StackFrame(memory: g.memory, sp: try g.getsp())
        if frame.sp != entry.sp { stackMoves += 1 }
        return frame
    }

    /// Calls a Go function made by `js.FuncOf` (through `go._makeFuncWrapper`):
    /// post the event, resume Go, read `event.result`.
    func invokeGoFunction(id: Double, this: JSValue, arguments: [JSValue]) throws -> JSValue {
        guard !hasExited else {
            throw JSException(.object(JSException.errorObject("Go program has already exited")))
        }
        let event = JSObject(["id": .number(id), "this": this, "args": .object(JSArray(arguments))])
        goObject.set("_pendingEvent", .object(event))
        try resumeGuest()
        return event.get("result")
    }

    /// Resumes Go; remembers the first engine failure so nested failures keep their kind.
    func resumeGuest() throws {
        do {
            try attachedGuest().resume()
        } catch {
            if abortError == nil { abortError = error }
            throw error
        }
    }

    /// `fs.read(0, …)`: the next stdin bytes (empty at end of input).
    func readStdin(max count: Int) -> ArraySlice<UInt8> {
        let end = min(stdin.count, stdinOffset + max(0, count))
        defer { stdinOffset = end }
        return stdin[stdinOffset..<end]
    }
}
