// panic-fn panics while processing (after touching the input, so the panic
// happens inside the Go callback, not at startup).
package main

import (
	"fmt"

	"swiftkpt.test/fixtures/internal/krm"
)

func process(rl *krm.ResourceList) error {
	panic(fmt.Sprintf("panic-fn: refusing %d items", len(rl.Items().Content)))
}

func main() { krm.Main(process) }
