package site_test

import (
	"os"
	"testing"

	"github.com/milepost/milepost/internal/bufpool"
)

// TestMain runs the package's tests with pooled buffers overwritten as
// they are given back, so a page, listing or status.json entry read after
// its buffer's release fails the golden and equality tests.
func TestMain(m *testing.M) {
	bufpool.Poison(true)
	os.Exit(m.Run())
}
