import GoText
import WasmParser

/// A KRM function compiled to Go js/wasm, run the way kpt runs one
/// (kpt.md §1.4): start the module, call `processResourceList(input)`, and if
/// the result is not a ResourceList call `processResourceListErrors(input)`
/// for the details. The parsed module is kept and can be run many times
/// (render calls one function once per package); every run gets a fresh instance.
public final class KRMFunction {
    public let module: Module
    public var limits: GoHostLimits
    /// argv kpt's embedded runtime passes (the program name only, no environment).
    public var arguments = ["krm-fn-wasm-wasmtime"]

    public init(module: Module, limits: GoHostLimits = .init()) {
        self.module = module
        self.limits = limits
    }

    /// Parses the module lazily (see `GoProgram.parseModule`).
    public convenience init(wasm bytes: [UInt8], limits: GoHostLimits = .init()) throws {
        self.init(module: try GoProgram.parseModule(bytes), limits: limits)
    }

    /// Runs the function on one serialized ResourceList.
    /// - Returns: the output ResourceList text, plus anything the guest printed.
    /// - Throws: `KRMFunctionError`.
    public func run(resourceList input: String, output: GuestOutput = GuestOutput()) throws -> KRMFunctionResult {
        let program: GoProgram
        do {
            program = try GoProgram.start(module: module, arguments: arguments, limits: limits, output: output)
        } catch let error as GoHostError {
            throw KRMFunctionError.host(error)
        }
        if let code = program.exitCode {
            // kpt: a module whose main returns before registering fails the lookup.
            if code == 0 {
                throw KRMFunctionError.cannotInvoke(function: "processResourceList", cause: .globalNotFound("processResourceList"))
            }
            throw KRMFunctionError.host(.exited(code: code, stderr: output.stderrText))
        }
        let result: JSValue
        do {
            result = try program.call(global: "processResourceList", arguments: [.string(input)])
        } catch let error as GoHostError {
            switch error {
            case .globalNotFound, .globalNotAFunction:
                throw KRMFunctionError.cannotInvoke(function: "processResourceList", cause: error)
            default:
                throw KRMFunctionError.host(error)
            }
        }
        let text = result.jsString
        guard ResourceListCheck.looksLikeResourceList(text) else {
            let details: String
            do {
                details = try program.call(global: "processResourceListErrors", arguments: [.string(input)]).jsString
            } catch let error as GoHostError {
                throw KRMFunctionError.errorsUnavailable(output: text, cause: error)
            }
            throw KRMFunctionError.invalidOutput(output: text, errors: details)
        }
        return KRMFunctionResult(output: text, guestOutput: output)
    }
}

/// A successful run. `guestOutput` holds what the function printed to
/// stdout/stderr (kpt's runtimes mix it into stdout; callers decide).
public struct KRMFunctionResult {
    public let output: String
    public let guestOutput: GuestOutput
}

/// How a KRM wasm function failed, worded like kpt's wasm runtime.
public enum KRMFunctionError: Error, CustomStringConvertible {
    /// The module did not register the function (or it is not callable).
    case cannotInvoke(function: String, cause: GoHostError)
    /// The result is not a ResourceList; `errors` is processResourceListErrors' answer.
    case invalidOutput(output: String, errors: String)
    /// The result is not a ResourceList and the error function could not be called.
    case errorsUnavailable(output: String, cause: GoHostError)
    /// The program exited, panicked, trapped or hit a limit.
    case host(GoHostError)

    public var description: String {
        switch self {
        case .cannotInvoke(let function, let cause):
            return "unable to invoke \(function): \(cause)"
        case .invalidOutput(let output, let errors):
            return "invalid resource list output from wasm library; got \(GoQuote.quote(output))" + (errors.isEmpty ? "" : "\n\(errors)")
        case .errorsUnavailable(let output, let cause):
            return "invalid resource list output from wasm library; got \(GoQuote.quote(output))\n"
                + "unable to retrieve additional error message from function: \(cause)"
        case .host(let error):
            return error.description
        }
    }
}

/// A light check that a text is a ResourceList document: a top-level
/// `kind: ResourceList` (YAML) or `"kind": "ResourceList"` (JSON). Full YAML
/// parsing is the caller's job (KptFn); this only decides whether to ask the
/// function for its error text, as kpt does.
enum ResourceListCheck {
    static func looksLikeResourceList(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        if trimmed.first == "{" {
            let compact = String(text.filter { $0 != " " && $0 != "\n" && $0 != "\t" && $0 != "\r" })
            return compact.contains(#""kind":"ResourceList""#)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.hasPrefix("kind:") else { continue }
            var value = line.dropFirst(5).trimmingCharacters(in: " \t\r")
            if let hash = value.firstIndex(of: "#") { value = String(value[..<hash]).trimmingCharacters(in: " \t") }
            if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f { value = String(value.dropFirst().dropLast()) }
            return value == "ResourceList"
        }
        return false
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(self).trimmingCharacters(in: set)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
