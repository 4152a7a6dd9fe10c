package devserver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMeasureReload(t *testing.T) {
	root := t.TempDir()
	for rel, text := range initialSite {
		writeFile(t, root, rel, text)
	}
	median, p95, err := MeasureReload(t.Context(), root, &diskBuilder{root: root}, "content/a.md", 5)
	if err != nil {
		t.Fatal(err)
	}
	if median <= 0 || p95 < median {
		t.Errorf("median %v, p95 %v", median, p95)
	}
	t.Logf("write → reload: median %v, p95 %v", median, p95)
	got, err := os.ReadFile(filepath.Join(root, "content", "a.md"))
	if err != nil || string(got) != initialSite["content/a.md"] {
		t.Errorf("file not restored: %q, %v", got, err)
	}
}

func TestAwaitReload(t *testing.T) {
	tests := []struct {
		name    string
		events  []event
		close   bool
		wantErr string
	}{
		{"reload", []event{{name: "reload"}}, false, ""},
		{"css swap", []event{{name: "css", data: "{}"}}, false, ""},
		{"other events first", []event{{name: "hello"}, {name: "reload"}}, false, ""},
		{"failed build", []event{{name: "error", data: "<div>"}}, false, "the build failed"},
		{"stream closed", nil, true, "closed"},
		{"no change", nil, false, "does the edit change the output?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := make(chan event, len(tt.events))
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
