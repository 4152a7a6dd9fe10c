package buildcache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// EnvDir names the environment variable that moves every site's cache.
const EnvDir = "MILEPOST_CACHE_DIR"

// Folder is the cache folder of the site at siteRoot: a folder under base
// named by a hash of siteRoot's absolute path, so that one base holds the
// caches of many sites and nothing is written into a site, as Go's build
// cache keeps its own outside the module. An empty base is $EnvDir, or
// when that is empty too the user's cache directory's milepost/
// (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux,
// ~/Library/Caches on macOS, %LocalAppData% on Windows).
func Folder(base, siteRoot string) (string, error) {
	if base == "" {
		base = os.Getenv(EnvDir)
	}
	if base == "" {
		user, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("no cache directory (%v): set "+EnvDir+" or --cache-dir", err)
		}
		base = filepath.Join(user, "milepost")
	}
	abs, err := filepath.Abs(siteRoot)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, hex.EncodeToString(sum[:16])), nil
}
