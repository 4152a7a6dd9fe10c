package benchcorpus

// The fixed vocabulary every page is written from. Words are lower case so
// that no prose word reads as an ALL-CAPS status word; markers are written
// on purpose by the page generators, never by chance.

var words = []string{
	"account", "adapter", "agent", "alert", "api", "archive", "audit", "backend",
	"backup", "badge", "batch", "bearer", "billing", "binary", "blob", "branch",
	"bridge", "broker", "budget", "buffer", "build", "bundle", "cache", "callback",
	"canary", "catalog", "certificate", "channel", "checksum", "client", "cluster",
	"column", "comment", "commit", "community", "config", "consent", "consumer",
	"container", "context", "cookie", "cron", "cursor", "dashboard", "database",
	"deadline", "default", "deploy", "digest", "disk", "domain", "draft", "driver",
	"dropdown", "editor", "email", "endpoint", "engine", "event", "export", "feed",
	"field", "filter", "firehose", "flag", "folder", "footer", "form", "gateway",
	"handle", "handler", "header", "health", "helper", "history", "hook", "host",
	"image", "import", "index", "ingest", "instance", "invite", "job", "journal",
	"kernel", "key", "label", "latency", "layer", "layout", "ledger", "limit",
	"listener", "loader", "lock", "log", "login", "mailbox", "manifest", "marker",
	"memory", "merge", "message", "metric", "migration", "mirror", "module",
	"monitor", "mount", "network", "node", "notice", "object", "operator", "option",
	"owner", "package", "page", "panel", "parser", "partition", "patch", "payload",
	"peer", "permission", "pipeline", "plugin", "policy", "pool", "port", "post",
	"preview", "probe", "profile", "project", "prompt", "proxy", "query", "queue",
	"quota", "record", "redirect", "region", "registry", "release", "replica",
	"report", "request", "resolver", "response", "retry", "review", "role", "route",
	"runner", "sandbox", "schema", "scope", "script", "search", "secret", "sender",
	"server", "service", "session", "shard", "signal", "snapshot", "socket", "source",
	"storage", "stream", "subscriber", "summary", "sweep", "switch", "sync", "table",
	"target", "task", "template", "tenant", "thread", "ticket", "timeline", "timer",
	"token", "topic", "tracker", "trigger", "upload", "user", "validator", "vault",
	"version", "volume", "webhook", "widget", "window", "worker", "zone",
	"the", "the", "the", "a", "a", "and", "and", "to", "to", "of", "of", "in",
	"for", "with", "on", "when", "after", "before", "so", "that", "is", "are",
	"now", "still", "only", "every", "each", "both", "per", "without", "across",
	"moves", "keeps", "drops", "adds", "needs", "uses", "checks", "reads",
	"writes", "sends", "handles", "covers", "returns", "skips", "stays", "shows",
	"fails", "passes", "waits", "runs", "owns", "gets", "sets", "holds",
	"new", "old", "slow", "fast", "stale", "fresh", "shared", "local", "remote",
	"public", "private", "safe", "small", "large", "single", "daily", "weekly",
}

// verbs start acceptance criteria, task lines and checklist items.
var verbs = []string{
	"Add", "Allow", "Audit", "Backfill", "Benchmark", "Build", "Cache", "Check",
	"Clean up", "Configure", "Confirm", "Create", "Define", "Deploy", "Document",
	"Enable", "Enforce", "Expose", "Extend", "Fix", "Harden", "Implement",
	"Index", "Instrument", "Load test", "Measure", "Migrate", "Move", "Pin",
	"Profile", "Publish", "Refactor", "Remove", "Rename", "Replace", "Retry",
	"Rotate", "Run", "Set up", "Split", "Test", "Track", "Update", "Upgrade",
	"Validate", "Verify", "Wire up", "Write",
}

