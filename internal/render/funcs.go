package render

import (
	"html/template"
	"strings"
)

// funcs are the helpers every template may call.
var funcs = template.FuncMap{
	"lower": strings.ToLower,
	"title": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
	"add": func(a, b int) int { return a + b },
	"pct": func(n, total int) int {
		if total == 0 {
			return 0
		}
		return 100 * n / total
	},
	"seq": func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		return s
	},
}
