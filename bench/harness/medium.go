package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// A medium is where the measured builds write their sites. Users and CI
// runners write to a disk, where creating a file costs far more than in
// RAM, so the disk is the first column and RAM the second.
type medium struct {
	name string // mediumDisk or mediumRAM
	dir  string
}

const (
	mediumDisk = "disk"
	mediumRAM  = "RAM"
)

// trashName is the folder of a medium that a site is moved into instead
// of being deleted before a cold build.
const trashName = ".bench-trash"

// trashKeepMax is the largest corpus whose sites are kept in the trash
// until the last corpus is measured: five cold builds of 10,000 pages by
// three tools fill about 6 GB, of 100,000 pages ten times that.
const trashKeepMax = 10000

var trashed atomic.Int64

// discard moves path (a site one run wrote) out of the way, into the
// medium's trash, which the harness empties after the last corpus (and
// after each corpus above trashKeepMax pages). On ext4, creating files right after deleting
// tens of thousands costs each new file several times what it costs on a
// file system that has not just freed them (1,000 pages: 3.6 s of system
// time against 2.0 s, the same binary a minute apart): the kernel is
// still releasing the deleted ones. A user's first build in a fresh clone,
// like a CI runner's, deletes nothing first, so no measured build should
// pay for the run before it. A rename costs next to nothing.
func (m medium) discard(path string) error {
	if _, err := os.Lstat(path); os.IsNotExist(err) {
		return nil
	}
	trash := filepath.Join(m.dir, trashName)
	if err := os.MkdirAll(trash, 0o755); err != nil {
		return err
	}
	return os.Rename(path, filepath.Join(trash, fmt.Sprintf("%d-%s", trashed.Add(1), filepath.Base(path))))
}

// emptyTrash deletes what discard moved aside and waits for the file
// system to write it out.
func (m medium) emptyTrash() error {
	if err := os.RemoveAll(filepath.Join(m.dir, trashName)); err != nil {
		return err
	}
	return exec.Command("sync").Run()
}

// fsType names the file system holding dir ("ext4", "tmpfs"), for the
// report; "?" when df cannot tell.
func fsType(dir string) string {
	out, err := exec.Command("df", "--output=fstype", dir).Output()
	if err != nil {
		return "?"
	}
	lines := strings.Fields(string(out))
	if len(lines) < 2 {
		return "?"
	}
	return lines[len(lines)-1]
}
