/// What the emitter may do with a scalar's text (yaml.v3 / libyaml `analyze_scalar`).
struct YAMLScalarAnalysis {
    var multiline = false
    var flowPlainAllowed = false
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = false

    init() {}

    init(_ value: [UInt8]) {
        guard !value.isEmpty else { return }
        let v = YAMLBytes(value)
        var blockIndicators = false, flowIndicators = false, lineBreaks = false
        var specialCharacters = false, tabCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var previousSpace = false, previousBreak = false

        if value.count >= 3 && ((value[0] == 45 && value[1] == 45 && value[2] == 45)
                                || (value[0] == 46 && value[1] == 46 && value[2] == 46)) {
            blockIndicators = true
            flowIndicators = true
        }
        var precededByWhitespace = true
        var i = 0
        while i < value.count {
            let w = YAMLBytes.width(value[i])
            let followedByWhitespace = i + w >= value.count || v.isBlank(i + w) || v.isBreak(i + w)
            let c = value[i]
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                     UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                     UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                    flowIndicators = true
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace { flowIndicators = true; blockIndicators = true }
                default: break
                }
            } else {
                switch c {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "{"), UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace { flowIndicators = true; blockIndicators = true }
                default: break
                }
            }
            if c == 0x09 {
                tabCharacters = true
            } else if !v.isPrintable(i) {
                specialCharacters = true
            }
            if v.isSpace(i) {
                if i == 0 { leadingSpace = true }
                if i + w == value.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if v.isBreak(i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == value.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = v.isBlankZ(i)
            i += w
        }
        multiline = lineBreaks
        flowPlainAllowed = true
        blockPlainAllowed = true
        singleQuotedAllowed = true
        blockAllowed = true
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || tabCharacters || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters { blockAllowed = false }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }
}
