#!/usr/bin/env bash
# Same output: builds the seed documents and a benchmark corpus with the
# milepost of an earlier revision and with the working tree's, and compares
# the destinations byte for byte (diff -r). A refactoring must leave them
# identical.
#
#   bash bench/same-output.sh OLDREV [PAGES]      e.g. bash bench/same-output.sh main 1000
#
# PAGES is the corpus size (default 1000). The seed documents are read from
# ../shared/seeds/content (SEEDS overrides); without them only the corpus is
# compared. The corpus is written by OLDREV's generator, so both binaries
# read the same files. Every build runs with --no-cache and a fixed
# SOURCE_DATE_EPOCH, in these variants: minified, --no-minify, and with
# --base-url (sitemap, absolute feed links and badge snippets).
# Everything is written below a temporary folder that is removed at the end
# (KEEP=1 keeps it). Exit 0 when every variant is identical, 1 otherwise.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
OLD="${1:?usage: bash bench/same-output.sh OLDREV [PAGES]}"
PAGES="${2:-1000}"
SEEDS="${SEEDS:-../shared/seeds/content}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1767225600}" # 2026-01-01

WORK="$(mktemp -d "${TMPDIR:-/tmp}/milepost-same-XXXXXX")"
if [ "${KEEP:-}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; else echo "same-output: keeping $WORK" >&2; fi

oldrev="$(git rev-parse --verify "$OLD^{commit}")"
mkdir -p "$WORK/old-src" "$WORK/bin"
git archive "$oldrev" | tar -x -C "$WORK/old-src"
(cd "$WORK/old-src" && go build -o "$WORK/bin/old" ./cmd/milepost)
go build -o "$WORK/bin/new" ./cmd/milepost
gen=""
for d in cmd/benchcorpus bench/benchcorpus; do
	if [ -d "$WORK/old-src/$d" ]; then gen="./$d"; fi
done
[ -n "$gen" ] || { echo "same-output: $OLD has no benchcorpus command" >&2; exit 2; }
(cd "$WORK/old-src" && go build -o "$WORK/bin/benchcorpus" "$gen")

sites=()
if [ -d "$SEEDS" ]; then
	mkdir -p "$WORK/seeds"
	cp -R "$SEEDS" "$WORK/seeds/content"
	sites+=(seeds)
else
	echo "same-output: no seed documents at $SEEDS: comparing the corpus only" >&2
fi
"$WORK/bin/benchcorpus" -n "$PAGES" -o "$WORK/corpus" >/dev/null
sites+=(corpus)

status=0
for s in "${sites[@]}"; do
	for variant in minified plain base; do
		flags=(--no-cache -q)
		case $variant in
		plain) flags+=(--no-minify) ;;
		base) flags+=(--base-url https://example.org/status/) ;;
		esac
		for bin in old new; do
			# A build with errors still writes nothing; its exit code is
			# compared with the other binary's below.
			set +e
			"$WORK/bin/$bin" build -s "$WORK/$s" -d "$WORK/out/$s-$variant-$bin" "${flags[@]}" \
				>"$WORK/out-$s-$variant-$bin.log" 2>&1
			echo $? >"$WORK/rc-$s-$variant-$bin"
			set -e
		done
		if ! cmp -s "$WORK/rc-$s-$variant-old" "$WORK/rc-$s-$variant-new" ||
			! diff -r "$WORK/out/$s-$variant-old" "$WORK/out/$s-$variant-new" >"$WORK/diff-$s-$variant" 2>&1; then
			echo "same-output: $s ($variant) DIFFERS:" >&2
			head -40 "$WORK/diff-$s-$variant" >&2
			status=1
		else
			echo "same-output: $s ($variant): identical ($(find "$WORK/out/$s-$variant-new" -type f | wc -l) files)"
		fi
	done
done
exit $status
