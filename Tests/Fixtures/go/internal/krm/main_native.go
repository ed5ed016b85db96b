//go:build !(js && wasm)

package krm

import (
	"fmt"
	"io"
	"os"
)

// Main runs the function as a filter: ResourceList on stdin, result on stdout.
// Errors go to stderr with exit code 1 (the container-function convention).
func Main(p Processor) {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := Run(p, input)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
