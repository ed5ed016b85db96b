// quote reads one hex-encoded string per line on stdin and prints, per line,
// strconv.Quote of it, a tab, and encoding/json's text of it: the oracles for
// the host's Go-style %q error texts and for kpt's JSON package files.
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		s, err := hex.DecodeString(in.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, "quote:", err)
			os.Exit(2)
		}
		j, _ := json.Marshal(string(s))
		fmt.Printf("%s\t%s\n", strconv.Quote(string(s)), j)
	}
}
