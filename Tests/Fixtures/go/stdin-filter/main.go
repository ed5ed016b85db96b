// stdin-filter copies stdin to stdout, upper-casing ASCII, and reports the
// byte count on stderr. With an argument it also tries to read that file.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

func main() {
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "read error:", err)
		os.Exit(1)
	}
	os.Stdout.Write(bytes.ToUpper(in))
	fmt.Fprintf(os.Stderr, "%d bytes\n", len(in))
	if len(os.Args) > 1 {
		// The sandbox check: a host without file access must refuse this.
		_, err := os.ReadFile(os.Args[1])
		fmt.Println("read file:", err)
	}
}
