package buildcache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/milepost/milepost/internal/parallel"
)

// Fingerprint hashes the inputs of a build: every regular file under each
// of paths (folders, walked, or single files), relative to root, with its
// name and bytes. Dot-files and dot-folders are left out, as LOAD leaves
// them out; a path that does not exist counts as absent. Files are read
// and hashed in parallel.
func Fingerprint(root string, paths ...string) ([32]byte, error) {
	var files []string
	for _, p := range paths {
		err := filepath.WalkDir(filepath.Join(root, p), func(name string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && name != filepath.Join(root, p) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, name)
			}
			return nil
		})
		if err != nil {
			return [32]byte{}, err
		}
	}
	sort.Strings(files)
	sums := make([][32]byte, len(files))
	errs := make([]error, len(files))
	// Reading is mostly waiting on the kernel: more workers than cores.
	parallel.Do(len(files), 4, func(j int) bool {
		data, err := os.ReadFile(files[j])
		sums[j], errs[j] = sha256.Sum256(data), err
		return true
	})
	h := sha256.New()
	var n [8]byte
	for j, name := range files {
		if errs[j] != nil {
			return [32]byte{}, errs[j]
		}
		rel, _ := filepath.Rel(root, name)
		binary.LittleEndian.PutUint64(n[:], uint64(len(rel)))
		h.Write(n[:])
		h.Write([]byte(filepath.ToSlash(rel)))
		h.Write(sums[j][:])
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, nil
}
