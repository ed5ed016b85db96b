// exit-code prints a line, then exits with the code given as argument 1
// (default 3). "panic" panics instead, "return" returns from main.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	fmt.Println("before exit")
	arg := "3"
	if len(os.Args) > 1 {
		arg = os.Args[1]
	}
	switch arg {
	case "panic":
		panic("exit-code: deliberate panic")
	case "return":
		return
	}
	code, err := strconv.Atoi(arg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(code)
}
