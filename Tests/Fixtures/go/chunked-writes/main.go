// chunked-writes writes COUNT lines of SIZE bytes (newline included) to
// stdout, one unbuffered os.Stdout.Write per line, and allocates a little
// garbage between writes so linear memory grows while it runs. The host must
// copy each line once: its work per write follows SIZE, not what came before.
// Usage: chunked-writes COUNT SIZE
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

var keep [][]byte

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: chunked-writes COUNT SIZE")
		os.Exit(2)
	}
	count, err1 := strconv.Atoi(os.Args[1])
	size, err2 := strconv.Atoi(os.Args[2])
	if err1 != nil || err2 != nil || count < 0 || size < 1 {
		fmt.Fprintln(os.Stderr, "chunked-writes: bad COUNT or SIZE")
		os.Exit(2)
	}
	for i := 0; i < count; i++ {
		line := []byte(strings.Repeat(string(rune('a'+i%26)), size-1) + "\n")
		if _, err := os.Stdout.Write(line); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		keep = append(keep, make([]byte, 16<<10))
	}
}
