/// How a function is named: an OCI image or a local executable / module path.
public enum FunctionReference: Equatable, Sendable {
    case image(String)
    case exec(String)

    /// The name kpt prints in `[RUNNING] "<name>"`: the resolved image or the exec string as typed.
    public var displayName: String {
        switch self {
        case .image(let i): return i
        case .exec(let e): return e
        }
    }
}

/// The concrete way a function will be run, decided from its reference and the flags (kpt.md §1.1).
public enum FunctionKind: Equatable, Sendable {
    case wasmFile(path: String)
    case wasmImage(image: String)
    case nativeExec(path: String, arguments: [String])
    case containerImage(image: String)
}

/// Which command is choosing, since eval and render apply the flags differently.
public enum FunctionCommand: Sendable { case eval, render }

public enum FunctionKindSelector {
    /// Picks the runner kind. eval: `--exec` is wasm when its first word ends in `.wasm` (or the
    /// file starts with the wasm magic) and `--allow-alpha-wasm` is on. render: every `exec:` is wasm
    /// when `--allow-alpha-wasm` is on. Images are wasm only with `--allow-alpha-wasm`.
    public static func kind(of reference: FunctionReference, command: FunctionCommand, allowWasm: Bool,
                            isWasmFile: (String) -> Bool = WasmMagic.fileHasMagic) throws -> FunctionKind {
        switch reference {
        case .image(let image):
            return allowWasm ? .wasmImage(image: image) : .containerImage(image: image)
        case .exec(let text):
            if command == .render && allowWasm { return .wasmFile(path: text) }
            let words = try ShellWords.split(text)
            guard let path = words.first else { throw FunctionError("must specify --image or --exec") }
            if allowWasm && (path.hasSuffix(".wasm") || isWasmFile(path)) {
                return .wasmFile(path: path)
            }
            return .nativeExec(path: path, arguments: Array(words.dropFirst()))
        }
    }
}
