/// The parts of a Kptfile (apiVersion kpt.dev/v1) that fn render uses: the pipeline.
public struct Kptfile {
    public var name: String
    public var annotations: [String: String]
    public var mutators: [PipelineFunction]
    public var validators: [PipelineFunction]

    public init(name: String = "", annotations: [String: String] = [:],
                mutators: [PipelineFunction] = [], validators: [PipelineFunction] = []) {
        self.name = name; self.annotations = annotations; self.mutators = mutators; self.validators = validators
    }
}

/// One `pipeline.mutators[i]` / `pipeline.validators[i]` entry.
public struct PipelineFunction {
    public var image: String?
    public var exec: String?
    public var tag: String?
    public var name: String?
    public var configPath: String?
    /// `configMap:` key/values, in file order.
    public var configMap: [(key: String, value: YAMLNode)]?
    public var selectors: [ResourceSelector] = []
    public var exclusions: [ResourceSelector] = []

    public init() {}

    /// Image or exec, as given in the Kptfile.
    public var reference: FunctionReference {
        if let i = image { return .image(i) }
        return .exec(exec ?? "")
    }
}
