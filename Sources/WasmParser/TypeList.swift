/// A short list of value types that avoids allocating for the common 0- and 1-element block types.
enum TypeList: Equatable {
    case empty
    case one(ValueType)
    case many([ValueType])

    init(_ types: [ValueType]) {
        switch types.count {
        case 0: self = .empty
        case 1: self = .one(types[0])
        default: self = .many(types)
        }
    }

    var count: Int {
        switch self {
        case .empty: return 0
        case .one: return 1
        case .many(let types): return types.count
        }
    }

    subscript(i: Int) -> ValueType {
        switch self {
        case .empty: preconditionFailure("empty type list")
        case .one(let t): return t
        case .many(let types): return types[i]
        }
    }
}
