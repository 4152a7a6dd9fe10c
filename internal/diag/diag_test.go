package diag

import (
	"strings"
	"testing"
)

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
