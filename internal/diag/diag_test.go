package diag

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestForms(t *testing.T) {
	d := Warnf(KindDrift, "content/a, b.md", 12, 3, "50%% done:\nbut 2 of 3")
	if got, want := d.String(), `content/a, b.md:12:3: warning: 50% done:\nbut 2 of 3`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := d.GitHub(), "::warning file=content/a%2C b.md,line=12,col=3,title=milepost drift::50%25 done:%0Abut 2 of 3"; got != want {
		t.Errorf("GitHub() = %q, want %q", got, want)
	}
	js, err := json.Marshal(Errorf("x.md", 1, 0, "bad"))
	if want := `{"file":"x.md","line":1,"col":0,"severity":"error","kind":"","message":"bad"}`; err != nil || string(js) != want {
		t.Errorf("JSON = %s, %v; want %s", js, err, want)
	}
}

func TestTally(t *testing.T) {
	l := List{Warnf(KindStale, "a", 0, 0, "x"), Warnf(KindDrift, "a", 0, 0, "x"), Warnf(KindStale, "b", 0, 0, "x"), Errorf("c", 0, 0, "x")}
	if got, want := l.Tally(), "1 error, 3 warnings (1 drift, 2 stale)"; got != want {
		t.Errorf("Tally() = %q, want %q", got, want)
	}
	if got, want := List(nil).Tally(), "0 errors, 0 warnings"; got != want {
		t.Errorf("Tally() = %q, want %q", got, want)
	}
}

func TestParseKinds(t *testing.T) {
	kinds, err := ParseKinds("drift, stale")
	if err != nil || !kinds[KindDrift] || !kinds[KindStale] || len(kinds) != 2 {
		t.Errorf("ParseKinds = %v, %v", kinds, err)
	}
	if _, err := ParseKinds("drift,typo"); err == nil {
		t.Error("an unknown kind was accepted")
	}
}

// TestStringIsOneLine: a file name or message carrying a newline, a
// carriage return or a terminal escape prints as one line with the
// characters escaped; GitHub Actions cannot read a command out of it.
func TestStringIsOneLine(t *testing.T) {
	d := Warnf(KindInput, "x\n::error file=evil.md,line=1::PWNED\n.md", 3, 1, "broken link '\r\x1b[31mred\u2028'")
	got := d.String()
	want := `x\n::error file=evil.md,line=1::PWNED\n.md:3:1: warning: broken link '\r\x1b[31mred\u2028'`
	if got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if strings.ContainsAny(got, "\n\r\x1b") {
		t.Error("a control character got through")
	}
	plain := Errorf("content/ünïcode page.md", 1, 2, "tab\there")
	if got := plain.String(); got != `content/ünïcode page.md:1:2: error: tab\there` {
		t.Errorf("String() = %q", got)
	}
}

// TestFrom: files are named from the working directory for a site root
// given as docs; a diagnostic without a file, or with an absolute one,
// keeps it, and the list given is not changed.
func TestFrom(t *testing.T) {
	l := List{Errorf("content/a.md", 1, 0, "x"), Errorf("", 0, 0, "y"), Errorf("/abs/b.md", 2, 0, "z")}
	got := l.From("docs/")
	want := []string{"docs/content/a.md", "", "/abs/b.md"}
	for i, d := range got {
		if d.File != want[i] {
			t.Errorf("From(docs/)[%d].File = %q, want %q", i, d.File, want[i])
		}
	}
	if l[0].File != "content/a.md" {
		t.Errorf("From changed the list it was given: %q", l[0].File)
	}
	if same := l.From("."); &same[0] != &l[0] {
		t.Errorf("From(.) copied the list")
	}
}
