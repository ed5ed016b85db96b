/// Everything `kpt fn eval` was asked to do, after flag validation.
public struct EvalRequest {
    /// `--save -t TYPE [--tag T]`.
    public struct Save {
        public var type: String
        public var tag: String?
        public init(type: String, tag: String?) { self.type = type; self.tag = tag }
    }

    /// Package directory or `-` for stdin.
    public var target: String
    public var function: FunctionReference
    public var functionArguments: [String] = []
    public var fnConfigPath: String?
    public var output: OutputTarget = .inPlace
    public var resultsDir: String?
    public var selector: ResourceSelector?
    public var exclusion: ResourceSelector?
    public var allowWasm = false
    public var pullPolicy: ImagePullPolicy = .ifNotPresent
    public var truncateOutput = true
    public var save: Save?

    public init(target: String, function: FunctionReference) {
        self.target = target
        self.function = function
    }
}

/// `-o/--output`.
public enum OutputTarget: Equatable, Sendable {
    case inPlace, stdout, unwrap
    case directory(String)

    /// Parses the flag; a directory must not exist yet (kpt's message otherwise).
    public init(flag: String) throws {
        switch flag {
        case "": self = .inPlace
        case "stdout": self = .stdout
        case "unwrap": self = .unwrap
        default:
            if FileSystem.exists(flag) {
                throw FunctionError("directory \"\(flag)\" already exists, please delete the directory and retry")
            }
            self = .directory(flag)
        }
    }
}

/// A failure whose details were already printed (or that carries the one line still to print).
public struct KptFailure: Error, CustomStringConvertible {
    /// Text still to print as the final error line; nil when everything was shown already.
    public let message: String?
    public init(message: String?) { self.message = message }
    public var description: String { message ?? "function failed" }
}
