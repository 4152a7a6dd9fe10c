package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts the profiles the flags ask for: a CPU profile into
// cpu until stop is called, and a heap profile into mem when it is. A
// profile that cannot be written is reported and left out.
func startProfiles(cpu, mem string, stderr io.Writer) (stop func()) {
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
