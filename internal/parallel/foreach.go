package parallel

import (
	"context"
	"runtime"
	"sync"
)

// ForEach calls fn(i) for i in [0, n) on one worker per core, stops handing
// out work at the first error or when ctx is done, and returns that error.
// progress, when not nil, is called from the calling goroutine as each i is
// handed out.
func ForEach(ctx context.Context, n int, fn func(i int) error, progress func(done int)) error {
	jobs := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return firstErr != nil
	}
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := fn(i); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < n && !failed(); i++ {
		if err := ctx.Err(); err != nil {
			mu.Lock()
			if firstErr == nil {
				firstErr = err
			}
			mu.Unlock()
			break
		}
		jobs <- i
		if progress != nil {
			progress(i + 1)
		}
	}
	close(jobs)
	wg.Wait()
	return firstErr
}
