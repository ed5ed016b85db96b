/// Shell-like splitting of an `--exec` string (kpt uses shlex): whitespace separates words,
/// single quotes are literal, double quotes allow `\"` and `\\`, a backslash escapes outside quotes.
public enum ShellWords {
    public static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = Array(text).makeIterator()
        while let c = iterator.next() {
            switch c {
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                var closed = false
                while let q = iterator.next() {
                    if q == "'" { closed = true; break }
                    current.append(q)
                }
                if !closed { throw FunctionError("unable to parse exec command \"\(text)\": unterminated single quote") }
            case "\"":
                inWord = true
                var closed = false
                while let q = iterator.next() {
                    if q == "\"" { closed = true; break }
                    if q == "\\", let n = iterator.next() {
                        if n != "\"" && n != "\\" { current.append("\\") }
                        current.append(n)
                    } else {
                        current.append(q)
                    }
                }
                if !closed { throw FunctionError("unable to parse exec command \"\(text)\": unterminated double quote") }
            case "\\":
                inWord = true
                if let n = iterator.next() { current.append(n) }
            default:
                inWord = true
                current.append(c)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
