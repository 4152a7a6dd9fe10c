package badge

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// shape is what a badge draws, read back from its SVG: the numbers the
// reference data records for badge-maker's badges.
type shape struct {
	Namespace string // of the root element
	Width     float64
	Height    float64
	AriaLabel string
	Title     string
	Rects     []refRect // backgrounds: rects with a colour fill
	Texts     []refText // visible texts: not the shadow copies
}

type refRect struct {
	X     float64 `json:"x"`
	Width float64 `json:"width"`
	Fill  string  `json:"fill"`
}

type refText struct {
	X          float64 `json:"x"`
	Y          float64 `json:"y"`
	TextLength float64 `json:"textLength"`
	Fill       string  `json:"fill"`
	Content    string  `json:"content"`
}

// inspect parses svg strictly as XML and collects its shape.
func inspect(svg []byte) (shape, error) {
	var s shape
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	var open []xml.StartElement
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range t.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if len(open) == 0 {
				s.Namespace = t.Name.Space
				s.AriaLabel = attrs["aria-label"]
				s.Width, err = parseNum(attrs["width"])
				if err == nil {
					s.Height, err = parseNum(attrs["height"])
				}
				if err != nil {
					return s, err
				}
			}
			if t.Name.Local == "rect" && attrs["fill"] != "" && !strings.HasPrefix(attrs["fill"], "url(") {
				r := refRect{Fill: attrs["fill"]}
				if r.X, err = parseNum(attrs["x"]); err == nil {
					r.Width, err = parseNum(attrs["width"])
				}
				if err != nil {
					return s, err
				}
				s.Rects = append(s.Rects, r)
			}
			open = append(open, t)
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			start := open[len(open)-1]
			open = open[:len(open)-1]
			switch start.Name.Local {
			case "title":
				s.Title = text.String()
			case "text":
				attrs := map[string]string{}
				for _, a := range start.Attr {
					attrs[a.Name.Local] = a.Value
				}
				if attrs["fill-opacity"] != "" {
					continue
				}
				rt := refText{Fill: attrs["fill"], Content: text.String()}
				for _, f := range []struct {
					dst  *float64
					name string
				}{{&rt.X, "x"}, {&rt.Y, "y"}, {&rt.TextLength, "textLength"}} {
					if *f.dst, err = parseNum(attrs[f.name]); err != nil {
						return s, err
					}
				}
				s.Texts = append(s.Texts, rt)
			}
			text.Reset()
		}
	}
	return s, nil
}

// parseNum reads a number attribute; a missing one is 0, as in SVG.
func parseNum(v string) (float64, error) {
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, fmt.Errorf("number %q: %v", v, err)
	}
	return f, nil
}
