import Foundation
import WasmInterpreter
import WasmParser

/// Tally of one script or one suite.
struct SpecTally {
    var passed = 0, failed = 0, skipped = 0
    var failures: [String] = []

    mutating func add(_ other: SpecTally) {
        passed += other.passed; failed += other.failed; skipped += other.skipped
        failures += other.failures
    }
}

/// Runs one spec script (a JSON file of commands) on a fresh store, per the suite README's rules.
final class SpecScriptRunner {
    private let scriptURL: URL
    private let features: WasmFeatures
    private let skipList: SpecSkipList
    private let store: Store
    private var imports = Imports()
    private var current: Instance?
    private var named: [String: Instance] = [:]
    private(set) var tally = SpecTally()

    init(scriptURL: URL, features: WasmFeatures, skipList: SpecSkipList) throws {
        self.scriptURL = scriptURL
        self.features = features
        self.skipList = skipList
        var configuration = EngineConfiguration()
        configuration.maxCallDepth = 10_000
        self.store = Store(configuration: configuration)
        try SpectestHostModule.define(in: store, into: &imports)
    }

    private var directory: URL { scriptURL.deletingLastPathComponent() }
    private var scriptName: String { scriptURL.deletingPathExtension().lastPathComponent }

    func run() throws -> SpecTally {
        guard let commands = try SpecJSON.load(scriptURL)["commands"] as? [[String: Any]] else {
            throw SpecValueError.unsupported("\(scriptURL.path): no commands")
        }
        for command in commands { execute(command) }
        return tally
    }

    // MARK: - Commands

    private func execute(_ command: [String: Any]) {
        let type = command["type"] as? String ?? "?"
        let line = command["line"] as? Int ?? 0
        let outcome: Result<Void, SpecFailure>
        switch type {
        case "module":
            outcome = runModule(command)
        case "register":
            let instance = (command["name"] as? String).flatMap { named[$0] } ?? current
            if let instance, let alias = command["as"] as? String { imports.register(instance, as: Name(alias)) }
            return
        case "action":
            outcome = perform(command["action"]).map { _ in () }
        case "assert_return":
            outcome = assertReturn(command)
        case "assert_exception":
            outcome = assertException(command)
        case "assert_trap", "assert_exhaustion":
            outcome = assertTrap(command, exhaustion: type == "assert_exhaustion")
        case "assert_invalid", "assert_malformed":
            if type == "assert_malformed", command["module_type"] as? String == "text", skipList.skipTextMalformed {
                tally.skipped += 1
                return
            }
            outcome = assertRejected(command)
        case "assert_unlinkable":
            outcome = assertInstantiationFails(command, expectLinkError: true)
        case "assert_uninstantiable":
            outcome = assertInstantiationFails(command, expectLinkError: false)
        default:
            outcome = .failure(SpecFailure("unsupported command type \(type)"))
        }
        switch outcome {
        case .success: tally.passed += 1
        case .failure(let failure):
            tally.failed += 1
            tally.failures.append("\(scriptName).wast:\(line): \(type): \(failure.message)")
        }
    }

