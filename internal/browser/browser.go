// Package browser asks the desktop to open a URL in the default browser
// (milepost serve --open).
//
// In: a URL. Out: the platform's opener started (open, xdg-open, or
// url.dll on Windows), or the reason it could not be.
// It must not wait for the browser, nor fail the command that asked.
package browser

import (
	"os/exec"
	"runtime"
)

// Open starts the desktop's opener for url and returns without waiting
// for it.
func Open(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
