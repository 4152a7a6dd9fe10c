package devserver

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// eventStream reads the server's own event stream, as the benchmark and the
// tests see it: events one by one, comments and retry lines skipped.
type eventStream struct {
	body io.ReadCloser
	r    *bufio.Reader
}

// openEvents connects to the event stream of the server at siteURL (ending
// in "/"). The stream ends when ctx is done.
func openEvents(ctx context.Context, client *http.Client, siteURL string) (*eventStream, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, siteURL+strings.TrimPrefix(eventsPath, "/"), nil)
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
	return &eventStream{body: resp.Body, r: bufio.NewReader(resp.Body)}, nil
}

// next returns the next event.
func (es *eventStream) next() (event, error) {
	var ev event
	var data []string
	for {
		line, err := es.r.ReadString('\n')
		if err != nil {
			return event{}, err
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case line == "":
			if ev.name != "" || data != nil {
				ev.data = strings.Join(data, "\n")
				return ev, nil
			}
		case strings.HasPrefix(line, ":"):
			// comment: heartbeat
		case strings.HasPrefix(line, "event:"):
			ev.name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " "))
		}
	}
}

// pump sends every event to a channel until the stream or ctx ends; the
// channel is closed then.
func (es *eventStream) pump(ctx context.Context) <-chan event {
	ch := make(chan event, 64)
	go func() {
		defer close(ch)
		defer es.body.Close()
		for {
			ev, err := es.next()
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
