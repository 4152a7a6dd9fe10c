package keyhash

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"testing"
)

// TestBlocksDoNotChangeTheKey checks that a key is the SHA-256 of its
// inputs' bytes one after another, however they fall across the blocks
// that are hashed as they fill, and that a Buf is empty after Sum.
func TestBlocksDoNotChangeTheKey(t *testing.T) {
	for _, size := range []int{0, 1, 100, blockSize - 40, blockSize - 1, blockSize, blockSize + 1, 3*blockSize + 7} {
		long := strings.Repeat("x", size)
		var k Buf
		var want []byte
		for round := range 3 {
			k.Str("a", long, "b")
			want = binary.AppendUvarint(want, 1)
			want = append(want, "a"...)
			want = binary.AppendUvarint(want, uint64(size))
			want = append(want, long...)
			want = binary.AppendUvarint(want, 1)
			want = append(want, "b"...)
			k.Num(-round)
			want = binary.AppendVarint(want, int64(-round))
			k.Raw([]byte(long))
			want = append(want, long...)
			k.Flag(true)
			want = binary.AppendVarint(want, 1)
		}
		if got := k.Sum(); got != sha256.Sum256(want) {
			t.Errorf("strings of %d bytes: the key is not the hash of the inputs' bytes", size)
		}
		k.Str("after")
		if got, want := k.Sum(), sha256.Sum256([]byte("\x05after")); got != want {
			t.Errorf("strings of %d bytes: a Buf is not empty after Sum", size)
		}
	}
}
