// Generated once from the spec's SIMD opcode list (0xFD prefix, Wasm 2.0); edit by hand if opcodes are added.

/// The sub-opcode of a 128-bit SIMD instruction; the case name is the text mnemonic in lowerCamelCase.
public enum SIMDOpcode: UInt32, Hashable, Sendable {
    case v128Load = 0
    case v128Load8x8S = 1
    case v128Load8x8U = 2
    case v128Load16x4S = 3
    case v128Load16x4U = 4
    case v128Load32x2S = 5
    case v128Load32x2U = 6
    case v128Load8Splat = 7
    case v128Load16Splat = 8
    case v128Load32Splat = 9
    case v128Load64Splat = 10
    case v128Store = 11
    case v128Const = 12
    case i8x16Shuffle = 13
    case i8x16Swizzle = 14
    case i8x16Splat = 15
    case i16x8Splat = 16
    case i32x4Splat = 17
    case i64x2Splat = 18
    case f32x4Splat = 19
    case f64x2Splat = 20
    case i8x16ExtractLaneS = 21
    case i8x16ExtractLaneU = 22
    case i8x16ReplaceLane = 23
    case i16x8ExtractLaneS = 24
    case i16x8ExtractLaneU = 25
    case i16x8ReplaceLane = 26
    case i32x4ExtractLane = 27
    case i32x4ReplaceLane = 28
    case i64x2ExtractLane = 29
    case i64x2ReplaceLane = 30
    case f32x4ExtractLane = 31
    case f32x4ReplaceLane = 32
    case f64x2ExtractLane = 33
    case f64x2ReplaceLane = 34
    case i8x16Eq = 35
    case i8x16Ne = 36
    case i8x16LtS = 37
    case i8x16LtU = 38
    case i8x16GtS = 39
    case i8x16GtU = 40
    case i8x16LeS = 41
    case i8x16LeU = 42
    case i8x16GeS = 43
    case i8x16GeU = 44
    case i16x8Eq = 45
    case i16x8Ne = 46
    case i16x8LtS = 47
    case i16x8LtU = 48
    case i16x8GtS = 49
    case i16x8GtU = 50
    case i16x8LeS = 51
    case i16x8LeU = 52
    case i16x8GeS = 53
    case i16x8GeU = 54
    case i32x4Eq = 55
    case i32x4Ne = 56
    case i32x4LtS = 57
    case i32x4LtU = 58
    case i32x4GtS = 59
    case i32x4GtU = 60
    case i32x4LeS = 61
    case i32x4LeU = 62
    case i32x4GeS = 63
    case i32x4GeU = 64
    case f32x4Eq = 65
    case f32x4Ne = 66
    case f32x4Lt = 67
    case f32x4Gt = 68
    case f32x4Le = 69
    case f32x4Ge = 70
    case f64x2Eq = 71
    case f64x2Ne = 72
    case f64x2Lt = 73
    case f64x2Gt = 74
    case f64x2Le = 75
    case f64x2Ge = 76
    case v128Not = 77
    case v128And = 78
    case v128Andnot = 79
    case v128Or = 80
    case v128Xor = 81
    case v128Bitselect = 82
    case v128AnyTrue = 83
    case v128Load8Lane = 84
    case v128Load16Lane = 85
    case v128Load32Lane = 86
    case v128Load64Lane = 87
    case v128Store8Lane = 88
    case v128Store16Lane = 89
    case v128Store32Lane = 90
    case v128Store64Lane = 91
    case v128Load32Zero = 92
    case v128Load64Zero = 93
    case f32x4DemoteF64x2Zero = 94
    case f64x2PromoteLowF32x4 = 95
    case i8x16Abs = 96
    case i8x16Neg = 97
    case i8x16Popcnt = 98
    case i8x16AllTrue = 99
    case i8x16Bitmask = 100
    case i8x16NarrowI16x8S = 101
    case i8x16NarrowI16x8U = 102
    case f32x4Ceil = 103
    case f32x4Floor = 104
    case f32x4Trunc = 105
    case f32x4Nearest = 106
    case i8x16Shl = 107
    case i8x16ShrS = 108
    case i8x16ShrU = 109
    case i8x16Add = 110
    case i8x16AddSatS = 111
    case i8x16AddSatU = 112
    case i8x16Sub = 113
    case i8x16SubSatS = 114
    case i8x16SubSatU = 115
    case f64x2Ceil = 116
    case f64x2Floor = 117
    case i8x16MinS = 118
    case i8x16MinU = 119
    case i8x16MaxS = 120
    case i8x16MaxU = 121
    case f64x2Trunc = 122
    case i8x16AvgrU = 123
    case i16x8ExtaddPairwiseI8x16S = 124
    case i16x8ExtaddPairwiseI8x16U = 125
    case i32x4ExtaddPairwiseI16x8S = 126
    case i32x4ExtaddPairwiseI16x8U = 127
    case i16x8Abs = 128
    case i16x8Neg = 129
    case i16x8Q15mulrSatS = 130
    case i16x8AllTrue = 131
    case i16x8Bitmask = 132
    case i16x8NarrowI32x4S = 133
    case i16x8NarrowI32x4U = 134
    case i16x8ExtendLowI8x16S = 135
    case i16x8ExtendHighI8x16S = 136
    case i16x8ExtendLowI8x16U = 137
    case i16x8ExtendHighI8x16U = 138
    case i16x8Shl = 139
    case i16x8ShrS = 140
    case i16x8ShrU = 141
    case i16x8Add = 142
    case i16x8AddSatS = 143
    case i16x8AddSatU = 144
    case i16x8Sub = 145
    case i16x8SubSatS = 146
    case i16x8SubSatU = 147
    case f64x2Nearest = 148
    case i16x8Mul = 149
    case i16x8MinS = 150
    case i16x8MinU = 151
    case i16x8MaxS = 152
    case i16x8MaxU = 153
    case i16x8AvgrU = 155
    case i16x8ExtmulLowI8x16S = 156
    case i16x8ExtmulHighI8x16S = 157
    case i16x8ExtmulLowI8x16U = 158
    case i16x8ExtmulHighI8x16U = 159
    case i32x4Abs = 160
    case i32x4Neg = 161
    case i32x4AllTrue = 163
    case i32x4Bitmask = 164
    case i32x4ExtendLowI16x8S = 167
    case i32x4ExtendHighI16x8S = 168
    case i32x4ExtendLowI16x8U = 169
    case i32x4ExtendHighI16x8U = 170
    case i32x4Shl = 171
    case i32x4ShrS = 172
    case i32x4ShrU = 173
    case i32x4Add = 174
    case i32x4Sub = 177
    case i32x4Mul = 181
    case i32x4MinS = 182
    case i32x4MinU = 183
    case i32x4MaxS = 184
    case i32x4MaxU = 185
    case i32x4DotI16x8S = 186
    case i32x4ExtmulLowI16x8S = 188
    case i32x4ExtmulHighI16x8S = 189
    case i32x4ExtmulLowI16x8U = 190
    case i32x4ExtmulHighI16x8U = 191
    case i64x2Abs = 192
    case i64x2Neg = 193
    case i64x2AllTrue = 195
    case i64x2Bitmask = 196
    case i64x2ExtendLowI32x4S = 199
    case i64x2ExtendHighI32x4S = 200
    case i64x2ExtendLowI32x4U = 201
    case i64x2ExtendHighI32x4U = 202
    case i64x2Shl = 203
    case i64x2ShrS = 204
    case i64x2ShrU = 205
    case i64x2Add = 206
    case i64x2Sub = 209
    case i64x2Mul = 213
    case i64x2Eq = 214
    case i64x2Ne = 215
    case i64x2LtS = 216
    case i64x2GtS = 217
    case i64x2LeS = 218
    case i64x2GeS = 219
    case i64x2ExtmulLowI32x4S = 220
    case i64x2ExtmulHighI32x4S = 221
    case i64x2ExtmulLowI32x4U = 222
    case i64x2ExtmulHighI32x4U = 223
    case f32x4Abs = 224
    case f32x4Neg = 225
    case f32x4Sqrt = 227
    case f32x4Add = 228
    case f32x4Sub = 229
    case f32x4Mul = 230
    case f32x4Div = 231
    case f32x4Min = 232
    case f32x4Max = 233
    case f32x4Pmin = 234
    case f32x4Pmax = 235
    case f64x2Abs = 236
    case f64x2Neg = 237
    case f64x2Sqrt = 239
    case f64x2Add = 240
    case f64x2Sub = 241
    case f64x2Mul = 242
    case f64x2Div = 243
    case f64x2Min = 244
    case f64x2Max = 245
    case f64x2Pmin = 246
    case f64x2Pmax = 247
    case i32x4TruncSatF32x4S = 248
    case i32x4TruncSatF32x4U = 249
    case f32x4ConvertI32x4S = 250
    case f32x4ConvertI32x4U = 251
    case i32x4TruncSatF64x2SZero = 252
    case i32x4TruncSatF64x2UZero = 253
    case f64x2ConvertLowI32x4S = 254
    case f64x2ConvertLowI32x4U = 255
}

