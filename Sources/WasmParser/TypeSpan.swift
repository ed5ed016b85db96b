/// A run of value types inside `ValidationContext.typePool`: plain integers, cheap to copy.
struct TypeSpan: Equatable {
    var start: Int32
    var count: Int32
    static let empty = TypeSpan(start: 0, count: 0)
}
