// Package profile writes the profiles milepost build takes for
// performance work (--cpuprofile, --memprofile).
//
// In: the files to write, and where to say what failed. Out: a CPU
// profile of the time between Start and stop, and a heap profile at stop.
// It must not fail a build: a profile that cannot be written is reported
// and left out.
package profile

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// Start starts the profiles asked for: a CPU profile into the file cpu
// until stop is called, and a heap profile into the file mem when it is
// ("" asks for none). A profile that cannot be written is reported to
// stderr and left out.
func Start(cpu, mem string, stderr io.Writer) (stop func()) {
	fail := func(err error) { fmt.Fprintln(stderr, "milepost:", err) }
	stopCPU := func() {}
	if f, err := create(cpu); err != nil {
		fail(err)
	} else if f != nil {
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
			f.Close()
		} else {
			stopCPU = func() { pprof.StopCPUProfile(); f.Close() }
		}
	}
	return func() {
		stopCPU()
		if f, err := create(mem); err != nil {
			fail(err)
		} else if f != nil {
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				fail(err)
			}
			f.Close()
		}
	}
}

// create creates the file name; nil when name is empty.
func create(name string) (*os.File, error) {
	if name == "" {
		return nil, nil
	}
	return os.Create(name)
}
