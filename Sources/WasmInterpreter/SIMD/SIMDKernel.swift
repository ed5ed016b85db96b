import WasmParser

/// A SIMD instruction resolved once at translation time: the operation and the lane shape it works on,
/// read off the mnemonic ("i16x8.extmul_low_i8x16_s" is `.extmulLowS` on 16-bit lanes; the source
/// shape of widening/narrowing operations is always the half/double width, so it is dropped).
struct SIMDKernel {
    enum Kind: String, CaseIterable {
        // integer and float lane-wise binaries
        case eq, ne, ltS = "lt_s", ltU = "lt_u", gtS = "gt_s", gtU = "gt_u", leS = "le_s", leU = "le_u",
             geS = "ge_s", geU = "ge_u", lt, gt, le, ge
        case add, addSatS = "add_sat_s", addSatU = "add_sat_u", sub, subSatS = "sub_sat_s",
             subSatU = "sub_sat_u", mul, div, min, max, pmin, pmax, minS = "min_s", minU = "min_u",
             maxS = "max_s", maxU = "max_u", avgrU = "avgr_u", q15mulrSatS = "q15mulr_sat_s"
        // widening, narrowing, products
        case narrowS = "narrow_s", narrowU = "narrow_u", extmulLowS = "extmul_low_s", extmulHighS = "extmul_high_s",
             extmulLowU = "extmul_low_u", extmulHighU = "extmul_high_u", dotS = "dot_s", swizzle
        case extendLowS = "extend_low_s", extendHighS = "extend_high_s", extendLowU = "extend_low_u",
             extendHighU = "extend_high_u", extaddPairwiseS = "extadd_pairwise_s", extaddPairwiseU = "extadd_pairwise_u"
        // unaries
        case abs, neg, popcnt, sqrt, ceil, floor, trunc, nearest
        case truncSatS = "trunc_sat_s", truncSatU = "trunc_sat_u", truncSatSZero = "trunc_sat_s_zero",
             truncSatUZero = "trunc_sat_u_zero", convertS = "convert_s", convertU = "convert_u",
             convertLowS = "convert_low_s", convertLowU = "convert_low_u", demoteZero = "demote_zero",
             promoteLow = "promote_low"
        // bitwise, tests, shifts
        case not, and, andnot, or, xor, bitselect, anyTrue = "any_true", allTrue = "all_true", bitmask
        case shl, shrS = "shr_s", shrU = "shr_u"
        // lanes
        case splat, extractLane = "extract_lane", extractLaneS = "extract_lane_s", extractLaneU = "extract_lane_u",
             replaceLane = "replace_lane"
    }

    static let kinds = Kind.allCases

    let kind: Kind
    /// Lane width of the instruction's shape (8...64; 128 for plain v128 operations).
    let bits: Int
    let isFloat: Bool

    init?(_ opcode: SIMDOpcode) {
        let parts = opcode.mnemonic.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let shape = parts[0]
        let name = parts[1].split(separator: "_").filter { !SIMDKernel.shapeTokens.contains(String($0)) }
            .joined(separator: "_")
        guard let kind = Kind(rawValue: name) else { return nil }
        self.kind = kind
        switch shape {
        case "i8x16": bits = 8; isFloat = false
        case "i16x8": bits = 16; isFloat = false
        case "i32x4": bits = 32; isFloat = false
        case "i64x2": bits = 64; isFloat = false
        case "f32x4": bits = 32; isFloat = true
        case "f64x2": bits = 64; isFloat = true
        default: bits = 128; isFloat = false
        }
    }

    private static let shapeTokens: Set<String> = ["i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"]
}
