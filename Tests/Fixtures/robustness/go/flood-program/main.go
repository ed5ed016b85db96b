// flood-program writes 10 MiB to stdout (1024-byte lines, 1 MiB writes) and exits 0.
package main

import (
	"bufio"
	"os"
	"strings"
)

func main() {
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	line := strings.Repeat("y", 1023) + "\n"
	for i := 0; i < 10<<10; i++ {
		w.WriteString(line)
	}
	w.Flush()
}
