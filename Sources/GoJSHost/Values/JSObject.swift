/// A plain JavaScript object: string-keyed properties. Subclasses add arrays,
/// byte arrays and functions. Identity (for Go's `Value.Equal` and the value
/// table) is object identity.
open class JSObject {
    public var properties: [String: JSValue]
    /// The constructor that made this object (for `instanceof`).
    public weak var constructor: JSFunction?

    public init(_ properties: [String: JSValue] = [:]) {
        self.properties = properties
    }

    /// The NaN-box type flag Go derives `Type()` from: 1 object, 4 function.
    open var typeFlag: UInt32 { 1 }

    open func get(_ name: String) -> JSValue {
        properties[name] ?? .undefined
    }

    open func set(_ name: String, _ value: JSValue) {
        properties[name] = value
    }

    open func delete(_ name: String) {
        properties[name] = nil
    }

    open func getIndex(_ index: Int) -> JSValue {
        get(String(index))
    }

    open func setIndex(_ index: Int, _ value: JSValue) {
        set(String(index), value)
    }

    /// `String(obj)`.
    open var stringValue: String { "[object Object]" }

    /// Calls the object; only functions can be called.
    open func call(this: JSValue, arguments: [JSValue]) throws -> JSValue {
        throw JSException.typeError("object is not a function")
    }

    /// `new obj(...)`; only constructors can be constructed.
    open func construct(arguments: [JSValue]) throws -> JSValue {
        throw JSException.typeError("object is not a constructor")
    }

    /// Shorthand for `obj[name](...args)` with `this = obj`.
    public func callMethod(_ name: String, _ arguments: [JSValue]) throws -> JSValue {
        guard case .object(let f) = get(name), f.typeFlag == 4 else {
            throw JSException.typeError("\(name) is not a function")
        }
        return try f.call(this: .object(self), arguments: arguments)
    }
}

/// A JavaScript array.
public final class JSArray: JSObject {
    public var elements: [JSValue]

    public init(_ elements: [JSValue] = []) {
        self.elements = elements
        super.init()
    }

    public override func get(_ name: String) -> JSValue {
        if name == "length" { return .number(Double(elements.count)) }
        if let i = Int(name), i >= 0 { return getIndex(i) }
        return super.get(name)
    }

    public override func set(_ name: String, _ value: JSValue) {
        if let i = Int(name), i >= 0 { setIndex(i, value); return }
        super.set(name, value)
    }

    public override func getIndex(_ index: Int) -> JSValue {
        index >= 0 && index < elements.count ? elements[index] : .undefined
    }

    public override func setIndex(_ index: Int, _ value: JSValue) {
        guard index >= 0, index < 1 << 24 else { return }   // a guest cannot make the host allocate unboundedly
        if index >= elements.count {
            elements.append(contentsOf: repeatElement(.undefined, count: index - elements.count + 1))
        }
        elements[index] = value
    }

    public override var stringValue: String {
        elements.map { $0.isNullOrUndefined ? "" : $0.jsString }.joined(separator: ",")
    }
}

/// A `Uint8Array`: what `js.CopyBytesToGo` / `CopyBytesToJS` accept.
public final class JSByteArray: JSObject {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        super.init()
    }

    public override func get(_ name: String) -> JSValue {
        if name == "length" || name == "byteLength" { return .number(Double(bytes.count)) }
        if let i = Int(name), i >= 0 { return getIndex(i) }
        return super.get(name)
    }

    public override func getIndex(_ index: Int) -> JSValue {
        index >= 0 && index < bytes.count ? .number(Double(bytes[index])) : .undefined
    }

    public override func setIndex(_ index: Int, _ value: JSValue) {
        guard index >= 0, index < bytes.count else { return }   // typed arrays ignore out-of-range writes
        bytes[index] = UInt8(truncatingIfNeeded: value.intValue)
    }

    public override var stringValue: String {
        bytes.map(String.init).joined(separator: ",")
    }
}
