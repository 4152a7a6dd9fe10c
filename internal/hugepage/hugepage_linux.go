package hugepage

import (
	"errors"

	"golang.org/x/sys/unix"
)

// The user part of an x86-64 or arm64 address space with 47-bit
// addresses: the range covers every mapping of the process, and the
// kernel skips the holes between them.
const (
	spaceStart = 0x1000
	spaceEnd   = 0x7ffffffff000
)

// advise reports whether the kernel took the advice. ENOMEM only says
// that the range has holes; the mappings in it were advised.
func advise() bool {
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, spaceStart, spaceEnd-spaceStart, unix.MADV_HUGEPAGE)
	return errno == 0 || errors.Is(errno, unix.ENOMEM)
}
