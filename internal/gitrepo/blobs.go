package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"strconv"
	"strings"
)

// BlobID is the id git gives data as a blob, in the object format of like
// (an id from the same repository: 40 hex digits for SHA-1, 64 for
// SHA-256): it tells whether a file's bytes are a version's without
// asking git for them.
func BlobID(data []byte, like string) string {
	var h hash.Hash
	if len(like) == 2*sha256.Size {
		h = sha256.New()
	} else {
		h = sha1.New()
	}
	fmt.Fprintf(h, "blob %d\x00", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// Blobs reads the bytes of the blobs named by ids, with one `git cat-file
// --batch` for them all, and hands each to fn in the order of ids (an id
// asked twice is read twice). data is only valid during the call. An id
// git does not have (a shallow clone's missing object) is an error, as is
// an error fn returns, which ends the reading.
func (r *Repo) Blobs(ctx context.Context, ids []string, fn func(id string, data []byte) error) error {
	if len(ids) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := r.command(ctx, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	// Ids are written while answers are read: git answers as it reads,
	// and a pipe holds only so much.
	go func() {
		w := bufio.NewWriter(stdin)
		for _, id := range ids {
			if _, err := w.WriteString(id + "\n"); err != nil {
				break
			}
		}
		w.Flush()
		stdin.Close()
	}()
	rerr := readBatch(bufio.NewReaderSize(stdout, 64<<10), ids, fn)
	if rerr != nil {
		cancel()
		io.Copy(io.Discard, stdout)
	}
	werr := cmd.Wait()
	switch {
	case rerr != nil:
		return rerr
	case werr != nil:
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("git cat-file: %s", firstLine(msg))
		}
		return fmt.Errorf("git cat-file: %w", werr)
	}
	return nil
}

// errMissing says git does not have an object.
var errMissing = errors.New("missing")

// readBatch reads cat-file's answers: "<id> <type> <size>\n<bytes>\n", or
// "<id> missing\n".
func readBatch(in *bufio.Reader, ids []string, fn func(id string, data []byte) error) error {
	var buf []byte
	for _, id := range ids {
		head, err := in.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: %s: %w", id, io.ErrUnexpectedEOF)
		}
		f := strings.Fields(head)
		if len(f) == 2 && f[1] == "missing" {
			return fmt.Errorf("git cat-file: %s: %w", id, errMissing)
		}
		if len(f) != 3 {
			return fmt.Errorf("git cat-file: unexpected answer %q", strings.TrimSpace(head))
		}
		size, err := strconv.Atoi(f[2])
		if err != nil || size < 0 {
			return fmt.Errorf("git cat-file: unexpected answer %q", strings.TrimSpace(head))
		}
		if cap(buf) < size+1 {
			buf = make([]byte, size+1)
		}
		buf = buf[:size+1]
		if _, err := io.ReadFull(in, buf); err != nil {
			return fmt.Errorf("git cat-file: %s: %w", id, err)
		}
		if f[1] != "blob" {
			return fmt.Errorf("git cat-file: %s is a %s, not a blob", id, f[1])
		}
		if err := fn(id, buf[:size]); err != nil {
			return err
		}
	}
	return nil
}
