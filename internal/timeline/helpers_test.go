package timeline

// What the tests ask of boxes and days, and the build does not.

func (b box) overlaps(c box) bool { return b.x0 < c.x1 && c.x0 < b.x1 && b.y0 < c.y1 && c.y0 < b.y1 }
func (b box) inside(c box) bool   { return b.x0 >= c.x0 && b.x1 <= c.x1 && b.y0 >= c.y0 && b.y1 <= c.y1 }

func (d day) String() string { return d.time().Format(dateLayout) }
