package parse

import (
	"bytes"
	"testing"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/spool"
)

// page reads a markdown page as LOAD would.
func page(t *testing.T) *content.Page {
	t.Helper()
	p, diags := content.ReadPage("plan.md", []byte("# Plan\n\n- [x] one\n- [ ] two\n\nSee [notes](notes.md).\n"), "content/")
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBodyIsTheSameWhereverItWaits: a body kept in memory, spooled, or
// left for later (parsed again when asked) is the same bytes, and the
// summary is made either way.
func TestBodyIsTheSameWhereverItWaits(t *testing.T) {
	set := &content.Set{Pages: []*content.Page{page(t)}}
	env := NewEnv(config.Default(), Targets(set, nil), "content/")
	mem := env.Parse(page(t))
	if mem.Body == nil || mem.Status.Counts.Total() != 2 || len(mem.Lookups) != 1 {
		t.Fatalf("in memory: body %q, %d items, lookups %v", mem.Body, mem.Status.Counts.Total(), mem.Lookups)
	}
	sp, err := spool.New()
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	spooled := *env
	spooled.Spool = sp
	later := *env
	later.LaterBody = func(string, [32]byte) bool { return true }
	for name, e := range map[string]*Env{"spooled": &spooled, "later": &later} {
		p := e.Parse(page(t))
		if p.Body != nil || p.Status.Counts.Total() != 2 {
			t.Errorf("%s: body kept in memory (%q) or no summary (%d items)", name, p.Body, p.Status.Counts.Total())
		}
		got, err := e.Body(p)
		if err != nil || !bytes.Equal(got, mem.Body) {
			t.Errorf("%s: Body = %q, %v; want %q", name, got, err, mem.Body)
		}
	}
}
