package devserver

import (
	"io"
	"time"
)

// Options configure a Server. The zero value of each field means its default.
type Options struct {
	// Root is the site root on disk. Watch paths are resolved against it,
	// changed paths are reported relative to it and diagnostics' files are
	// read from it for the overlay. Default ".".
	Root string
	// Watch lists the files and folders to watch, relative to Root or
	// absolute: typically the content folder, templates/, static/ and
	// milepost.yaml. Folders are watched recursively. An entry that does not
	// exist yet is watched for: when it appears, it is added and its files
	// are reported as changed; when it disappears, it is watched for again.
	// Default: the whole Root.
	Watch []string
	// Bind is the address to listen on. Default "127.0.0.1". Anything but a
	// loopback address prints a warning.
	Bind string
	// AllowHosts lists more names the server answers to (a tunnel, a name
	// in /etc/hosts). Requests naming any other host than these, the
	// loopback names and the bind address are refused (see hosts.go).
	AllowHosts []string
	// Port is the first port to try; when it is busy the next ones are
	// tried. Default (0) is 1313; a negative port lets the system choose a
	// free one (tests, benchmarks).
	Port int
	// Poll, when positive, scans the watched files at this interval
	// (modification time and size) instead of using fsnotify.
	Poll time.Duration
	// Quiet is the batching window: a build starts once no event arrived
	// for this long. Default 20 ms.
	Quiet time.Duration
	// Log receives the terminal lines. Default io.Discard.
	Log io.Writer
}

const (
	defaultBind  = "127.0.0.1"
	defaultPort  = 1313
	defaultQuiet = 20 * time.Millisecond
	// fallbackPoll is the polling interval used when fsnotify cannot start.
	fallbackPoll = 500 * time.Millisecond
	// maxBatchDelay caps how long a steady stream of events (a git checkout,
	// a big copy) can hold a build back.
	maxBatchDelay = 20 * defaultQuiet
	// portAttempts is how many ports are tried from Port upwards.
	portAttempts = 50
)

func (o Options) withDefaults() Options {
	if o.Root == "" {
		o.Root = "."
	}
	if len(o.Watch) == 0 {
		o.Watch = []string{"."}
	}
	if o.Bind == "" {
		o.Bind = defaultBind
	}
	if o.Port == 0 {
		o.Port = defaultPort
	}
	if o.Quiet <= 0 {
		o.Quiet = defaultQuiet
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	return o
}
