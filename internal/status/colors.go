package status

// Thresholds are the lower bounds (percent done) of the colour scale bars
// and badges share (site config "thresholds"). 100% is always brightgreen
// and a page with nothing to count is lightgrey.
type Thresholds struct {
	Green       int `yaml:"green" json:"green"`
	YellowGreen int `yaml:"yellowgreen" json:"yellowgreen"`
	Yellow      int `yaml:"yellow" json:"yellow"`
	Orange      int `yaml:"orange" json:"orange"`
}

// DefaultThresholds is the spec's scale: ≥ 80 green, ≥ 60 yellowgreen,
// ≥ 40 yellow, ≥ 20 orange, below red.
func DefaultThresholds() Thresholds {
	return Thresholds{Green: 80, YellowGreen: 60, Yellow: 40, Orange: 20}
}

// Color returns the shields colour name for counts c: "brightgreen",
// "green", "yellowgreen", "yellow", "orange", "red", or "lightgrey" when
// there is nothing to count.
func Color(c Counts, t Thresholds) string {
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
