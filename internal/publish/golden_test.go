package publish

import (
	"path/filepath"
	"testing"

	"github.com/milepost/milepost/internal/sitetest"
)

// checkGolden compares got with testdata/name, rewriting it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	sitetest.Golden(t, filepath.Join("testdata", name), got)
}
