# milepost: `make build` builds the binary and the project's own status
# site into public/; `make test` runs the tests (under a minute when the
# machine is quiet); `make test-long` adds those that need minutes or
# gigabytes. `make help` lists all.

GO      ?= go
BIN     := bin/milepost
PKGS    := ./...

.PHONY: help build site serve test test-long bench fuzz lint clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

build: ## build bin/milepost and the project's own site into public/ (opens from disk)
	@echo "==> fetching Go modules (the first time only: about a minute)"
	$(GO) mod download -x 2>&1 | grep --line-buffered -E '^# get .*: 200 OK' | sed -u -E 's/^# get (.*): 200 OK.*/    got \1/' || true
	@echo "==> compiling $(BIN)"
	$(GO) build -o $(BIN) ./cmd/milepost
	@echo "==> building the project's own status site into public/"
	./$(BIN) build -s . -d public --file-links
	@echo ""
	@echo "To look at the site:"
	@echo "  make serve               serve it on http://127.0.0.1:1313/, reloading as content/ changes"
	@echo "  open public/index.html   straight from disk (built with --file-links: links name index.html)"

serve: ## serve the project's own site with live reload on http://127.0.0.1:1313/
	$(GO) build -o $(BIN) ./cmd/milepost
	./$(BIN) serve -s .

test: ## run the tests (browser checks run when their tools are installed)
	$(GO) vet $(PKGS)
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) test $(PKGS)
	$(GO) test -race ./internal/devserver/ ./internal/publish/ ./internal/site/
	bash scripts/browser-check.sh

test-long: ## run every test, with those that need minutes or gigabytes (MILEPOST_LONG=1)
	MILEPOST_LONG=1 $(GO) test -timeout 30m $(PKGS)

bench: ## build corpora of 1k and 10k pages and time milepost (and Hugo, when installed) on them
	bash bench/run.sh

fuzz: ## run each fuzz target for FUZZTIME (default 30s)
	bash scripts/fuzz.sh $${FUZZTIME:-30s}

lint: ## go vet and gofmt
	$(GO) vet $(PKGS)
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }

clean: ## remove build output
	rm -rf bin public bench/out
