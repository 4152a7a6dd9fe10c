package reload

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/devserver"
	"github.com/milepost/milepost/internal/sseclient"
)

func TestMeasureReload(t *testing.T) {
	root := t.TempDir()
	const page = "# A\n\n- [ ] one\n"
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "a.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	median, p95, err := Measure(t.Context(), root, copyBuilder{root}, "content/a.md", 5)
	if err != nil {
		t.Fatal(err)
	}
	if median <= 0 || p95 < median {
		t.Errorf("median %v, p95 %v", median, p95)
	}
	t.Logf("write → reload: median %v, p95 %v", median, p95)
	got, err := os.ReadFile(filepath.Join(root, "content", "a.md"))
	if err != nil || string(got) != page {
		t.Errorf("file not restored: %q, %v", got, err)
	}
}

func TestAwaitReload(t *testing.T) {
	tests := []struct {
		name    string
		events  []sseclient.Event
		close   bool
		wantErr string
	}{
		{"reload", []sseclient.Event{{Name: "reload"}}, false, ""},
		{"css swap", []sseclient.Event{{Name: "css", Data: "{}"}}, false, ""},
		{"other events first", []sseclient.Event{{Name: "hello"}, {Name: "reload"}}, false, ""},
		{"failed build", []sseclient.Event{{Name: "error", Data: "<div>"}}, false, "the build failed"},
		{"stream closed", nil, true, "closed"},
		{"no change", nil, false, "does the edit change the output?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := make(chan sseclient.Event, len(tt.events))
			for _, ev := range tt.events {
				ch <- ev
			}
			if tt.close {
				close(ch)
			}
			err := awaitReload(ch, "content/a.md", 50*time.Millisecond)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

// copyBuilder serves the site's one page as index.html, as it is on disk.
type copyBuilder struct{ root string }

func (b copyBuilder) Build(ctx context.Context, changed []string) (*devserver.Result, error) {
	page, err := os.ReadFile(filepath.Join(b.root, "content", "a.md"))
	if err != nil {
		return nil, err
	}
	return &devserver.Result{Files: map[string][]byte{"index.html": []byte("<html><body><pre>" + html.EscapeString(string(page)) + "</pre></body></html>")}}, nil
}

func TestPercentiles(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		var out []time.Duration
		for _, x := range v {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	tests := []struct {
		in          []time.Duration
		median, p95 time.Duration
	}{
		{ms(5), 5 * time.Millisecond, 5 * time.Millisecond},
		{ms(9, 1, 5), 5 * time.Millisecond, 9 * time.Millisecond},
		{ms(4, 1, 3, 2), 2500 * time.Microsecond, 4 * time.Millisecond},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100), 10500 * time.Microsecond, 19 * time.Millisecond},
	}
	for _, tt := range tests {
		m, p := percentiles(tt.in)
		if m != tt.median || p != tt.p95 {
			t.Errorf("percentiles(%v) = %v, %v; want %v, %v", tt.in, m, p, tt.median, tt.p95)
		}
	}
}