/// How an instruction is encoded and typed (its immediates and operand shape).
public enum SIMDForm: Sendable {
    case load, store, loadLane, storeLane   // memarg (+ lane); address operand
    case const, shuffle                      // 16 immediate bytes
    case extractLane, replaceLane            // lane immediate; scalar in or out
    case splat                               // scalar -> v128
    case unary, binary, ternary              // v128s -> v128
    case test                                // v128 -> i32
    case shift                               // v128, i32 -> v128
}

extension SIMDOpcode {
    public var form: SIMDForm {
        switch self {
        case .v128Load, .v128Load8x8S, .v128Load8x8U, .v128Load16x4S, .v128Load16x4U, .v128Load32x2S, .v128Load32x2U, .v128Load8Splat, .v128Load16Splat, .v128Load32Splat, .v128Load64Splat, .v128Load32Zero, .v128Load64Zero: return .load
        case .v128Store: return .store
        case .v128Const: return .const
        case .i8x16Shuffle: return .shuffle
        case .i8x16Swizzle, .i8x16Eq, .i8x16Ne, .i8x16LtS, .i8x16LtU, .i8x16GtS, .i8x16GtU, .i8x16LeS, .i8x16LeU, .i8x16GeS, .i8x16GeU, .i16x8Eq, .i16x8Ne, .i16x8LtS, .i16x8LtU, .i16x8GtS, .i16x8GtU, .i16x8LeS, .i16x8LeU, .i16x8GeS, .i16x8GeU, .i32x4Eq, .i32x4Ne, .i32x4LtS, .i32x4LtU, .i32x4GtS, .i32x4GtU, .i32x4LeS, .i32x4LeU, .i32x4GeS, .i32x4GeU, .f32x4Eq, .f32x4Ne, .f32x4Lt, .f32x4Gt, .f32x4Le, .f32x4Ge, .f64x2Eq, .f64x2Ne, .f64x2Lt, .f64x2Gt, .f64x2Le, .f64x2Ge, .v128And, .v128Andnot, .v128Or, .v128Xor, .i8x16NarrowI16x8S, .i8x16NarrowI16x8U, .i8x16Add, .i8x16AddSatS, .i8x16AddSatU, .i8x16Sub, .i8x16SubSatS, .i8x16SubSatU, .i8x16MinS, .i8x16MinU, .i8x16MaxS, .i8x16MaxU, .i8x16AvgrU, .i16x8Q15mulrSatS, .i16x8NarrowI32x4S, .i16x8NarrowI32x4U, .i16x8Add, .i16x8AddSatS, .i16x8AddSatU, .i16x8Sub, .i16x8SubSatS, .i16x8SubSatU, .i16x8Mul, .i16x8MinS, .i16x8MinU, .i16x8MaxS, .i16x8MaxU, .i16x8AvgrU, .i16x8ExtmulLowI8x16S, .i16x8ExtmulHighI8x16S, .i16x8ExtmulLowI8x16U, .i16x8ExtmulHighI8x16U, .i32x4Add, .i32x4Sub, .i32x4Mul, .i32x4MinS, .i32x4MinU, .i32x4MaxS, .i32x4MaxU, .i32x4DotI16x8S, .i32x4ExtmulLowI16x8S, .i32x4ExtmulHighI16x8S, .i32x4ExtmulLowI16x8U, .i32x4ExtmulHighI16x8U, .i64x2Add, .i64x2Sub, .i64x2Mul, .i64x2Eq, .i64x2Ne, .i64x2LtS, .i64x2GtS, .i64x2LeS, .i64x2GeS, .i64x2ExtmulLowI32x4S, .i64x2ExtmulHighI32x4S, .i64x2ExtmulLowI32x4U, .i64x2ExtmulHighI32x4U, .f32x4Add, .f32x4Sub, .f32x4Mul, .f32x4Div, .f32x4Min, .f32x4Max, .f32x4Pmin, .f32x4Pmax, .f64x2Add, .f64x2Sub, .f64x2Mul, .f64x2Div, .f64x2Min, .f64x2Max, .f64x2Pmin, .f64x2Pmax: return .binary
        case .i8x16Splat, .i16x8Splat, .i32x4Splat, .i64x2Splat, .f32x4Splat, .f64x2Splat: return .splat
        case .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i32x4ExtractLane, .i64x2ExtractLane, .f32x4ExtractLane, .f64x2ExtractLane: return .extractLane
        case .i8x16ReplaceLane, .i16x8ReplaceLane, .i32x4ReplaceLane, .i64x2ReplaceLane, .f32x4ReplaceLane, .f64x2ReplaceLane: return .replaceLane
        case .v128Not, .f32x4DemoteF64x2Zero, .f64x2PromoteLowF32x4, .i8x16Abs, .i8x16Neg, .i8x16Popcnt, .f32x4Ceil, .f32x4Floor, .f32x4Trunc, .f32x4Nearest, .f64x2Ceil, .f64x2Floor, .f64x2Trunc, .i16x8ExtaddPairwiseI8x16S, .i16x8ExtaddPairwiseI8x16U, .i32x4ExtaddPairwiseI16x8S, .i32x4ExtaddPairwiseI16x8U, .i16x8Abs, .i16x8Neg, .i16x8ExtendLowI8x16S, .i16x8ExtendHighI8x16S, .i16x8ExtendLowI8x16U, .i16x8ExtendHighI8x16U, .f64x2Nearest, .i32x4Abs, .i32x4Neg, .i32x4ExtendLowI16x8S, .i32x4ExtendHighI16x8S, .i32x4ExtendLowI16x8U, .i32x4ExtendHighI16x8U, .i64x2Abs, .i64x2Neg, .i64x2ExtendLowI32x4S, .i64x2ExtendHighI32x4S, .i64x2ExtendLowI32x4U, .i64x2ExtendHighI32x4U, .f32x4Abs, .f32x4Neg, .f32x4Sqrt, .f64x2Abs, .f64x2Neg, .f64x2Sqrt, .i32x4TruncSatF32x4S, .i32x4TruncSatF32x4U, .f32x4ConvertI32x4S, .f32x4ConvertI32x4U, .i32x4TruncSatF64x2SZero, .i32x4TruncSatF64x2UZero, .f64x2ConvertLowI32x4S, .f64x2ConvertLowI32x4U: return .unary
        case .v128Bitselect: return .ternary
        case .v128AnyTrue, .i8x16AllTrue, .i8x16Bitmask, .i16x8AllTrue, .i16x8Bitmask, .i32x4AllTrue, .i32x4Bitmask, .i64x2AllTrue, .i64x2Bitmask: return .test
        case .v128Load8Lane, .v128Load16Lane, .v128Load32Lane, .v128Load64Lane: return .loadLane
        case .v128Store8Lane, .v128Store16Lane, .v128Store32Lane, .v128Store64Lane: return .storeLane
        case .i8x16Shl, .i8x16ShrS, .i8x16ShrU, .i16x8Shl, .i16x8ShrS, .i16x8ShrU, .i32x4Shl, .i32x4ShrS, .i32x4ShrU, .i64x2Shl, .i64x2ShrS, .i64x2ShrU: return .shift
        }
    }

