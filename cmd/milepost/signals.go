package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/milepost/milepost/internal/publish"
)

// What SIGINT and SIGTERM do. A signal cancels the command's context, and
// a command that notices ends as it would on any failure (a build aborts
// its transaction). One that does not notice within interruptGrace (a
// worker deep in one huge page) is abandoned: the process runs the
// abandon hooks the command registered (the build's removes its staging
// folder), says so, and exits, without waiting for the workers. The one
// exception is a commit in progress: the process waits for it to end, so
// the destination holds the old build or the new one (publish's journal
// covers the case where the process is killed outright).
const interruptGrace = 300 * time.Millisecond

// lifecycle is what the signal handler knows of the running command.
type lifecycle struct {
	mu         sync.Mutex
	abandoning bool          // a signal came and the grace ran out
	committing bool          // a commit is changing the destination
	committed  chan struct{} // closed when the commit in progress ends
	hooks      []func()
}

// process is the lifecycle of this process's one command.
var process lifecycle

// onAbandon registers hook to run if the process is abandoned; the
// returned func unregisters it.
func (l *lifecycle) onAbandon(hook func()) (unregister func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hooks = append(l.hooks, hook)
	i := len(l.hooks) - 1
	return func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.hooks[i] = nil
	}
}

// beginCommit marks the start of a commit; false means the process is
// being abandoned and the commit must not start.
func (l *lifecycle) beginCommit() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.abandoning {
		return false
	}
	l.committing = true
	l.committed = make(chan struct{})
	return true
}

// endCommit marks the end of the commit beginCommit started.
func (l *lifecycle) endCommit() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.committing = false
	close(l.committed)
}

// errSignalled is the error of a commit a signal kept from starting.
var errSignalled = errors.New("interrupted before the commit")

// signalSafe commits tx as one step the signal handler waits for: once
// begun, the commit ends before the process does.
type signalSafe struct{ tx *publish.Tx }

func (c signalSafe) Commit() (publish.Stats, error) {
	if !process.beginCommit() {
		return publish.Stats{}, errSignalled
	}
	defer process.endCommit()
	return c.tx.Commit()
}

// abandon waits for a commit in progress, then runs the hooks. It reports
// false, running none, when it waited for a commit: the command is past
// its last long step and finishing, and should rather be waited for.
func (l *lifecycle) abandon() bool {
	l.mu.Lock()
	if l.committing {
		wait := l.committed
		l.mu.Unlock()
		<-wait
		return false
	}
	l.abandoning = true
	hooks := l.hooks
	l.hooks = nil
	l.mu.Unlock()
	for _, hook := range hooks {
		if hook != nil {
			hook()
		}
	}
	return true
}

// runWithSignals runs the command and returns its exit code, or exitFail
// once a signal has abandoned it (see interruptGrace).
func runWithSignals(args []string, stdout, stderr io.Writer) int {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- run(ctx, args, stdout, stderr) }()
	select {
	case code := <-done:
		return code
	case <-signals:
	}
	cancel()
	select {
	case code := <-done:
		return code
	case <-time.After(interruptGrace):
	}
	if !process.abandon() { // it waited for a commit to end
		return <-done
	}
	fmt.Fprintln(stderr, "milepost: interrupted")
	return exitFail
}
