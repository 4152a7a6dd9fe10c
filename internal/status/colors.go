package status

import "github.com/milepost/milepost/internal/config"

// Color returns the shields colour name for counts c on the scale t (the
// lower bounds, in percent done, of config "thresholds"; bars and badges
// share it): "brightgreen" at 100%, "green", "yellowgreen", "yellow",
// "orange", "red", or "lightgrey" when there is nothing to count.
func Color(c Counts, t config.Thresholds) string {
	p, ok := c.Percent()
	switch {
	case !ok:
		return "lightgrey"
	case p >= 100:
		return "brightgreen"
	case p >= t.Green:
		return "green"
	case p >= t.YellowGreen:
		return "yellowgreen"
	case p >= t.Yellow:
		return "yellow"
	case p >= t.Orange:
		return "orange"
	}
	return "red"
}
