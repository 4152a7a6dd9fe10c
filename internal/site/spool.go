package site

import (
	"fmt"
	"os"
	"sync"
)

// spool keeps the rendered bodies of a one-off build in an unlinked
// temporary file between PARSE and RENDER, so that memory holds one body
// per worker rather than the bodies of every page (at 10k pages they are
// the largest thing a build keeps). The dev server's Builder keeps bodies
// in memory instead: it reuses them across builds.
type spool struct {
	mu  sync.Mutex
	f   *os.File
	off int64
}

// bodyRef locates one body in the spool.
type bodyRef struct {
	off int64
	n   int
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "milepost-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	// Unlinked at once: the file goes away with the process, however it ends.
	_ = os.Remove(f.Name())
	return &spool{f: f}, nil
}

// put stores b and returns where it is.
func (s *spool) put(b []byte) (bodyRef, error) {
	s.mu.Lock()
	off := s.off
	s.off += int64(len(b))
	s.mu.Unlock()
	if _, err := s.f.WriteAt(b, off); err != nil {
		return bodyRef{}, fmt.Errorf("spool: %w", err)
	}
	return bodyRef{off: off, n: len(b)}, nil
}

// get reads a body back.
func (s *spool) get(r bodyRef) ([]byte, error) {
	b := make([]byte, r.n)
	if _, err := s.f.ReadAt(b, r.off); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return b, nil
}

func (s *spool) close() { _ = s.f.Close() }
