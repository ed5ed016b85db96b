// date-time uses wall time, monotonic time, local time (Date's
// getTimezoneOffset) and timers driven by the host's event loop.
package main

import (
	"fmt"
	"time"
)

func main() {
	now := time.Now()
	fmt.Println("year plausible:", now.Year() >= 2024 && now.Year() < 2200)
	fixed := time.Unix(1700000000, 0)
	fmt.Println("utc:", fixed.UTC().Format(time.RFC3339))
	fmt.Println("local:", fixed.Local().Format("2006-01-02 15:04:05 MST -0700"))
	start := time.Now()
	time.Sleep(30 * time.Millisecond)
	fmt.Println("slept >= 30ms:", time.Since(start) >= 30*time.Millisecond)
	timer := time.NewTimer(10 * time.Millisecond)
	<-timer.C
	select {
	case <-time.After(5 * time.Millisecond):
		fmt.Println("after fired")
	}
	fmt.Println("monotonic ok:", time.Since(start) > 0)
}
