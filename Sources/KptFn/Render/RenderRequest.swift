/// Everything `kpt fn render` was asked to do, after flag validation.
public struct RenderRequest {
    public var packagePath: String
    public var output: OutputTarget = .inPlace
    public var resultsDir: String?
    public var allowWasm = false
    public var allowExec = false
    public var imagePrefix = ImageNames.defaultPrefix
    public var truncateOutput = true

    public init(packagePath: String) { self.packagePath = packagePath }
}