    /// log2 of the bytes a memory instruction accesses (0 for the others).
    public var naturalAlignmentLog2: UInt32 {
        switch self {
        case .v128Load8Splat, .v128Load8Lane, .v128Store8Lane: return 0
        case .v128Load16Splat, .v128Load16Lane, .v128Store16Lane: return 1
        case .v128Load32Splat, .v128Load32Lane, .v128Store32Lane, .v128Load32Zero: return 2
        case .v128Load8x8S, .v128Load8x8U, .v128Load16x4S, .v128Load16x4U, .v128Load32x2S, .v128Load32x2U, .v128Load64Splat, .v128Load64Lane, .v128Store64Lane, .v128Load64Zero: return 3
        case .v128Load, .v128Store: return 4
        default: return 0
        }
    }

    /// Lanes addressable by the lane immediate (extract/replace and the lane loads/stores).
    public var laneCount: UInt8 {
        switch self {
        case .i64x2ExtractLane, .i64x2ReplaceLane, .f64x2ExtractLane, .f64x2ReplaceLane, .v128Load64Lane, .v128Store64Lane: return 2
        case .i32x4ExtractLane, .i32x4ReplaceLane, .f32x4ExtractLane, .f32x4ReplaceLane, .v128Load32Lane, .v128Store32Lane: return 4
        case .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i16x8ReplaceLane, .v128Load16Lane, .v128Store16Lane: return 8
        case .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i8x16ReplaceLane, .v128Load8Lane, .v128Store8Lane: return 16
        default: return 16
        }
    }

