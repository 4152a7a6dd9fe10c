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
	"hash"
	"io"
	"sync"

	"github.com/milepost/milepost/internal/status"
)

// Buf accumulates the inputs of one key. Its zero value is ready to use.
// The inputs are hashed a block at a time as they are written, in a
// buffer Sum hands back for the next key, so making keys allocates
// almost nothing (a site's keys once allocated more than 100 MB a build).
// A key's bytes, and so its hash, are those of the inputs written one
// after another whatever the blocks. A Buf must not be copied once
// written to: the copy would share its buffer and hash.
type Buf struct {
	pending *[]byte   // written and not yet hashed; nil before the first write and after Sum
	digest  hash.Hash // the hash of what came before pending; nil while all fits in pending
}

// blockSize is how many pending bytes are hashed at once.
const blockSize = 4096

var buffers = sync.Pool{New: func() any {
	b := make([]byte, 0, blockSize+binary.MaxVarintLen64+64)
	return &b
}}

// buf returns the pending bytes, taking a buffer when there is none.
func (k *Buf) buf() []byte {
	if k.pending == nil {
		k.pending = buffers.Get().(*[]byte)
	}
	return *k.pending
}

// put keeps b as the pending bytes, hashing them once they fill a block.
func (k *Buf) put(b []byte) {
	if len(b) >= blockSize {
		k.hashPending(b)
		b = b[:0]
	}
	*k.pending = b
}

func (k *Buf) hashPending(b []byte) {
	if k.digest == nil {
		k.digest = sha256.New()
	}
	k.digest.Write(b)
}

// Str adds strings, each with its length.
func (k *Buf) Str(ss ...string) {
	b := k.buf()
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(len(s)))
		if len(b)+len(s) > blockSize { // hash what is pending, then s where it lies
			k.hashPending(b)
			io.WriteString(k.digest, s)
			b = b[:0]
			continue
		}
		b = append(b, s...)
	}
	k.put(b)
}

// Raw adds bytes of a fixed length (another key).
func (k *Buf) Raw(b []byte) { k.put(append(k.buf(), b...)) }

// Num adds a number.
func (k *Buf) Num(n int) { k.put(binary.AppendVarint(k.buf(), int64(n))) }

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

// Sum is the key of what was added. The Buf is then empty again.
func (k *Buf) Sum() [32]byte {
	b := k.buf()
	var sum [32]byte
	if k.digest == nil {
		sum = sha256.Sum256(b)
	} else {
		k.digest.Write(b)
		k.digest.Sum(sum[:0])
		k.digest = nil
	}
	*k.pending = b[:0]
	buffers.Put(k.pending)
	k.pending = nil
	return sum
}
