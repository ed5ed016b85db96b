// quote prints strconv.Quote of each NUL-separated string on stdin, one per
// line: the oracle for the host's Go-style %q error texts.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
)

func main() {
	in, _ := io.ReadAll(os.Stdin)
	for _, s := range bytes.Split(in, []byte{0}) {
		fmt.Println(strconv.Quote(string(s)))
	}
}
