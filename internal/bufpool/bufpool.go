// Package bufpool lends the byte buffers a build fills once per page and
// is done with when the page's files are put: a page drawn into a fresh
// buffer allocates it several times over as it grows, and pages are
// drawn by the thousand.
//
// In: nothing. Out: Get, a buffer emptied; Put, to give it back.
// Must not: keep a buffer grown past MaxKept, so that a rare huge page
// does not hold its memory for the rest of the build; or be handed back a
// buffer whose bytes are still in use (the caller's rule, which tests
// check with Poison).
package bufpool

import (
	"bytes"
	"sync"
	"sync/atomic"
)

// MaxKept is the capacity above which Put drops a buffer.
const MaxKept = 1 << 20

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// poison is set by tests: see Poison.
var poison atomic.Bool

// Get returns an empty buffer.
func Get() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// Put gives buf back; neither it nor any slice of its bytes may be used
// after.
func Put(buf *bytes.Buffer) {
	if poison.Load() {
		b := buf.Bytes()
		b = b[:cap(b)]
		for i := range b {
			b[i] = 0xA5
		}
	}
	if buf.Cap() <= MaxKept {
		buf.Reset()
		buffers.Put(buf)
	}
}

// Poison, for tests, makes Put overwrite every byte given back, up to
// the buffer's capacity: output made from a buffer read after its release
// then shows it, instead of passing while the bytes happen to be still
// there. Tests of packages that release buffers turn it on in TestMain;
// the binary never does, so nothing in it calls Poison.
func Poison(on bool) { poison.Store(on) }
