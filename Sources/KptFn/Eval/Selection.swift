/// Runs a function on the selected subset of resources and merges the result back (kpt.md §3.4):
/// untouched resources stay in place, selected ones are replaced by the function's copy (or dropped),
/// new ones are appended.
public enum Selection {
    public static func apply(_ items: [YAMLNode], selectors: [ResourceSelector], exclusions: [ResourceSelector],
                             run: ([YAMLNode], Int?) throws -> [YAMLNode]) throws -> [YAMLNode] {
        if selectors.isEmpty && exclusions.isEmpty { return try run(items, nil) }
        let work = items.map { $0.deepCopy() }
        for (i, item) in work.enumerated() { item.fnSetAnnotation(KptAnnotations.resourceID, String(i)) }
        let selected = work.filter { ResourceSelector.isSelected($0, selectors: selectors, exclusions: exclusions) }
        let selectedIDs = Set(selected.compactMap { $0.fnAnnotation(KptAnnotations.resourceID) })
        let output = try run(selected, selected.count)
        var byID: [String: YAMLNode] = [:]
        var generated: [YAMLNode] = []
        for item in output {
            if let id = item.fnAnnotation(KptAnnotations.resourceID), selectedIDs.contains(id), byID[id] == nil {
                byID[id] = item
            } else {
                generated.append(item)
            }
        }
        var merged: [YAMLNode] = []
        for item in work {
            let id = item.fnAnnotation(KptAnnotations.resourceID) ?? ""
            if selectedIDs.contains(id) {
                if let replaced = byID[id] { merged.append(replaced) }
            } else {
                merged.append(item)
            }
        }
        merged += generated
        for item in merged { item.fnRemoveAnnotation(KptAnnotations.resourceID) }
        return merged
    }
}
