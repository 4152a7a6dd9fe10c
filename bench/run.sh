#!/usr/bin/env bash
# Build benchmarks: milepost beside the goldmark-alone floor and Hugo.
#
#   bash bench/run.sh [sizes...]        e.g. bash bench/run.sh 1000
#   BENCH_SIZES="1000 10000 100000" bash bench/run.sh
#
# Default sizes: 1000 10000. Environment:
#   BENCH_SIZES     corpus sizes in pages (arguments win)
#   BENCH_RUNS      runs per measurement, median reported (default 5)
#   BENCH_TIMEOUT   timeout of each measured command (default 600s)
#   BENCH_HUGO_MAX  largest corpus Hugo builds (default 10000: Hugo needs
#                   ~20 GB at 100k pages)
#   BENCH_RELOAD_MAX largest corpus of the dev server reload benchmark
#                   (default 10000: it holds the whole site in memory)
#   BENCH_GO=0      skip the testing.B benchmarks at the end
#   BENCH_SEED      corpus seed (default 1)
#   BENCH_DEST      where the measured builds write on disk (default bench/out/dest,
#                   on the source's file system)
#   BENCH_RAM=0     skip the second pass writing to /dev/shm/milepost-bench
#   BENCH_PROFILE=1 also profile one cold milepost build per corpus
#                   (--cpuprofile/--memprofile; pprof tops in the report)
#
# Everything is written below bench/out/ (git-ignored): binaries, corpora
# (reused while the generator version, size and seed match), outputs, logs
# and results-*.md. The report is printed at the end, ready for
# BENCHMARKS.md. Installs only from Debian packages, only as root: `time`
# (for peak RSS) and, outside CI, `hugo`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=bench/out
SIZES="${*:-${BENCH_SIZES:-1000 10000}}"
STEP_TIMEOUT=300

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "bench: $*" >&2; }

command -v go >/dev/null || die "go is not on PATH (Go $(sed -n 's/^go //p' go.mod) or newer is required)"
command -v timeout >/dev/null || die "timeout (coreutils) is required"
mkdir -p "$OUT"

is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
	# apt_install PACKAGE: one try from the current lists, one after an update.
	command -v apt-get >/dev/null || return 1
	is_root || return 1
	export DEBIAN_FRONTEND=noninteractive
	timeout "$STEP_TIMEOUT" apt-get install -y --no-install-recommends "$1" >"$OUT/apt-$1.log" 2>&1 && return 0
	timeout "$STEP_TIMEOUT" apt-get update >>"$OUT/apt-$1.log" 2>&1 || true
	timeout "$STEP_TIMEOUT" apt-get install -y --no-install-recommends "$1" >>"$OUT/apt-$1.log" 2>&1
}

if [ ! -x /usr/bin/time ]; then
	if apt_install time; then note "installed /usr/bin/time"; else note "no /usr/bin/time: peak RSS comes from the kernel's rusage instead"; fi
fi

HUGO="$(command -v hugo || true)"
if [ -z "$HUGO" ] && [ -z "${CI:-}" ]; then
	if apt_install hugo; then HUGO="$(command -v hugo || true)"; note "installed $($HUGO version)"; else note "hugo not installed and could not be installed: Hugo is skipped"; fi
fi

build() { # build OUTPUT PACKAGE
	timeout "$STEP_TIMEOUT" go build -o "$OUT/$1" "$2" || die "go build $2 failed"
}
build harness ./bench/harness
build floor ./bench/floor
build benchcorpus ./bench/benchcorpus

MILEPOST=""
if ls cmd/milepost/*.go >/dev/null 2>&1; then
	build milepost ./cmd/milepost
	MILEPOST="$OUT/milepost"
else
	note "cmd/milepost has no Go files yet: measuring the floor and Hugo only"
fi

# The measured builds write their sites to disk, on the file system of the
# source, as a user's build and a CI runner do (creating a file costs far
# more there than in RAM); then, when /dev/shm is writable, once more to
# RAM, the report's second column. Each tool's output is removed after it
# is measured, so the next finds the disk as empty as it did.
DEST="${BENCH_DEST:-$OUT/dest}"
mkdir -p "$DEST"
RAM_DEST=""
if [ "${BENCH_RAM:-1}" != 0 ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	RAM_DEST=/dev/shm/milepost-bench
	mkdir -p "$RAM_DEST"
fi

status=0
"$OUT/harness" \
	-sizes "$SIZES" \
	-out "$OUT" \
	-dest "$DEST" \
	-ram-dest "$RAM_DEST" \
	-repo . \
	-milepost "$MILEPOST" \
	-floor "$OUT/floor" \
	-hugo "$HUGO" \
	-hugo-max "${BENCH_HUGO_MAX:-10000}" \
	-reload-max "${BENCH_RELOAD_MAX:-10000}" \
	-runs "${BENCH_RUNS:-5}" \
	-timeout "${BENCH_TIMEOUT:-600}s" \
	-seed "${BENCH_SEED:-1}" \
	-go-bench="$([ "${BENCH_GO:-1}" = 0 ] && echo false || echo true)" \
	-profile="$([ "${BENCH_PROFILE:-0}" = 1 ] && echo true || echo false)" || status=$?

# One 50 MB document (issue 9): how long the whole build of a single huge
# page takes. BENCH_BIGDOC=0 skips it; MILEPOST_BIG_DOC_MB sets the size.
if [ "${BENCH_BIGDOC:-1}" != 0 ]; then
	echo "== one ${MILEPOST_BIG_DOC_MB:-50} MB document"
	mkdir -p "$OUT/logs"
	start=$(date +%s)
	if MILEPOST_LONG=1 timeout "${BENCH_TIMEOUT:-600}" go test -count=1 -run '^TestFiftyMegabyteDocument$' ./internal/site/ >"$OUT/logs/bigdoc.log" 2>&1; then
		echo "built in $(( $(date +%s) - start )) s (go test, including its compile; log: $OUT/logs/bigdoc.log)"
	else
		echo "FAILED or timed out after $(( $(date +%s) - start )) s; see $OUT/logs/bigdoc.log"
		status=1
	fi
fi
exit $status
