/// A function implemented by the host (a Swift closure), optionally usable
/// as a constructor with `new`.
public class JSFunction: JSObject {
    public typealias Body = (_ this: JSValue, _ arguments: [JSValue]) throws -> JSValue
    public typealias Constructor = (_ arguments: [JSValue]) throws -> JSValue

    public let name: String
    private let body: Body?
    private let constructorBody: Constructor?

    public init(name: String, body: Body? = nil, construct: Constructor? = nil) {
        self.name = name
        self.body = body
        self.constructorBody = construct
        super.init()
    }

    public override var typeFlag: UInt32 { 4 }

    public override var stringValue: String { "function \(name)() { [native code] }" }

    public override func call(this: JSValue, arguments: [JSValue]) throws -> JSValue {
        guard let body else { throw JSException.typeError("\(name) cannot be called without new") }
        return try body(this, arguments)
    }

    public override func construct(arguments: [JSValue]) throws -> JSValue {
        guard let constructorBody else { throw JSException.typeError("\(name) is not a constructor") }
        let made = try constructorBody(arguments)
        made.object?.constructor = self
        return made
    }
}

/// What `go._makeFuncWrapper(id)` returns: calling it runs the Go function
/// registered with `js.FuncOf` under `id` (through `_pendingEvent` + `resume`).
final class GoFuncWrapper: JSFunction {
    let funcID: Double

    init(funcID: Double, invoke: @escaping (_ id: Double, _ this: JSValue, _ arguments: [JSValue]) throws -> JSValue) {
        self.funcID = funcID
        super.init(name: "goFunc\(Int(funcID))", body: { this, args in try invoke(funcID, this, args) })
    }
}
