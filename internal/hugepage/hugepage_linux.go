package hugepage

import (
	"errors"

	"golang.org/x/sys/unix"
)

// A range over every mapping of the process: the user part of a 48-bit
// address space (x86-64 uses 47 bits of it, arm64 all 48; Go 1.26 places
// its heap at a random address in it). The kernel skips the holes.
const (
	spaceStart = 0x1000
	spaceEnd   = 1<<48 - 0x1000
)

// advise reports whether the kernel took the advice. ENOMEM only says
// that the range has holes; the mappings in it were advised.
func advise() bool {
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, spaceStart, spaceEnd-spaceStart, unix.MADV_HUGEPAGE)
	return errno == 0 || errors.Is(errno, unix.ENOMEM)
}
