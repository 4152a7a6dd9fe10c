// Package lifecycle is what SIGINT and SIGTERM do to a milepost command:
// the command's context is cancelled; a command that does not end within
// a grace period is abandoned (the hooks it registered run, and the
// process may exit without waiting for its workers), except during a
// commit, which is waited for so the destination holds the old build or
// the new one.
//
// In: the command (a function of a context returning an exit code), its
// abandon hooks, its commit. Out: the exit code. It must not exit the
// process itself: the caller does, with the code Run returns.
package lifecycle

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

// state is what the signal handler knows of the running command.
type state struct {
	mu         sync.Mutex
	abandoning bool          // a signal came and the grace ran out
	committing bool          // a commit is changing the destination
	committed  chan struct{} // closed when the commit in progress ends
	hooks      []func()
}

// process is the state of this process's one command.
var process state

// OnAbandon registers hook to run if the process is abandoned; the
// returned func unregisters it.
func OnAbandon(hook func()) (unregister func()) { return process.onAbandon(hook) }

func (l *state) onAbandon(hook func()) (unregister func()) {
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
func (l *state) beginCommit() bool {
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
func (l *state) endCommit() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.committing = false
	close(l.committed)
}

// ErrSignalled is the error of a commit a signal kept from starting.
var ErrSignalled = errors.New("interrupted before the commit")

// Commit runs commit as one step the signal handler waits for: once
// begun, it ends before the process does.
func Commit[T any](commit func() (T, error)) (T, error) {
	if !process.beginCommit() {
		var zero T
		return zero, ErrSignalled
	}
	defer process.endCommit()
	return commit()
}

// abandon waits for a commit in progress, then runs the hooks. It reports
// false, running none, when it waited for a commit: the command is past
// its last long step and finishing, and should rather be waited for.
func (l *state) abandon() bool {
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

// Run runs the command and returns its exit code, or failed once a signal
// has abandoned it (see interruptGrace), having said so on stderr.
func Run(command func(ctx context.Context) int, failed int, stderr io.Writer) int {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- command(ctx) }()
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
	return failed
}
