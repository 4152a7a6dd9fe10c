package devserver

import (
	"fmt"
	"reflect"
	"testing"
)

func TestDiffFiles(t *testing.T) {
	prev := map[string][]byte{"a.html": []byte("a"), "b.css": []byte("b"), "gone.html": []byte("g")}
	cur := map[string][]byte{"a.html": []byte("a"), "b.css": []byte("B"), "new.svg": []byte("n")}
	want := []string{"b.css", "gone.html", "new.svg"}
	if got := diffFiles(prev, cur); !reflect.DeepEqual(got, want) {
		t.Errorf("diffFiles = %q, want %q", got, want)
	}
	if got := diffFiles(cur, cur); got == nil || len(got) != 0 {
		t.Errorf("diffFiles of equal sites = %#v, want empty and not nil", got)
	}
}

func TestAllCSS(t *testing.T) {
	tests := []struct {
		in   []string
		want bool
	}{
		{[]string{"style.css"}, true},
		{[]string{"a/b.CSS", "style.css"}, true},
		{[]string{"style.css", "index.html"}, false},
		{[]string{}, false},
	}
	for _, tt := range tests {
		if got := allCSS(tt.in); got != tt.want {
			t.Errorf("allCSS(%q) = %v", tt.in, got)
		}
	}
}

// BenchmarkDiffFiles compares two 10,000-page sites of 8 KB pages: with the
// builder passing unchanged pages on as the same slices, and with every
// page freshly rendered.
func BenchmarkDiffFiles(b *testing.B) {
	prev := make(map[string][]byte)
	for i := range 10000 {
		page := make([]byte, 8<<10)
		copy(page, fmt.Sprint(i))
		prev[fmt.Sprintf("p%d/index.html", i)] = page
	}
	shared := make(map[string][]byte, len(prev))
	fresh := make(map[string][]byte, len(prev))
	for name, page := range prev {
		shared[name] = page
		fresh[name] = append([]byte(nil), page...)
	}
	b.Run("shared", func(b *testing.B) {
		for range b.N {
			diffFiles(prev, shared)
		}
	})
	b.Run("fresh", func(b *testing.B) {
		for range b.N {
			diffFiles(prev, fresh)
		}
	})
}
