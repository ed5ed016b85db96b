/// Builds the object graph Go reads through `js.Global()` (id 5) and the `go`
/// object (id 6). Only what Go's standard library touches is provided
/// (gojs-abi.md §6): constructors, `fs`, `process`, `path`, `crypto`, `console`.
enum GlobalObject {
    static func populate(_ global: JSObject, goObject: JSObject, runtime: GoRuntime) {
        global.set("Object", .object(Constructors.object()))
        global.set("Array", .object(Constructors.array()))
        global.set("Uint8Array", .object(Constructors.uint8Array()))
        global.set("Date", .object(DateConstructor.make()))
        global.set("fs", .object(FileSystemObject.make(runtime: runtime)))
        global.set("process", .object(ProcessObject.make()))
        global.set("path", .object(pathObject()))
        global.set("crypto", .object(cryptoObject()))
        global.set("console", .object(consoleObject(runtime: runtime)))

        // Go polls `_pendingEvent` with IsNull(); it must start as null, not undefined.
        goObject.set("_pendingEvent", .null)
        goObject.set("_makeFuncWrapper", .object(JSFunction(name: "_makeFuncWrapper") { [weak runtime] _, args in
            guard let runtime else { throw JSException.typeError("Go instance is gone") }
            let id = args.first?.numberValue ?? .nan
            return .object(GoFuncWrapper(funcID: id) { [weak runtime] id, this, arguments in
                guard let runtime else { throw JSException.typeError("Go instance is gone") }
                return try runtime.invokeGoFunction(id: id, this: this, arguments: arguments)
            })
        }))
    }

    /// `path.resolve(...)` joins with "/" like the glue's polyfill: there is no cwd here.
    private static func pathObject() -> JSObject {
        JSObject(["resolve": .object(JSFunction(name: "resolve") { _, args in
            .string(args.map(\.jsString).joined(separator: "/"))
        })])
    }

    /// `crypto.getRandomValues(array)`: Go 1.19's crypto/rand uses it.
    private static func cryptoObject() -> JSObject {
        JSObject(["getRandomValues": .object(JSFunction(name: "getRandomValues") { _, args in
            guard let array = args.first?.object as? JSByteArray else {
                throw JSException.typeError("getRandomValues: argument is not a Uint8Array")
            }
            array.bytes = RandomBytes.make(array.bytes.count)
            return .object(array)
        })])
    }

    /// `console.log` to stdout, `console.error`/`warn` to stderr (Go uses
    /// `console.error` for calls to released functions).
    private static func consoleObject(runtime: GoRuntime) -> JSObject {
        func printer(_ fd: Int) -> JSValue {
            .object(JSFunction(name: fd == 1 ? "log" : "error") { [weak runtime] _, args in
                let line = args.map(\.jsString).joined(separator: " ") + "\n"
                runtime?.output.write(fd: fd, Array(line.utf8)[...])
                return .undefined
            })
        }
        return JSObject(["log": printer(1), "error": printer(2), "warn": printer(2)])
    }
}
