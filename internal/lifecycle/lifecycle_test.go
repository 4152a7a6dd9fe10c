package lifecycle

import (
	"testing"
	"time"
)

// TestAbandonWaitsForCommit: a signal during a commit lets it end (the
// build finishes); one before the commit keeps it from starting.
func TestAbandonWaitsForCommit(t *testing.T) {
	var l state
	ran := false
	defer l.onAbandon(func() { ran = true })()
	if !l.beginCommit() {
		t.Fatal("beginCommit refused before any signal")
	}
	abandoned := make(chan bool)
	go func() { abandoned <- l.abandon() }()
	select {
	case <-abandoned:
		t.Fatal("abandon did not wait for the commit")
	case <-time.After(50 * time.Millisecond):
	}
	l.endCommit()
	if <-abandoned || ran {
		t.Error("abandon ran the hooks after waiting for a commit; the command finishes instead")
	}

	var m state
	m.onAbandon(func() { ran = true })
	if !m.abandon() || !ran {
		t.Error("abandon outside a commit did not run the hooks")
	}
	if m.beginCommit() {
		t.Error("a commit started after the process was abandoned")
	}
}
