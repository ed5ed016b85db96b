// hello writes through all three output paths: fmt to stdout and stderr
// (fs.write) and the runtime's println (runtime.wasmWrite to fd 2).
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello, world")
	fmt.Fprintln(os.Stderr, "to stderr")
	println("from println", 42)
	fmt.Printf("unicode: %s\n", "héllo → wörld ✓")
}
