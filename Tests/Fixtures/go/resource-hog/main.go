// resource-hog misbehaves on purpose so the host's limits can be tested:
// "memory" allocates without bound, "spin" never yields, "sleep" sleeps for
// an hour (waiting on a host timer).
package main

import (
	"fmt"
	"os"
	"time"
)

var keep [][]byte

func main() {
	mode := "memory"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	fmt.Println("mode", mode)
	switch mode {
	case "memory":
		for i := 0; ; i++ {
			b := make([]byte, 4<<20)
			b[len(b)-1] = byte(i)
			keep = append(keep, b)
		}
	case "spin":
		n := 0
		for {
			n++
		}
	case "sleep":
		time.Sleep(time.Hour)
	}
}
