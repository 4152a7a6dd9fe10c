package history

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/marker"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ship the login page", "ship the login page"},
		{"Ship the login page ✅ DONE (2026-03-15)", "ship the login page"},
		{"MCP wiki routing (bug) ✅ FIXED (2026-03-15)", "mcp wiki routing bug"},
		{"Rotate keys 📅 2026-03-01 @dana", "rotate keys"},
		{"Ship the login page ✅ DONE (2026-03-15) @dana", "ship the login page"},
		{"Ship the login page 📅 2026-03-01", "ship the login page"},
		{"Ship the login page 🚧", "ship the login page"},
		{"Rotate keys [due:: 2026-03-15] ⏫", "rotate keys"},
		{"Deploy ⛔ abc,def", "deploy"},
		{"Release notes 2026-02-01", "release notes"},
		{"Polish: the UI — again!", "polish the ui again"},
		{"Überprüfung der Daten", "überprüfung der daten"},
		{"[2/5] Write docs", "write docs"},
		{"DONE", "done"}, // nothing but a marker: kept, so it still matches itself
	} {
		if got := Normalize(c.in, marker.Default()); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		name     string
		old, new []string
		want     []int
	}{
		{"same", []string{"a b", "c d"}, []string{"a b", "c d"}, []int{0, 1}},
		{"moved", []string{"a b", "c d"}, []string{"c d", "a b"}, []int{1, 0}},
		{"repeats pair in order", []string{"write tests", "x", "write tests"}, []string{"write tests", "write tests"}, []int{0, 2}},
		{"added", []string{"a b"}, []string{"a b", "new one"}, []int{0, -1}},
		{"reworded", []string{"ship the login page"}, []string{"ship the new login page"}, []int{0}},
		{"rewritten is new", []string{"fix bug"}, []string{"fix crash"}, []int{-1}},
		{"most alike first", []string{"polish the flow for users", "polish the flow"},
			[]string{"polish the flow for new users"}, []int{0}},
	} {
		if got := match(c.old, c.new); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: match(%q, %q) = %v, want %v", c.name, c.old, c.new, got, c.want)
		}
	}
}

// TestMatchLargeRewrite: a rewrite of thousands of items stays fast and
// still pairs rewordings near their place.
func TestMatchLargeRewrite(t *testing.T) {
	var old, new []string
	for i := 0; i < 3000; i++ {
		w := strings.Repeat("w", 1+i%7) + " " + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		old = append(old, w+" task of the plan")
		new = append(new, w+" task of the new plan")
	}
	start := time.Now()
	at := match(old, new)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("match of 3000 reworded items took %v", d)
	}
	for j, i := range at {
		if i != j {
			t.Fatalf("item %d paired with %d", j, i)
		}
	}
}

// items reads "[x] text", "[ ] text", "[/] text", "[-] text" lines:
// enough of a status model to drive Read in these tests.
func items(data []byte) []Item {
	var out []Item
	for _, line := range strings.Split(string(data), "\n") {
		if len(line) < 4 {
			continue
		}
		st := map[string]marker.State{"[x]": marker.Done, "[ ]": marker.Open, "[/]": marker.Active, "[-]": marker.Dropped}[line[:3]]
		text := strings.TrimSpace(line[3:])
		date := ""
		if st == marker.Done {
			date, _ = marker.FirstDate(text)
		}
		out = append(out, Item{Text: text, State: st, Date: date})
	}
	return out
}

func at(day string) time.Time {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic(err)
	}
	return t.Add(12 * time.Hour)
}

func TestReadSameBlobReadOnce(t *testing.T) {
	calls := 0
	count := func(data []byte) []Item { calls++; return items(data) }
	v := []Version{
		{Commit: "1", Time: at("2026-02-01"), Blob: "b1", Data: []byte("[ ] a\n")},
		{Commit: "2", Time: at("2026-02-02"), Blob: "b2", Data: []byte("[x] a\n")},
		{Commit: "3", Time: at("2026-02-03"), Blob: "b1", Data: []byte("[ ] a\n")},
	}
	f := Read(v, count, Options{Now: at("2026-02-10")})
	if calls != 2 {
		t.Errorf("items read %d times for 2 blobs", calls)
	}
	if got := f.Items[0]; got.Done != "" || got.State != marker.Open {
		t.Errorf("reverted item: %+v", got)
	}
}

func TestReadUncommittedSameAsLast(t *testing.T) {
	v := []Version{{Commit: "1", Time: at("2026-02-01"), Data: []byte("[x] a\n")}}
	f := Read(v, items, Options{Now: at("2026-02-10"), Uncommitted: []byte("[x] a\n")})
	if len(f.Series) != 1 || f.Items[0].Done != "2026-02-01" || f.Items[0].DoneCommit != "1" {
		t.Errorf("work tree equal to the last commit made a version: %+v %+v", f.Series, f.Items)
	}
}

func TestReadNothing(t *testing.T) {
	f := Read(nil, items, Options{Now: at("2026-02-10")})
	if len(f.Items)+len(f.Series)+len(f.Events) != 0 || !f.Start.IsZero() {
		t.Errorf("no versions: %+v", f)
	}
}

