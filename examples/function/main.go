//go:build !(js && wasm)

// Native build: a stdin -> stdout filter (handy for testing the same logic).
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err == nil {
		var out []byte
		if out, err = process(input); err == nil {
			os.Stdout.Write(out)
			return
		}
	}
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
