package manifest

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The manifest is read on every build and written twice by every commit
// that changes something (journal, then the final list): at a hundred
// thousand files, encoding/json's reflection was most of a small rebuild.
// Its canonical form, which encode writes, is read and written here by
// hand; whatever else is valid JSON (a manifest edited by hand) is read by
// encoding/json. A string JSON would escape is left to encoding/json in
// both directions, so there is one canonical form.
const (
	canonicalHead  = `{"generator":"milepost","version":%d,"files":[`
	canonicalTail  = "\n]}\n"
	canonicalEntry = `{"path":"","size":,"sha256":""}`
)

// appendEntry appends e as one line of the canonical manifest.
func appendEntry(buf []byte, e Entry) []byte {
	if !verbatimJSON(e.Path) {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(e) // a struct of strings and an int cannot fail
		return append(buf, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
	}
	buf = append(buf, `{"path":"`...)
	buf = append(buf, e.Path...)
	buf = append(buf, `","size":`...)
	buf = strconv.AppendInt(buf, e.Size, 10)
	buf = append(buf, `,"sha256":"`...)
	buf = e.Sum.AppendHex(buf)
	return append(buf, `"}`...)
}

// verbatimJSON reports whether s stands in a JSON string as it is, the way
// encoding/json writes it without HTML escaping: valid UTF-8 with no
// quote, backslash, control character, U+2028 or U+2029.
func verbatimJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			return false
		}
	}
	return utf8.ValidString(s) && !strings.ContainsRune(s, '\u2028') && !strings.ContainsRune(s, '\u2029')
}

// parseCanonical reads a manifest in the exact form encode writes; ok is
// false for anything else, which the caller reads with encoding/json.
func parseCanonical(data []byte) (entries []Entry, ok bool) {
	head := strings.Replace(canonicalHead, "%d", strconv.Itoa(Version), 1)
	rest, ok := bytes.CutPrefix(data, []byte(head))
	if !ok {
		return nil, false
	}
	if rest, ok = bytes.CutSuffix(rest, []byte(canonicalTail)); !ok {
		return nil, false
	}
	entries = make([]Entry, 0, bytes.Count(rest, []byte("\n")))
	for len(rest) > 0 {
		// rest is "\n" entry, then ",\n" entry for each further one.
		if rest[0] != '\n' {
			return nil, false
		}
		line := rest[1:]
		rest = nil
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, rest = line[:i], line[i:]
			if line, ok = bytes.CutSuffix(line, []byte(",")); !ok {
				return nil, false
			}
		}
		e, ok := parseEntry(line)
		if !ok {
			return nil, false
		}
		entries = append(entries, e)
	}
	return entries, true
}

// parseEntry reads one line appendEntry wrote without encoding/json.
func parseEntry(line []byte) (e Entry, ok bool) {
	path, line, ok := cutField(line, `{"path":"`, `","size":`)
	size, line, ok2 := cutField(line, `","size":`, `,"sha256":"`)
	sum, line, ok3 := cutField(line, `,"sha256":"`, `"}`)
	if !ok || !ok2 || !ok3 || string(line) != `"}` {
		return e, false
	}
	if e.Path = string(path); !verbatimJSON(e.Path) {
		return e, false
	}
	if e.Sum, ok = ParseDigest(sum); !ok {
		return e, false
	}
	n, err := strconv.ParseInt(string(size), 10, 64)
	if err != nil || strconv.FormatInt(n, 10) != string(size) {
		return e, false
	}
	e.Size = n
	return e, true
}

// cutField cuts prefix off line and returns what comes before end, and
// the rest from end on.
func cutField(line []byte, prefix, end string) (value, rest []byte, ok bool) {
	line, ok = bytes.CutPrefix(line, []byte(prefix))
	if !ok {
		return nil, line, false
	}
	i := bytes.Index(line, []byte(end))
	if i < 0 {
		return nil, line, false
	}
	return line[:i], line[i:], true
}
