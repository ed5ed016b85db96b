/// Turns the resources that belong to one file into that file's bytes (kpt.md §4.5 step 4):
/// bookkeeping annotations removed, documents joined by `---`, 2-space indent, compact
/// sequences unless the resource was read as `wide`. A `.json` file with a single resource is
/// written as indented JSON.
public enum ResourceFileFormatter {
    public static func format(_ resources: [YAMLNode], path: String) -> [UInt8] {
        let prepared = resources.map { resource -> (YAMLNode, YAML.SequenceIndent) in
            let copy = resource.deepCopy()
            let style: YAML.SequenceIndent = copy.annotation(PackageAnnotation.seqIndent) == "wide" ? .wide : .compact
            strip(copy)
            return (unwrapBareSequence(copy), style)
        }
        if path.hasSuffix(".json") && prepared.count == 1 {
            return JSONNodeWriter.write(prepared[0].0.root)
        }
        return YAML.serializeBytes(prepared)
    }

    /// Removes the reader's path/index/seqindent annotations (and `annotations`/`metadata`
    /// when they become empty).
    public static func strip(_ resource: YAMLNode) {
        for key in PackageAnnotation.writerStripped { resource.removeAnnotation(key) }
    }

    private static func unwrapBareSequence(_ node: YAMLNode) -> YAMLNode {
        let root = node.root
        guard root.kind == .mapping, root.pairCount == 1,
              root.content[0].value == PackageReader.bareSequenceKey else { return node }
        if node.kind == .document {
            node.content = [root.content[1]]
            return node
        }
        return root.content[1]
    }
}