    private func moduleBytes(_ command: [String: Any]) throws -> [UInt8] {
        let file = (command["module_type"] as? String == "text" ? command["binary_filename"] as? String : nil)
            ?? command["filename"] as? String ?? ""
        return [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
    }

    private func load(_ command: [String: Any]) throws -> Module {
        try parseModule(try moduleBytes(command), options: ParseOptions(features: features, validateBodies: true))
    }

    private func runModule(_ command: [String: Any]) -> Result<Void, SpecFailure> {
        current = nil
        do {
            let instance = try store.instantiate(try load(command), imports: imports)
            current = instance
            if let name = command["name"] as? String { named[name] = instance }
            return .success(())
        } catch {
            return .failure(SpecFailure("module failed: \(error)"))
        }
    }

    private func assertRejected(_ command: [String: Any]) -> Result<Void, SpecFailure> {
        let expected = command["text"] as? String ?? ""
        do {
            _ = try load(command)
            return .failure(SpecFailure("module was accepted, expected \"\(expected)\""))
        } catch {
            return .success(())
        }
    }

    private func assertInstantiationFails(_ command: [String: Any], expectLinkError: Bool) -> Result<Void, SpecFailure> {
        let expected = command["text"] as? String ?? ""
        let module: Module
        do { module = try load(command) } catch {
            return .failure(SpecFailure("module did not load: \(error)"))
        }
        do {
            _ = try store.instantiate(module, imports: imports)
            return .failure(SpecFailure("instantiation succeeded, expected \"\(expected)\""))
        } catch let error as LinkError {
            return expectLinkError ? .success(()) : .failure(SpecFailure("link error \(error), expected trap \"\(expected)\""))
        } catch let error as Trap {
            return expectLinkError ? .failure(SpecFailure("trap \(error), expected link error \"\(expected)\"")) : .success(())
        } catch {
            return .failure(SpecFailure("unexpected error \(error), expected \"\(expected)\""))
        }
    }

    // MARK: - Actions

    private func perform(_ actionObject: Any?) -> Result<[Value], SpecFailure> {
        guard let action = actionObject as? [String: Any], let field = action["field"] as? String else {
            return .failure(SpecFailure("malformed action"))
        }
        let instance: Instance?
        if let moduleName = action["module"] as? String { instance = named[moduleName] } else { instance = current }
        guard let instance else { return .failure(SpecFailure("no instance for action on \"\(field)\"")) }
        let export = instance.export(Name(bytes: Array(field.utf8)))
        switch action["type"] as? String {
        case "invoke":
            guard case .function(let function)? = export else {
                return .failure(SpecFailure("no exported function \"\(field)\""))
            }
            do {
                let args = try (action["args"] as? [[String: Any]] ?? []).map(SpecValue.argument)
                return .success(try function.invoke(args))
            } catch let error as SpecValueError {
                return .failure(SpecFailure(error.description))
            } catch {
                return .failure(SpecFailure("\(error)", thrown: error))
            }
        case "get":
            guard case .global(let global)? = export else {
                return .failure(SpecFailure("no exported global \"\(field)\""))
            }
            return .success([global.value])
        default:
            return .failure(SpecFailure("unsupported action \(action["type"] ?? "?")"))
        }
    }

    private func assertReturn(_ command: [String: Any]) -> Result<Void, SpecFailure> {
        let expectations: [SpecExpectation]
        do { expectations = try (command["expected"] as? [[String: Any]] ?? []).map(SpecValue.expectation) } catch {
            return .failure(SpecFailure("\(error)"))
        }
        switch perform(command["action"]) {
        case .failure(let failure): return .failure(failure)
        case .success(let results):
            guard results.count == expectations.count,
                  zip(expectations, results).allSatisfy({ $0.matches($1) }) else {
                return .failure(SpecFailure("got \(results), expected \(command["expected"] ?? [])"))
            }
            return .success(())
        }
    }

    /// The action must end with a wasm exception that no handler caught.
    private func assertException(_ command: [String: Any]) -> Result<Void, SpecFailure> {
        switch perform(command["action"]) {
        case .success(let results):
            return .failure(SpecFailure("returned \(results), expected an uncaught exception"))
        case .failure(let failure):
            return failure.thrown is UncaughtException ? .success(()) : .failure(failure)
        }
    }

    private func assertTrap(_ command: [String: Any], exhaustion: Bool) -> Result<Void, SpecFailure> {
        let expected = command["text"] as? String ?? ""
        switch perform(command["action"]) {
        case .success(let results):
            return .failure(SpecFailure("returned \(results), expected trap \"\(expected)\""))
        case .failure(let failure):
            guard let trap = failure.thrown as? Trap else { return .failure(failure) }
            if exhaustion {
                return trap.kind == .callStackExhausted ? .success(()) : .failure(SpecFailure("trap \(trap), expected exhaustion"))
            }
            // The reference interpreter's message must be found in ours (wasmi and WasmKit check the same way).
            return trap.message.contains(expected) || expected.contains(trap.message)
                ? .success(()) : .failure(SpecFailure("trap \"\(trap.message)\", expected \"\(expected)\""))
        }
    }
}

struct SpecFailure: Error {
    let message: String
    var thrown: Error?
    init(_ message: String, thrown: Error? = nil) { self.message = message; self.thrown = thrown }
}
