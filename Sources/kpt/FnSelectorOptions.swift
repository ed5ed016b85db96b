import ArgumentParser
import KptFn

/// `--match-*` / `--exclude-*` flags shared by fn eval.
struct FnSelectorOptions: ParsableArguments {
    @Option(name: .customLong("match-api-version"), help: "Select resources with this apiVersion.")
    var matchAPIVersion: String = ""
    @Option(name: .customLong("match-kind"), help: "Select resources of this kind.")
    var matchKind: String = ""
    @Option(name: .customLong("match-name"), help: "Select resources with this name.")
    var matchName: String = ""
    @Option(name: .customLong("match-namespace"), help: "Select resources in this namespace.")
    var matchNamespace: String = ""
    @Option(name: .customLong("match-annotations"), help: "Select resources with these annotations (key=value).")
    var matchAnnotations: [String] = []
    @Option(name: .customLong("match-labels"), help: "Select resources with these labels (key=value).")
    var matchLabels: [String] = []
    @Option(name: .customLong("exclude-api-version"), help: "Exclude resources with this apiVersion.")
    var excludeAPIVersion: String = ""
    @Option(name: .customLong("exclude-kind"), help: "Exclude resources of this kind.")
    var excludeKind: String = ""
    @Option(name: .customLong("exclude-name"), help: "Exclude resources with this name.")
    var excludeName: String = ""
    @Option(name: .customLong("exclude-namespace"), help: "Exclude resources in this namespace.")
    var excludeNamespace: String = ""
    @Option(name: .customLong("exclude-annotations"), help: "Exclude resources with these annotations (key=value).")
    var excludeAnnotations: [String] = []
    @Option(name: .customLong("exclude-labels"), help: "Exclude resources with these labels (key=value).")
    var excludeLabels: [String] = []

    func selector() throws -> ResourceSelector? {
        try Self.make(matchAPIVersion, matchKind, matchName, matchNamespace, matchLabels, matchAnnotations)
    }

    func exclusion() throws -> ResourceSelector? {
        try Self.make(excludeAPIVersion, excludeKind, excludeName, excludeNamespace, excludeLabels, excludeAnnotations)
    }

    private static func make(_ apiVersion: String, _ kind: String, _ name: String, _ namespace: String,
                             _ labels: [String], _ annotations: [String]) throws -> ResourceSelector? {
        let s = ResourceSelector(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace,
                                 labels: try pairs(labels), annotations: try pairs(annotations))
        return s.isEmpty ? nil : s
    }

    private static func pairs(_ items: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "=") else {
                throw FunctionError("invalid selector \"\(item)\": expected key=value")
            }
            out[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        return out
    }
}
