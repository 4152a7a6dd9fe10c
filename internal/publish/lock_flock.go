//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package publish

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockDir takes an exclusive, non-blocking flock on directory dir, so a
// second build into the same destination fails at Begin instead of removing
// the first one's staging. The kernel drops the lock when the process dies,
// so a killed build leaves no stale lock. Where locks are unsupported (some
// network file systems), building goes on unlocked.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another milepost build is writing to %s", dir)
		}
		return func() {}, nil
	}
	return func() { f.Close() }, nil // closing the descriptor releases the lock
}
