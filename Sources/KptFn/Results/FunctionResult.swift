/// One entry of a function's `results` (the KRM functions spec's structured result).
public struct ResultItem: Equatable, Sendable {
    public struct ResourceRef: Equatable, Sendable {
        public var apiVersion = "", kind = "", name = "", namespace = ""
        public init(apiVersion: String = "", kind: String = "", name: String = "", namespace: String = "") {
            self.apiVersion = apiVersion; self.kind = kind; self.name = name; self.namespace = namespace
        }
    }
    public struct Field: Equatable, Sendable {
        public var path = ""
        public var currentValue: String?
        public var proposedValue: String?
        public init(path: String = "", currentValue: String? = nil, proposedValue: String? = nil) {
            self.path = path; self.currentValue = currentValue; self.proposedValue = proposedValue
        }
    }
    public struct File: Equatable, Sendable {
        public var path = ""
        public var index: Int?
        public init(path: String = "", index: Int? = nil) { self.path = path; self.index = index }
    }

    public var message: String
    public var severity: String
    public var resourceRef: ResourceRef?
    public var field: Field?
    public var file: File?
    public var tags: [(key: String, value: String)]

    public init(message: String, severity: String = "", resourceRef: ResourceRef? = nil,
                field: Field? = nil, file: File? = nil, tags: [(key: String, value: String)] = []) {
        self.message = message; self.severity = severity; self.resourceRef = resourceRef
        self.field = field; self.file = file; self.tags = tags
    }

    public var isError: Bool { severity == "error" }

    public static func == (a: ResultItem, b: ResultItem) -> Bool {
        a.message == b.message && a.severity == b.severity && a.resourceRef == b.resourceRef
            && a.field == b.field && a.file == b.file
            && a.tags.map(\.key) == b.tags.map(\.key) && a.tags.map(\.value) == b.tags.map(\.value)
    }
}

/// What one executed function step contributed to the `FunctionResultList`.
public struct FunctionResult: Equatable, Sendable {
    public var reference: FunctionReference
    public var stderr: String
    public var exitCode: Int32
    public var results: [ResultItem]

    public init(reference: FunctionReference, stderr: String = "", exitCode: Int32 = 0, results: [ResultItem] = []) {
        self.reference = reference; self.stderr = stderr; self.exitCode = exitCode; self.results = results
    }

    public var hasErrorResult: Bool { results.contains { $0.isError } }
}

/// kpt's `FunctionResultList` (apiVersion kpt.dev/v1), accumulated over a run.
public struct FunctionResultList: Equatable, Sendable {
    public var items: [FunctionResult] = []
    /// 1 once any function failed.
    public var exitCode: Int32 = 0
    public init() {}
}
