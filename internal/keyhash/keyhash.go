// Package keyhash is the one way milepost names what something is made
// from: the SHA-256 of its inputs, each written with its length (or as a
// number), so that no two different lists of inputs give the same bytes.
// The build cache's output keys and a page summary's signatures are made
// with it.
//
// In: strings, numbers, flags, counts and other hashes, in a fixed order.
// Out: a 32-byte key. It must not decide what enters a key: its callers do.
package keyhash

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/milepost/milepost/internal/status"
)

// Buf accumulates the inputs of one key.
type Buf []byte

// Str adds strings, each with its length.
func (k *Buf) Str(ss ...string) {
	for _, s := range ss {
		*k = binary.AppendUvarint(*k, uint64(len(s)))
		*k = append(*k, s...)
	}
}

// Raw adds bytes of a fixed length (another key).
func (k *Buf) Raw(b []byte) { *k = append(*k, b...) }

// Num adds a number.
func (k *Buf) Num(n int) { *k = binary.AppendVarint(*k, int64(n)) }

// Flag adds a flag.
func (k *Buf) Flag(b bool) {
	if b {
		k.Num(1)
	} else {
		k.Num(0)
	}
}

// Counts adds the five counts of c.
func (k *Buf) Counts(c status.Counts) {
	for _, v := range []int{c.Done, c.Active, c.Blocked, c.Open, c.Dropped} {
		k.Num(v)
	}
}

// Sum is the key of what was added.
func (k Buf) Sum() [32]byte { return sha256.Sum256(k) }
