package badge

import (
	"bytes"
	"encoding/json"
	"testing"
)

// endpointSchemaKeys are all the keys shields' endpoint schema allows
// (https://shields.io/badges/endpoint-badge); anything else is rejected.
var endpointSchemaKeys = map[string]bool{
	"schemaVersion": true, "label": true, "message": true, "color": true,
	"labelColor": true, "isError": true, "namedLogo": true, "logoSvg": true,
	"logoColor": true, "logoSize": true, "logoWidth": true, "style": true,
	"cacheSeconds": true,
}

func TestEndpoint(t *testing.T) {
	tests := []struct {
		badge Badge
		want  string
	}{
		{Badge{"Pre-Launch Milestone", "85%", "green"}, `{"schemaVersion":1,"label":"Pre-Launch Milestone","message":"85%","color":"green"}`},
		{Badge{"Runbook", "n/a", "lightgrey"}, `{"schemaVersion":1,"label":"Runbook","message":"n/a","color":"lightgrey"}`},
		{Badge{"", "34/40", "#4C1"}, `{"schemaVersion":1,"label":"","message":"34/40","color":"#4c1"}`},
		{Badge{"R&D <beta>", `"quoted"`, "4c1"}, `{"schemaVersion":1,"label":"R\u0026D \u003cbeta\u003e","message":"\"quoted\"","color":"#4c1"}`},
		{Badge{"  padded ", " 5% ", "success"}, `{"schemaVersion":1,"label":"padded","message":"5%","color":"brightgreen"}`},
		{Badge{"x", "y", "gray"}, `{"schemaVersion":1,"label":"x","message":"y","color":"grey"}`},
		{Badge{"x", "y", "steelblue"}, `{"schemaVersion":1,"label":"x","message":"y","color":"steelblue"}`},
		{Badge{"x", "y", "no such colour"}, `{"schemaVersion":1,"label":"x","message":"y","color":"brightgreen"}`},
	}
	for _, tt := range tests {
		got := Endpoint(tt.badge)
		if string(got) != tt.want+"\n" {
			t.Errorf("Endpoint(%+v) = %s, want %s", tt.badge, got, tt.want)
		}
		checkEndpointSchema(t, got)
	}
}

// checkEndpointSchema validates JSON against shields' endpoint schema:
// only schema keys, schemaVersion 1, label and message strings, a
// non-empty message, a colour shields understands.
func checkEndpointSchema(t *testing.T, data []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	for key := range doc {
		if !endpointSchemaKeys[key] {
			t.Errorf("%s: key %q is not in the endpoint schema", data, key)
		}
	}
	if v, ok := doc["schemaVersion"].(json.Number); !ok || v.String() != "1" {
		t.Errorf("%s: schemaVersion must be the number 1", data)
	}
	if _, ok := doc["label"].(string); !ok {
		t.Errorf("%s: label must be a string", data)
	}
	if m, ok := doc["message"].(string); !ok || m == "" {
		t.Errorf("%s: message must be a non-empty string", data)
	}
	if c, ok := doc["color"].(string); !ok || !validColor(c) {
		t.Errorf("%s: color must be a colour shields knows", data)
	}
}
