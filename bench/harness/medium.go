package main

import (
	"os/exec"
	"strings"
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
