// Package sseclient reads a Server-Sent Events stream, as the tests of the
// dev server and the reload benchmark see `milepost serve`'s
// /_milepost/events.
//
// In: an HTTP client and the stream's URL. Out: the events one by one,
// comments (heartbeats) and retry lines skipped. Must not: be imported by
// the product; it is for tests and benchmarks.
package sseclient

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Event is one event: its name ("hello", "reload", "css", "error") and
// its data, lines joined with "\n".
type Event struct {
	Name string
	Data string
}

// Stream is an open event stream.
type Stream struct {
	body io.ReadCloser
	r    *bufio.Reader
}

// Open connects to the event stream at url. The stream ends when ctx is
// done.
func Open(ctx context.Context, client *http.Client, url string) (*Stream, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("event stream: %s", resp.Status)
	}
	return &Stream{body: resp.Body, r: bufio.NewReader(resp.Body)}, nil
}

// Next returns the next event.
func (s *Stream) Next() (Event, error) {
	var ev Event
	var data []string
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			return Event{}, err
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case line == "":
			if ev.Name != "" || data != nil {
				ev.Data = strings.Join(data, "\n")
				return ev, nil
			}
		case strings.HasPrefix(line, ":"):
			// comment: heartbeat
		case strings.HasPrefix(line, "event:"):
			ev.Name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " "))
		}
	}
}

// Pump sends every event to a channel until the stream or ctx ends; the
// channel is closed then, and the stream with it.
func (s *Stream) Pump(ctx context.Context) <-chan Event {
	ch := make(chan Event, 64)
	go func() {
		defer close(ch)
		defer s.body.Close()
		for {
			ev, err := s.Next()
			if err != nil {
				return
			}
			select {
			case ch <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}