func TestSum(t *testing.T) {
	a := []Point{{"2026-01-01", 0, 2}, {"2026-01-03", 1, 2}}
	b := []Point{{"2026-01-02", 0, 3}, {"2026-01-03", 2, 3}, {"2026-01-05", 3, 4}}
	want := []Point{{"2026-01-01", 0, 2}, {"2026-01-02", 0, 5}, {"2026-01-03", 3, 5}, {"2026-01-05", 4, 6}}
	if got := Sum(a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("Sum = %v, want %v", got, want)
	}
	if got := Sum(); len(got) != 0 {
		t.Errorf("Sum of nothing = %v", got)
	}
}

func TestLook(t *testing.T) {
	now := at("2026-03-02")
	daily := func(from string, n int) []string { // n items done, one a day from from
		var out []string
		d := at(from)
		for i := 0; i < n; i++ {
			out = append(out, Day(d.AddDate(0, 0, i)))
		}
		return out
	}
	for _, c := range []struct {
		name  string
		p     Progress
		weeks int
		want  Outlook
	}{
		{"a steady pace", Progress{DoneDates: daily("2026-02-17", 14), Open: 7, Start: at("2026-01-01")}, 2,
			Outlook{From: "2026-02-17", To: "2026-03-02", Days: 14, DoneInWindow: 14, Velocity: 7,
				Forecast: &Forecast{Date: "2026-03-09", Earliest: "2026-03-09", Latest: "2026-03-09"}}},
		{"done dates before the window do not count", Progress{DoneDates: daily("2026-01-01", 10), Open: 3, Start: at("2025-12-01")}, 6,
			Outlook{From: "2026-01-20", To: "2026-03-02", Days: 42, Reason: "not enough history to forecast: 0 items done in the last 6 weeks, 5 needed"}},
		{"idle weeks bound the latest date", Progress{DoneDates: daily("2026-02-24", 6), Open: 6, Start: at("2026-01-01")}, 4,
			Outlook{From: "2026-02-03", To: "2026-03-02", Days: 28, DoneInWindow: 6, Velocity: 1.5,
				Forecast: &Forecast{Date: "2026-03-30", Earliest: "2026-03-16", Latest: "2026-04-27"}}},
		{"nothing open", Progress{DoneDates: daily("2026-02-17", 14), Start: at("2026-01-01")}, 2,
			Outlook{From: "2026-02-17", To: "2026-03-02", Days: 14, DoneInWindow: 14, Velocity: 7, Reason: "nothing open to forecast"}},
		{"no history", Progress{Open: 3}, 0,
			Outlook{From: "2026-01-20", To: "2026-03-02", Reason: "not enough history to forecast: 0 days in the window, 14 needed"}},
	} {
		if got := Look(c.p, now, c.weeks); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v %+v\nwant %+v %+v", c.name, got, got.Forecast, c.want, c.want.Forecast)
		}
	}
}

// TestMatchEqualTextsInOrder: rule 1 pairs each text's k-th copy in the
// new version with its k-th copy in the old, whatever the order and
// repeats: checked against the rule written out plainly, on many random
// pairs of versions with repeated texts.
func TestMatchEqualTextsInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "b", "c", "d"}
	list := func() []string {
		out := make([]string, rng.IntN(8))
		for i := range out {
			out[i] = words[rng.IntN(len(words))]
		}
		return out
	}
	for n := 0; n < 5000; n++ {
		old := list()
		new := append(append([]string(nil), old[:rng.IntN(len(old)+1)]...), list()...)
		want := make([]int, len(new))
		seen := map[string]int{} // copies of a text met so far in new
		for j, w := range new {
			want[j] = -1
			k := seen[w]
			seen[w]++
			for i, o := range old {
				if o == w {
					if k == 0 {
						want[j] = i
						break
					}
					k--
				}
			}
		}
		// One-word texts are alike only when equal: rule 2 adds nothing.
		if got := match(old, new); !reflect.DeepEqual(got, want) {
			t.Fatalf("match(%q, %q) = %v, want %v", old, new, got, want)
		}
	}
}

// TestWeek: weeks run Monday to Sunday, UTC, before 1970 too.
func TestWeek(t *testing.T) {
	monday := func(w int64) string { return Day(time.Unix((7*w-3)*secondsPerDay, 0)) }
	for _, c := range []struct{ at, want string }{
		{"2026-03-02T00:00:00Z", "2026-03-02"}, // a Monday
		{"2026-03-08T23:59:59Z", "2026-03-02"}, // its Sunday
		{"2026-03-09T00:00:00Z", "2026-03-09"},
		{"1970-01-01T12:00:00Z", "1969-12-29"},
		{"1969-12-28T23:00:00Z", "1969-12-22"},
		{"2026-03-04T23:30:00-02:00", "2026-03-02"}, // Thursday in UTC
	} {
		at, err := time.Parse(time.RFC3339, c.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := monday(week(at)); got != c.want {
			t.Errorf("week of %s starts %s, want %s", c.at, got, c.want)
		}
	}
}
