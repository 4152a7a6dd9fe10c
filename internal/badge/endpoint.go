package badge

import (
	"bytes"
	"encoding/json"
)

// endpointJSON is the shields endpoint schema, reduced to the keys a
// milepost badge uses. shields rejects keys outside its schema, so nothing
// else may be added here.
type endpointJSON struct {
	SchemaVersion int    `json:"schemaVersion"`
	Label         string `json:"label"`
	Message       string `json:"message"`
	Color         string `json:"color"`
}

// Endpoint is the badge as shields.io endpoint JSON
// (https://shields.io/badges/endpoint-badge), so that a user can draw it
// with shields' own styles: {"schemaVersion":1,"label":…,"message":…,
// "color":…} and a newline. Label and message are trimmed as in SVG; the
// label is not shortened (pass it through ShortenLabel first to match a
// shortened SVG). The colour is the normalised name or "#hex", so shields
// draws names in its current palette; colours SVG would not understand
// are sent as "brightgreen", the colour SVG draws them in. The schema
// requires a non-empty message: callers must provide one.
func Endpoint(b Badge) []byte {
	color, ok := normalizeColor(b.Color)
	if !ok {
		color = "brightgreen"
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Encoding a struct of strings and an int cannot fail.
	_ = enc.Encode(endpointJSON{
		SchemaVersion: 1,
		Label:         cleanText(b.Label),
		Message:       cleanText(b.Message),
		Color:         color,
	})
	return buf.Bytes()
}