    /// The scalar operand of a splat or replace_lane, or the result of an extract_lane.
    public var scalarType: ValueType {
        switch self {
        case .i64x2Splat, .i64x2ExtractLane, .i64x2ReplaceLane: return .i64
        case .f32x4Splat, .f32x4ExtractLane, .f32x4ReplaceLane: return .f32
        case .f64x2Splat, .f64x2ExtractLane, .f64x2ReplaceLane: return .f64
        default: return .i32
        }
    }
}

extension SIMDOpcode {
    /// The text-format name, e.g. "i16x8.add_sat_s".
    public var mnemonic: String {
        switch self {
        case .v128Load: return "v128.load"
        case .v128Load8x8S: return "v128.load8x8_s"
        case .v128Load8x8U: return "v128.load8x8_u"
        case .v128Load16x4S: return "v128.load16x4_s"
        case .v128Load16x4U: return "v128.load16x4_u"
        case .v128Load32x2S: return "v128.load32x2_s"
        case .v128Load32x2U: return "v128.load32x2_u"
        case .v128Load8Splat: return "v128.load8_splat"
        case .v128Load16Splat: return "v128.load16_splat"
        case .v128Load32Splat: return "v128.load32_splat"
        case .v128Load64Splat: return "v128.load64_splat"
        case .v128Store: return "v128.store"
        case .v128Const: return "v128.const"
        case .i8x16Shuffle: return "i8x16.shuffle"
        case .i8x16Swizzle: return "i8x16.swizzle"
        case .i8x16Splat: return "i8x16.splat"
        case .i16x8Splat: return "i16x8.splat"
        case .i32x4Splat: return "i32x4.splat"
        case .i64x2Splat: return "i64x2.splat"
        case .f32x4Splat: return "f32x4.splat"
        case .f64x2Splat: return "f64x2.splat"
        case .i8x16ExtractLaneS: return "i8x16.extract_lane_s"
        case .i8x16ExtractLaneU: return "i8x16.extract_lane_u"
        case .i8x16ReplaceLane: return "i8x16.replace_lane"
        case .i16x8ExtractLaneS: return "i16x8.extract_lane_s"
        case .i16x8ExtractLaneU: return "i16x8.extract_lane_u"
        case .i16x8ReplaceLane: return "i16x8.replace_lane"
        case .i32x4ExtractLane: return "i32x4.extract_lane"
        case .i32x4ReplaceLane: return "i32x4.replace_lane"
        case .i64x2ExtractLane: return "i64x2.extract_lane"
        case .i64x2ReplaceLane: return "i64x2.replace_lane"
        case .f32x4ExtractLane: return "f32x4.extract_lane"
        case .f32x4ReplaceLane: return "f32x4.replace_lane"
        case .f64x2ExtractLane: return "f64x2.extract_lane"
        case .f64x2ReplaceLane: return "f64x2.replace_lane"
        case .i8x16Eq: return "i8x16.eq"
        case .i8x16Ne: return "i8x16.ne"
        case .i8x16LtS: return "i8x16.lt_s"
        case .i8x16LtU: return "i8x16.lt_u"
        case .i8x16GtS: return "i8x16.gt_s"
        case .i8x16GtU: return "i8x16.gt_u"
        case .i8x16LeS: return "i8x16.le_s"
        case .i8x16LeU: return "i8x16.le_u"
        case .i8x16GeS: return "i8x16.ge_s"
        case .i8x16GeU: return "i8x16.ge_u"
        case .i16x8Eq: return "i16x8.eq"
        case .i16x8Ne: return "i16x8.ne"
        case .i16x8LtS: return "i16x8.lt_s"
        case .i16x8LtU: return "i16x8.lt_u"
        case .i16x8GtS: return "i16x8.gt_s"
        case .i16x8GtU: return "i16x8.gt_u"
        case .i16x8LeS: return "i16x8.le_s"
        case .i16x8LeU: return "i16x8.le_u"
        case .i16x8GeS: return "i16x8.ge_s"
        case .i16x8GeU: return "i16x8.ge_u"
        case .i32x4Eq: return "i32x4.eq"
        case .i32x4Ne: return "i32x4.ne"
        case .i32x4LtS: return "i32x4.lt_s"
        case .i32x4LtU: return "i32x4.lt_u"
        case .i32x4GtS: return "i32x4.gt_s"
        case .i32x4GtU: return "i32x4.gt_u"
        case .i32x4LeS: return "i32x4.le_s"
        case .i32x4LeU: return "i32x4.le_u"
        case .i32x4GeS: return "i32x4.ge_s"
        case .i32x4GeU: return "i32x4.ge_u"
        case .f32x4Eq: return "f32x4.eq"
        case .f32x4Ne: return "f32x4.ne"
        case .f32x4Lt: return "f32x4.lt"
        case .f32x4Gt: return "f32x4.gt"
        case .f32x4Le: return "f32x4.le"
        case .f32x4Ge: return "f32x4.ge"
        case .f64x2Eq: return "f64x2.eq"
        case .f64x2Ne: return "f64x2.ne"
        case .f64x2Lt: return "f64x2.lt"
        case .f64x2Gt: return "f64x2.gt"
        case .f64x2Le: return "f64x2.le"
        case .f64x2Ge: return "f64x2.ge"
        case .v128Not: return "v128.not"
        case .v128And: return "v128.and"
        case .v128Andnot: return "v128.andnot"
        case .v128Or: return "v128.or"
        case .v128Xor: return "v128.xor"
        case .v128Bitselect: return "v128.bitselect"
        case .v128AnyTrue: return "v128.any_true"
        case .v128Load8Lane: return "v128.load8_lane"
        case .v128Load16Lane: return "v128.load16_lane"
        case .v128Load32Lane: return "v128.load32_lane"
        case .v128Load64Lane: return "v128.load64_lane"
        case .v128Store8Lane: return "v128.store8_lane"
        case .v128Store16Lane: return "v128.store16_lane"
        case .v128Store32Lane: return "v128.store32_lane"
        case .v128Store64Lane: return "v128.store64_lane"
        case .v128Load32Zero: return "v128.load32_zero"
        case .v128Load64Zero: return "v128.load64_zero"
        case .f32x4DemoteF64x2Zero: return "f32x4.demote_f64x2_zero"
        case .f64x2PromoteLowF32x4: return "f64x2.promote_low_f32x4"
        case .i8x16Abs: return "i8x16.abs"
        case .i8x16Neg: return "i8x16.neg"
        case .i8x16Popcnt: return "i8x16.popcnt"
        case .i8x16AllTrue: return "i8x16.all_true"
        case .i8x16Bitmask: return "i8x16.bitmask"
        case .i8x16NarrowI16x8S: return "i8x16.narrow_i16x8_s"
        case .i8x16NarrowI16x8U: return "i8x16.narrow_i16x8_u"
        case .f32x4Ceil: return "f32x4.ceil"
        case .f32x4Floor: return "f32x4.floor"
        case .f32x4Trunc: return "f32x4.trunc"
        case .f32x4Nearest: return "f32x4.nearest"
        case .i8x16Shl: return "i8x16.shl"
        case .i8x16ShrS: return "i8x16.shr_s"
        case .i8x16ShrU: return "i8x16.shr_u"
        case .i8x16Add: return "i8x16.add"
        case .i8x16AddSatS: return "i8x16.add_sat_s"
        case .i8x16AddSatU: return "i8x16.add_sat_u"
        case .i8x16Sub: return "i8x16.sub"
        case .i8x16SubSatS: return "i8x16.sub_sat_s"
        case .i8x16SubSatU: return "i8x16.sub_sat_u"
        case .f64x2Ceil: return "f64x2.ceil"
        case .f64x2Floor: return "f64x2.floor"
        case .i8x16MinS: return "i8x16.min_s"
        case .i8x16MinU: return "i8x16.min_u"
        case .i8x16MaxS: return "i8x16.max_s"
        case .i8x16MaxU: return "i8x16.max_u"
        case .f64x2Trunc: return "f64x2.trunc"
        case .i8x16AvgrU: return "i8x16.avgr_u"
        case .i16x8ExtaddPairwiseI8x16S: return "i16x8.extadd_pairwise_i8x16_s"
        case .i16x8ExtaddPairwiseI8x16U: return "i16x8.extadd_pairwise_i8x16_u"
        case .i32x4ExtaddPairwiseI16x8S: return "i32x4.extadd_pairwise_i16x8_s"
        case .i32x4ExtaddPairwiseI16x8U: return "i32x4.extadd_pairwise_i16x8_u"
        case .i16x8Abs: return "i16x8.abs"
        case .i16x8Neg: return "i16x8.neg"
        case .i16x8Q15mulrSatS: return "i16x8.q15mulr_sat_s"
        case .i16x8AllTrue: return "i16x8.all_true"
        case .i16x8Bitmask: return "i16x8.bitmask"
        case .i16x8NarrowI32x4S: return "i16x8.narrow_i32x4_s"
        case .i16x8NarrowI32x4U: return "i16x8.narrow_i32x4_u"
        case .i16x8ExtendLowI8x16S: return "i16x8.extend_low_i8x16_s"
        case .i16x8ExtendHighI8x16S: return "i16x8.extend_high_i8x16_s"
        case .i16x8ExtendLowI8x16U: return "i16x8.extend_low_i8x16_u"
        case .i16x8ExtendHighI8x16U: return "i16x8.extend_high_i8x16_u"
        case .i16x8Shl: return "i16x8.shl"
        case .i16x8ShrS: return "i16x8.shr_s"
        case .i16x8ShrU: return "i16x8.shr_u"
        case .i16x8Add: return "i16x8.add"
        case .i16x8AddSatS: return "i16x8.add_sat_s"
        case .i16x8AddSatU: return "i16x8.add_sat_u"
        case .i16x8Sub: return "i16x8.sub"
        case .i16x8SubSatS: return "i16x8.sub_sat_s"
        case .i16x8SubSatU: return "i16x8.sub_sat_u"
        case .f64x2Nearest: return "f64x2.nearest"
        case .i16x8Mul: return "i16x8.mul"
        case .i16x8MinS: return "i16x8.min_s"
        case .i16x8MinU: return "i16x8.min_u"
        case .i16x8MaxS: return "i16x8.max_s"
        case .i16x8MaxU: return "i16x8.max_u"
        case .i16x8AvgrU: return "i16x8.avgr_u"
        case .i16x8ExtmulLowI8x16S: return "i16x8.extmul_low_i8x16_s"
        case .i16x8ExtmulHighI8x16S: return "i16x8.extmul_high_i8x16_s"
        case .i16x8ExtmulLowI8x16U: return "i16x8.extmul_low_i8x16_u"
        case .i16x8ExtmulHighI8x16U: return "i16x8.extmul_high_i8x16_u"
        case .i32x4Abs: return "i32x4.abs"
        case .i32x4Neg: return "i32x4.neg"
        case .i32x4AllTrue: return "i32x4.all_true"
        case .i32x4Bitmask: return "i32x4.bitmask"
        case .i32x4ExtendLowI16x8S: return "i32x4.extend_low_i16x8_s"
        case .i32x4ExtendHighI16x8S: return "i32x4.extend_high_i16x8_s"
        case .i32x4ExtendLowI16x8U: return "i32x4.extend_low_i16x8_u"
        case .i32x4ExtendHighI16x8U: return "i32x4.extend_high_i16x8_u"
        case .i32x4Shl: return "i32x4.shl"
        case .i32x4ShrS: return "i32x4.shr_s"
        case .i32x4ShrU: return "i32x4.shr_u"
        case .i32x4Add: return "i32x4.add"
        case .i32x4Sub: return "i32x4.sub"
        case .i32x4Mul: return "i32x4.mul"
        case .i32x4MinS: return "i32x4.min_s"
        case .i32x4MinU: return "i32x4.min_u"
        case .i32x4MaxS: return "i32x4.max_s"
        case .i32x4MaxU: return "i32x4.max_u"
        case .i32x4DotI16x8S: return "i32x4.dot_i16x8_s"
        case .i32x4ExtmulLowI16x8S: return "i32x4.extmul_low_i16x8_s"
        case .i32x4ExtmulHighI16x8S: return "i32x4.extmul_high_i16x8_s"
        case .i32x4ExtmulLowI16x8U: return "i32x4.extmul_low_i16x8_u"
        case .i32x4ExtmulHighI16x8U: return "i32x4.extmul_high_i16x8_u"
        case .i64x2Abs: return "i64x2.abs"
        case .i64x2Neg: return "i64x2.neg"
        case .i64x2AllTrue: return "i64x2.all_true"
        case .i64x2Bitmask: return "i64x2.bitmask"
        case .i64x2ExtendLowI32x4S: return "i64x2.extend_low_i32x4_s"
        case .i64x2ExtendHighI32x4S: return "i64x2.extend_high_i32x4_s"
        case .i64x2ExtendLowI32x4U: return "i64x2.extend_low_i32x4_u"
        case .i64x2ExtendHighI32x4U: return "i64x2.extend_high_i32x4_u"
        case .i64x2Shl: return "i64x2.shl"
        case .i64x2ShrS: return "i64x2.shr_s"
        case .i64x2ShrU: return "i64x2.shr_u"
        case .i64x2Add: return "i64x2.add"
        case .i64x2Sub: return "i64x2.sub"
        case .i64x2Mul: return "i64x2.mul"
        case .i64x2Eq: return "i64x2.eq"
        case .i64x2Ne: return "i64x2.ne"
        case .i64x2LtS: return "i64x2.lt_s"
        case .i64x2GtS: return "i64x2.gt_s"
        case .i64x2LeS: return "i64x2.le_s"
        case .i64x2GeS: return "i64x2.ge_s"
        case .i64x2ExtmulLowI32x4S: return "i64x2.extmul_low_i32x4_s"
        case .i64x2ExtmulHighI32x4S: return "i64x2.extmul_high_i32x4_s"
        case .i64x2ExtmulLowI32x4U: return "i64x2.extmul_low_i32x4_u"
        case .i64x2ExtmulHighI32x4U: return "i64x2.extmul_high_i32x4_u"
        case .f32x4Abs: return "f32x4.abs"
        case .f32x4Neg: return "f32x4.neg"
        case .f32x4Sqrt: return "f32x4.sqrt"
        case .f32x4Add: return "f32x4.add"
        case .f32x4Sub: return "f32x4.sub"
        case .f32x4Mul: return "f32x4.mul"
        case .f32x4Div: return "f32x4.div"
        case .f32x4Min: return "f32x4.min"
        case .f32x4Max: return "f32x4.max"
        case .f32x4Pmin: return "f32x4.pmin"
        case .f32x4Pmax: return "f32x4.pmax"
        case .f64x2Abs: return "f64x2.abs"
        case .f64x2Neg: return "f64x2.neg"
        case .f64x2Sqrt: return "f64x2.sqrt"
        case .f64x2Add: return "f64x2.add"
        case .f64x2Sub: return "f64x2.sub"
        case .f64x2Mul: return "f64x2.mul"
        case .f64x2Div: return "f64x2.div"
        case .f64x2Min: return "f64x2.min"
        case .f64x2Max: return "f64x2.max"
        case .f64x2Pmin: return "f64x2.pmin"
        case .f64x2Pmax: return "f64x2.pmax"
        case .i32x4TruncSatF32x4S: return "i32x4.trunc_sat_f32x4_s"
        case .i32x4TruncSatF32x4U: return "i32x4.trunc_sat_f32x4_u"
        case .f32x4ConvertI32x4S: return "f32x4.convert_i32x4_s"
        case .f32x4ConvertI32x4U: return "f32x4.convert_i32x4_u"
        case .i32x4TruncSatF64x2SZero: return "i32x4.trunc_sat_f64x2_s_zero"
        case .i32x4TruncSatF64x2UZero: return "i32x4.trunc_sat_f64x2_u_zero"
        case .f64x2ConvertLowI32x4S: return "f64x2.convert_low_i32x4_s"
        case .f64x2ConvertLowI32x4U: return "f64x2.convert_low_i32x4_u"
        }
    }
}
