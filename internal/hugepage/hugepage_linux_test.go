package hugepage

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestStartAdvisesNewMappings: memory the runtime maps after Start is
// advised within a few periods.
func TestStartAdvisesNewMappings(t *testing.T) {
	t.Setenv("MILEPOST_HUGEPAGES", "")
	if !advise() {
		t.Skip("the kernel does not take MADV_HUGEPAGE here")
	}
	stop := Start()
	defer stop()
	block := make([]byte, 256<<20) // beyond the heap so far: new arenas
	addr := uint64(uintptr(unsafe.Pointer(&block[len(block)/2])))
	deadline := time.Now().Add(2 * time.Second)
	for !advised(t, addr) {
		if time.Now().After(deadline) {
			t.Fatalf("the mapping of %#x is not advised", addr)
		}
		time.Sleep(period)
	}
	runtime.KeepAlive(block)
}

// TestOptOut: MILEPOST_HUGEPAGES=0 starts nothing.
func TestOptOut(t *testing.T) {
	t.Setenv("MILEPOST_HUGEPAGES", "0")
	stop := Start()
	stop() // the no-op stop; a ticker's stop would close its channel
	stop()
}

// advised reports whether /proc/self/smaps flags the mapping holding
// addr with "hg" (MADV_HUGEPAGE).
func advised(t *testing.T, addr uint64) bool {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	defer f.Close()
	inside := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := mappingRange(line); ok {
			inside = lo <= addr && addr < hi
			continue
		}
		if inside && strings.HasPrefix(line, "VmFlags:") {
			return strings.Contains(" "+line[len("VmFlags:"):]+" ", " hg ")
		}
	}
	return false
}

// mappingRange reads the "lo-hi perms …" line that opens a mapping.
func mappingRange(line string) (lo, hi uint64, ok bool) {
	field, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(field, "-")
	if !found {
		return 0, 0, false
	}
	lo, err1 := strconv.ParseUint(a, 16, 64)
	hi, err2 := strconv.ParseUint(b, 16, 64)
	return lo, hi, err1 == nil && err2 == nil
}
