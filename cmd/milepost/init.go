package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/scaffold"
	"github.com/milepost/milepost/internal/sourcedate"
)

func runInit(args []string, stdout, stderr io.Writer) int {
	cmd := cli.New("init", "DIR", 1,
		"Writes a starter site into DIR, a new folder: a sample milestone, tracker and runbook,\n"+
			"a milepost.yaml and a .gitignore.",
		"milepost init mysite && milepost serve mysite")
	pos, code, ok := cmd.Parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "milepost init: name the new site's folder: milepost init DIR")
		return cli.ExitUsage
	}
	dir := pos[0]
	now, err := sourcedate.Now()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitUsage
	}
	files, err := scaffold.Write(dir, now.Format("2006-01-02"))
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitFail
	}
	for _, f := range files {
		fmt.Fprintln(stdout, "  created", f)
	}
	where := "in " + dir
	if filepath.Clean(dir) == "." {
		where = "in this folder"
	}
	fmt.Fprintf(stdout, "A new site %s. To see it as you edit:\n  milepost serve %s\n", where, shellWord(dir))
	return cli.ExitOK
}

// shellWord is path written so a POSIX shell reads it as one word, and
// not as a flag: as it is when it holds only letters, digits and
// "._-/+,:@", else in single quotes; "./" before a leading "-".
func shellWord(path string) string {
	if strings.HasPrefix(path, "-") {
		path = "./" + path // not a flag
	}
	if path != "" && !strings.ContainsFunc(path, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-/+,:@", r)
	}) {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}
