// args-env prints its arguments and environment.
package main

import (
	"fmt"
	"os"
	"sort"
)

func main() {
	for i, a := range os.Args {
		fmt.Printf("arg[%d]=%q\n", i, a)
	}
	env := os.Environ()
	sort.Strings(env)
	for _, e := range env {
		fmt.Printf("env %q\n", e)
	}
	v, ok := os.LookupEnv("FIXTURE_VAR")
	fmt.Printf("FIXTURE_VAR=%q set=%v\n", v, ok)
}
