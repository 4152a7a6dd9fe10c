//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package publish

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lock takes an exclusive, non-blocking flock on path: the destination
// directory itself, or, while the destination does not exist, a lock file
// beside it (created here and removed on unlock). A second build into the
// same destination then fails at Begin instead of removing the first one's
// staging as stale. The kernel drops the lock when the process dies, so a
// killed build leaves no stale lock (at most a lock file the next build
// reuses and removes). Where locks are unsupported (some network file
// systems), building goes on unlocked.
func lock(path, dest string, isFile bool) (unlock func(), err error) {
	var f *os.File
	if isFile {
		f, err = os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644)
	} else {
		f, err = os.Open(path)
	}
	if err != nil {
		return nil, err
	}
	release := func() {
		if isFile {
			os.Remove(path) // while still holding the lock
		}
		f.Close() // closing the descriptor releases the lock
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another milepost build is writing to %s", dest)
		}
		return release, nil
	}
	return release, nil
}