// topics name features, components and tasks in headings and table rows.
var topics = []string{
	"OAuth token refresh", "Per-tenant databases", "Permissions panel",
	"Semantic search backend", "Rate limiting", "Security headers",
	"Login page UX", "Landing page copy", "Disk usage cap", "Log rotation",
	"Post-deploy smoke test", "Backup verification", "Monitoring dashboard",
	"Structured logging", "Load testing", "Deployment runbook", "Blob upload",
	"Timeline feed", "Comment threading", "Vote counts", "Webhook relay",
	"Git smart HTTP", "Git auth", "WAF setup", "Landing page and docs",
	"Account deletion", "Wiki import", "Attachment size limits", "SEO metadata",
	"Email digest", "Quiet hours", "Audit log export", "Admin surface",
	"Session cookies", "Signing key backup", "Index rebuild", "Cache warmup",
	"Search ranking", "Feed pagination", "Handle resolution", "DNS cutover",
	"TLS certificates", "Reverse proxy", "Health endpoint", "Startup probe",
	"Helm chart", "Container image", "Secret rotation", "Schema migrations",
	"Queue consumer", "Retry backoff", "Circuit breaker", "Metrics endpoint",
	"Alert routing", "On-call handbook", "Status page", "Billing export",
	"Invoice emails", "Usage quotas", "Plan upgrades", "Team invites",
	"Role dropdown", "Bearer tokens", "API versioning", "CLI installer",
	"Offline mode", "Mobile layout", "Dark theme", "Keyboard shortcuts",
	"Accessibility pass", "Translations", "Image thumbnails", "Upload limits",
	"Spam filter", "Moderation queue", "Report abuse flow", "Data retention",
	"GDPR export", "Consent screen", "Cookie banner", "Error pages",
}

// sectionNames are the H2 headings pages are built from, per kind. Links of
// the form [[Page#Heading]] point at these.
var (
	milestoneSections = []string{"Completed", "Blocking", "UX issues", "Safety",
		"Not blocking but important", "Post-launch", "Infrastructure", "Follow-ups"}
	taskSections = []string{"How to read this document", "Scope", "Tasks",
		"Open questions", "Hand-off"}
	prdSections = []string{"Overview", "P0: Critical Blockers", "P1: Important",
		"P2: Nice to Have", "Testing Gaps", "Timeline Estimate", "Success Criteria",
		"Go/No-Go Decision Points", "Risk Assessment", "Next Steps"}
	trackerSections = []string{"Implementation", "Code Review Fixes",
		"Pre-Deployment (Requires Human)", "Rollout", "Known Considerations"}
	runbookSections = []string{"0. Prerequisites", "1. First-time bring-up",
		"2. Day-2 operations", "3. Rollback", "4. Troubleshooting"}
	noteSections = []string{"Context", "Proposal", "Decision", "Alternatives",
		"Links"}
)

var (
	areas    = []string{"platform", "billing", "search", "mobile", "infra", "growth", "data", "security", "docs", "support"}
	teams    = []string{"core", "edge", "payments", "équipe données", "ops", "web", "api", "qa"}
	services = []string{"gateway", "indexer", "mailer", "scheduler", "resolver", "auth", "billing", "storage", "search", "feeds"}
	// nonASCII words appear in some file and folder names.
	nonASCII = []string{"café", "Überprüfung", "résumé", "naïve", "façade", "smörgåsbord", "東京", "данные", "équipe", "Zürich"}
	people   = []string{"Eddie", "Tabitha", "Infra", "CI/CD", "Ops", "Priya", "Jonas", "Mei", "Owner", "Platform team"}
	shells   = []string{"sudo systemctl restart", "sudo journalctl -u", "sudo -u app git -C /opt/app pull", "curl -fsS https://status.example.org/healthz", "sqlite3 /srv/data/app.db .backup", "rsync -a dist/", "kubectl rollout status deploy/", "openssl rand -hex 32"}
)

// Markers, spelled as people write them in status documents.
var (
	doneWords    = []string{"FIXED", "DONE", "DEPLOYED", "MERGED", "COMPLETE", "RESOLVED", "SHIPPED"}
	activeWords  = []string{"IN PROGRESS", "WIP", "IN REVIEW"}
	blockedWords = []string{"BLOCKED", "ON HOLD"}
	openWords    = []string{"TODO", "NOT STARTED", "PLANNED", "PENDING"}
	droppedWords = []string{"CANCELLED", "WONTFIX", "DROPPED"}
	// table status cells
	doneCells    = []string{"✅ Done", "✅ Fixed", "✅ Deployed", "**COMPLETE**", "Done", ":white_check_mark: Done"}
	activeCells  = []string{"🟡 In Progress", "🟡 Needs testing", "🚧 WIP", ":construction: WIP"}
	blockedCells = []string{"🔴 Blocked", "⛔ On hold"}
	openCells    = []string{"⬜ Not Started", "⬜ Not Started", "🔴", "Planned", "TODO", ":x: Not started"}
)
