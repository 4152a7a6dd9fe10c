// Package spool keeps byte strings in an unlinked temporary file and reads
// them back: a one-off build's rendered page bodies between PARSE and
// RENDER, so that memory holds one body per worker rather than the bodies
// of every page (at 10k pages they are the largest thing a build keeps).
// The dev server's Builder keeps bodies in memory instead: it reuses them
// across builds.
//
// In: byte strings. Out: the same bytes, by the Ref Put returned.
// It must not keep the file past Close or the process: the file is
// unlinked as soon as it is made, so it goes away however the process ends.
package spool

import (
	"bytes"
	"fmt"
	"os"
	"sync"
)

// Spool is one unlinked temporary file; safe for concurrent use.
type Spool struct {
	mu  sync.Mutex
	f   *os.File
	off int64
}

// Ref locates one byte string in the spool.
type Ref struct {
	off int64
	n   int
}

// New makes the spool's file in the temporary directory.
func New() (*Spool, error) {
	f, err := os.CreateTemp("", "milepost-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	// Unlinked at once: the file goes away with the process, however it ends.
	_ = os.Remove(f.Name())
	return &Spool{f: f}, nil
}

// Put stores b and returns where it is.
func (s *Spool) Put(b []byte) (Ref, error) {
	s.mu.Lock()
	off := s.off
	s.off += int64(len(b))
	s.mu.Unlock()
	if _, err := s.f.WriteAt(b, off); err != nil {
		return Ref{}, fmt.Errorf("spool: %w", err)
	}
	return Ref{off: off, n: len(b)}, nil
}

// Get reads a byte string back.
func (s *Spool) Get(r Ref) ([]byte, error) {
	b := make([]byte, r.n)
	if _, err := s.f.ReadAt(b, r.off); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return b, nil
}

// GetInto reads a byte string back into buf's free space, grown for it,
// and returns it there; buf's length is left as it was.
func (s *Spool) GetInto(r Ref, buf *bytes.Buffer) ([]byte, error) {
	buf.Grow(r.n)
	b := buf.AvailableBuffer()[:r.n]
	if _, err := s.f.ReadAt(b, r.off); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return b, nil
}

// Close closes the file, which removes it.
func (s *Spool) Close() { _ = s.f.Close() }
