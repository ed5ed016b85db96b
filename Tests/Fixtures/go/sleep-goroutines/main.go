// sleep-goroutines annotates each item from its own goroutine after a short
// time.Sleep, then waits for all of them: timers and scheduling inside a
// handler that the host calls synchronously.
package main

import (
	"fmt"
	"sync"
	"time"

	"swiftkpt.test/fixtures/internal/krm"
)

func process(rl *krm.ResourceList) error {
	items := rl.Items().Content
	names := make([]string, len(items))
	start := time.Now()
	var wg sync.WaitGroup
	for i := range items {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			time.Sleep(time.Duration(len(items)-i) * 5 * time.Millisecond)
			names[i] = fmt.Sprintf("worker-%d", i)
		}(i)
	}
	wg.Wait()
	if time.Since(start) < time.Duration(len(items))*5*time.Millisecond {
		return fmt.Errorf("slept less than asked")
	}
	for i, item := range items {
		krm.SetAnnotation(item, "example.com/worker", names[i])
	}
	return nil
}

func main() { krm.Main(process) }
