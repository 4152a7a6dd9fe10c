#!/usr/bin/env bash
# Cold build CPU: the milepost of an earlier revision against the working
# tree's, on benchmark corpora, in one run.
#
#   bash bench/cold-cpu.sh OLDREV [PAGES...]     e.g. bash bench/cold-cpu.sh main 1000 10000
#
# Each binary builds each corpus RUNS times (default 5) with --no-cache into
# an empty destination (under /dev/shm when there is one), the two
# binaries taking turns, and the median of user+sys CPU seconds is printed
# with the new binary's change. The corpora are written by OLDREV's
# generator. Everything is written below a temporary folder removed at the
# end.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
OLD="${1:?usage: bash bench/cold-cpu.sh OLDREV [PAGES...]}"
shift
SIZES=("${@:-1000 10000}")
RUNS="${RUNS:-5}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1767225600}"

base="${TMPDIR:-/tmp}"
if [ -w /dev/shm ]; then base=/dev/shm; fi
WORK="$(mktemp -d "$base/milepost-cpu-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

oldrev="$(git rev-parse --verify "$OLD^{commit}")"
mkdir -p "$WORK/old-src" "$WORK/bin"
git archive "$oldrev" | tar -x -C "$WORK/old-src"
(cd "$WORK/old-src" && go build -o "$WORK/bin/old" ./cmd/milepost)
go build -o "$WORK/bin/new" ./cmd/milepost
gen=""
for d in cmd/benchcorpus bench/benchcorpus; do
	if [ -d "$WORK/old-src/$d" ]; then gen="./$d"; fi
done
[ -n "$gen" ] || { echo "cold-cpu: $OLD has no benchcorpus command" >&2; exit 2; }
(cd "$WORK/old-src" && go build -o "$WORK/bin/benchcorpus" "$gen")

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

TIMEFORMAT='%U %S'
for size in ${SIZES[@]}; do
	"$WORK/bin/benchcorpus" -n "$size" -o "$WORK/corpus-$size" >/dev/null
	for run in $(seq "$RUNS"); do
		for bin in old new; do
			rm -rf "$WORK/out"
			{ time "$WORK/bin/$bin" build -s "$WORK/corpus-$size" -d "$WORK/out" --no-cache -q >/dev/null; } 2>"$WORK/t"
			awk '{print $1 + $2}' "$WORK/t" >>"$WORK/cpu-$size-$bin"
		done
	done
	old="$(median <"$WORK/cpu-$size-old")"
	new="$(median <"$WORK/cpu-$size-new")"
	awk -v s="$size" -v o="$old" -v n="$new" -v r="$RUNS" -v a="$(paste -sd' ' "$WORK/cpu-$size-old")" -v b="$(paste -sd' ' "$WORK/cpu-$size-new")" \
		'BEGIN {printf "%6d pages: old %.2f s, new %.2f s CPU (user+sys, median of %d): %+.1f%%\n    old runs: %s\n    new runs: %s\n", s, o, n, r, (n-o)/o*100, a, b}'
done
