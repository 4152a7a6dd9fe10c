package history

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// Defaults of the outlook.
const (
	DefaultWeeks = 6  // velocity is read over the last 6 weeks
	MinDays      = 14 // a forecast needs at least 14 days of history in the window
	MinDone      = 5  // and at least 5 items done in it
)

// Progress is what an outlook is made from, for a page, a folder or the
// site.
type Progress struct {
	DoneDates []string  // the done dates of the items done now (ItemHistory.Done)
	Open      int       // items neither done nor dropped now
	Start     time.Time // the first version of any of its files
}

// Add returns the progress of p and q together (a folder of two pages).
// Like append, it may add q's done dates to p's list in place: use the
// result instead of p (progress = progress.Add(page)), which keeps a sum
// over a site's pages linear in their done dates.
func (p Progress) Add(q Progress) Progress {
	start := p.Start
	if start.IsZero() || (!q.Start.IsZero() && q.Start.Before(start)) {
		start = q.Start
	}
	dates := p.DoneDates
	if dates == nil {
		dates = make([]string, 0, len(q.DoneDates)) // never q's own list
	}
	return Progress{
		DoneDates: append(dates, q.DoneDates...),
		Open:      p.Open + q.Open,
		Start:     start,
	}
}

// Progress is the file's progress: its done dates, open items and start.
func (f *File) Progress() Progress {
	return Progress{DoneDates: f.DoneDates(), Open: f.Open(), Start: f.Start}
}

// Forecast is when the open items will be done at the pace of the window:
// Date at its average, Earliest at the pace of its faster weeks, Latest at
// that of its slower ones. Dates are YYYY-MM-DD.
type Forecast struct {
	Date     string `json:"date"`
	Earliest string `json:"earliest"`
	Latest   string `json:"latest"`
}

// Outlook is velocity and forecast.
type Outlook struct {
	// From and To are the window read (YYYY-MM-DD), both included: the
	// last weeks×7 days up to the build's day, or from the first version
	// when history is shorter; Days is its length in days.
	From, To string
	Days     int
	// DoneInWindow counts the items whose done date falls in the window,
	// Velocity is that per week.
	DoneInWindow int
	Velocity     float64
	// Forecast is nil when there is nothing to forecast or not enough
	// history; Reason then says why.
	Forecast *Forecast
	Reason   string
}

// Look reads velocity and forecast over the last weeks weeks up to now
// (weeks <= 0: DefaultWeeks). A forecast is made only with open items,
// at least MinDays days of history in the window and MinDone items done
// in it.
//
// The range: the window's full weeks, counted back from now, are sorted by
// how many items were done in each; Earliest is at the average pace of the
// faster half, Latest at that of the slower half, but never slower than
// half the window's average pace (a run of idle weeks would otherwise
// push it to infinity).
func Look(p Progress, now time.Time, weeks int) Outlook {
	if weeks <= 0 {
		weeks = DefaultWeeks
	}
	today := dayStart(now)
	from := today.AddDate(0, 0, 1-7*weeks)
	if s := dayStart(p.Start); !p.Start.IsZero() && s.After(from) {
		from = s
	}
	o := Outlook{From: Day(from), To: Day(today)}
	if !p.Start.IsZero() && !from.After(today) {
		o.Days = days(from, today) + 1
	}
	fullWeeks := o.Days / 7
	perWeek := make([]int, fullWeeks) // perWeek[k]: done 7k to 7k+6 days before today
	for _, d := range p.DoneDates {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil || t.Before(from) || t.After(today) {
			continue
		}
		o.DoneInWindow++
		if k := days(t, today) / 7; k < fullWeeks {
			perWeek[k]++
		}
	}
	if o.Days > 0 {
		o.Velocity = float64(o.DoneInWindow) * 7 / float64(o.Days)
	}
	switch {
	case p.Open == 0:
		o.Reason = "nothing open to forecast"
	case o.Days < MinDays:
		o.Reason = fmt.Sprintf("not enough history to forecast: %s in the window, %d needed", plural(o.Days, "day"), MinDays)
	case o.DoneInWindow < MinDone:
		o.Reason = fmt.Sprintf("not enough history to forecast: %s done in the last %s, %d needed", plural(o.DoneInWindow, "item"), plural(weeks, "week"), MinDone)
	default:
		sort.Sort(sort.Reverse(sort.IntSlice(perWeek)))
		half := (fullWeeks + 1) / 2
		fast, slow := mean(perWeek[:half]), mean(perWeek[fullWeeks-half:])
		fast = math.Max(fast, o.Velocity)
		slow = math.Max(math.Min(slow, o.Velocity), o.Velocity/2)
		o.Forecast = &Forecast{
			Date:     Day(finish(today, p.Open, o.Velocity)),
			Earliest: Day(finish(today, p.Open, fast)),
			Latest:   Day(finish(today, p.Open, slow)),
		}
	}
	return o
}

// finish is the day open items are done at perWeek items a week.
func finish(today time.Time, open int, perWeek float64) time.Time {
	return today.AddDate(0, 0, int(math.Ceil(float64(open)*7/perWeek)))
}

func mean(n []int) float64 {
	if len(n) == 0 {
		return 0
	}
	sum := 0
	for _, v := range n {
		sum += v
	}
	return float64(sum) / float64(len(n))
}

// dayStart is midnight UTC of t's day.
func dayStart(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// days is the number of days from a to b, both midnights.
func days(a, b time.Time) int { return int(b.Sub(a).Hours()+0.5) / 24 }

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Sum adds series (of the pages of a folder, or of the site): on each
// day any of them has a point, the sum of each one's last point up to
// that day.
func Sum(series ...[]Point) []Point {
	dates := map[string]bool{}
	for _, s := range series {
		for _, p := range s {
			dates[p.Date] = true
		}
	}
	order := make([]string, 0, len(dates))
	for d := range dates {
		order = append(order, d)
	}
	sort.Strings(order)
	out := make([]Point, len(order))
	next := make([]int, len(series)) // per series, the index of its first point after the day
	for i, d := range order {
		out[i].Date = d
		for s, ps := range series {
			for next[s] < len(ps) && ps[next[s]].Date <= d {
				next[s]++
			}
			if next[s] > 0 {
				out[i].Done += ps[next[s]-1].Done
				out[i].Total += ps[next[s]-1].Total
			}
		}
	}
	return out
}
