/// The module's index spaces as the body validator needs them (imports first in every space).
struct ValidationContext: Sendable {
    var types: [FunctionType] = [] {
        didSet { buildTypePool() }
    }
    /// Every type's params and results flattened into one array, so control frames can refer to
    /// them by `TypeSpan` (plain integers, nothing to retain). The first entries are the single types.
    private(set) var typePool: [ValueType] = ValidationContext.singleTypes
    private(set) var typeSpans: [(params: TypeSpan, results: TypeSpan)] = []
    var functionTypeIndices: [UInt32] = []
    var tables: [TableType] = []
    var memories: [MemoryType] = []
    var globals: [GlobalType] = []
    /// Type index of every tag (imports first); feature .exceptions.
    var tags: [UInt32] = []
    var elementTypes: [ValueType] = []
    var dataCount: UInt32?
    /// Functions that `ref.func` may name in bodies: those referenced outside function bodies.
    var declaredFunctions: Set<UInt32> = []

    static let singleTypes: [ValueType] = [.i32, .i64, .f32, .f64, .v128, .funcRef, .externRef, .exnRef]

    /// The span holding just `t`; nil for typed references, which have no fixed entry.
    static func span(of t: ValueType) -> TypeSpan? {
        let start: Int32
        switch t {
        case .i32: start = 0
        case .i64: start = 1
        case .f32: start = 2
        case .f64: start = 3
        case .v128: start = 4
        case .ref(let r) where r == .funcRef: start = 5
        case .ref(let r) where r == .externRef: start = 6
        case .ref(let r) where r == .exnRef: start = 7
        case .ref: return nil
        }
        return TypeSpan(start: start, count: 1)
    }

    /// Each type index's representative among equivalent types (see TypeCanonicalization).
    private(set) var canonical: [UInt32] = []
    /// The first type that refers to itself or a later type (invalid: "unknown type").
    private(set) var typeWithUnknownReference: Int?

    /// A type index used in a value type must name a type.
    func isKnown(_ t: ValueType) -> Bool {
        guard case .ref(let r) = t, case .concrete(let i) = r.heapType else { return true }
        return Int(i) < types.count
    }

    /// `a <: b` with the module's equivalent type indices identified.
    @inline(__always)
    func isSubtype(_ a: ValueType, _ b: ValueType) -> Bool {
        if a == b { return true }
        let canonical = self.canonical
        return a.isSubtype(of: b) { Int($0) < canonical.count ? canonical[Int($0)] : $0 }
    }

    private mutating func buildTypePool() {
        (canonical, typeWithUnknownReference) = TypeCanonicalization.representatives(types)
        typePool = ValidationContext.singleTypes
        typeSpans = []
        typeSpans.reserveCapacity(types.count)
        for t in types {
            let params = TypeSpan(start: Int32(typePool.count), count: Int32(t.params.count))
            typePool.append(contentsOf: t.params)
            let results = TypeSpan(start: Int32(typePool.count), count: Int32(t.results.count))
            typePool.append(contentsOf: t.results)
            typeSpans.append((params, results))
        }
    }

    func functionType(_ index: UInt32) -> FunctionType? {
        guard Int(index) < functionTypeIndices.count else { return nil }
        return types[Int(functionTypeIndices[Int(index)])]
    }
}
