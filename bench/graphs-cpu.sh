#!/usr/bin/env bash
# What dependency graphs cost: the working tree's milepost builds a
# benchmark corpus (with its dependencies) with graphs on and with
# `graphs: false`, in one run.
#
#   bash bench/graphs-cpu.sh [PAGES]     e.g. bash bench/graphs-cpu.sh 10000
#
# Each setting builds RUNS times (default 5) with --no-cache into an empty
# destination (under /dev/shm when there is one), the two taking turns;
# the median of user+sys CPU seconds is printed with the change graphs
# make. Everything is written below a temporary folder removed at the end.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZE="${1:-10000}"
RUNS="${RUNS:-5}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1767225600}"

base="${TMPDIR:-/tmp}"
if [ -w /dev/shm ]; then base=/dev/shm; fi
WORK="$(mktemp -d "$base/milepost-graphs-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/bin"
go build -o "$WORK/bin/milepost" ./cmd/milepost
go build -o "$WORK/bin/benchcorpus" ./bench/benchcorpus
"$WORK/bin/benchcorpus" -n "$SIZE" -o "$WORK/on" >/dev/null
cp -r "$WORK/on" "$WORK/off"
printf '\ngraphs: false\n' >>"$WORK/off/milepost.yaml"

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

TIMEFORMAT='%U %S'
for run in $(seq "$RUNS"); do
	for setting in off on; do
		rm -rf "$WORK/out"
		{ time "$WORK/bin/milepost" build -s "$WORK/$setting" -d "$WORK/out" --no-cache -q >/dev/null; } 2>"$WORK/t"
		awk '{print $1 + $2}' "$WORK/t" >>"$WORK/cpu-$setting"
	done
done
graphs="$(grep -l 'class="dg"' -r "$WORK/out" | wc -l)"
off="$(median <"$WORK/cpu-off")"
on="$(median <"$WORK/cpu-on")"
awk -v s="$SIZE" -v o="$off" -v n="$on" -v r="$RUNS" -v g="$graphs" -v a="$(paste -sd' ' "$WORK/cpu-off")" -v b="$(paste -sd' ' "$WORK/cpu-on")" \
	'BEGIN {printf "%6d pages (%d with a drawn graph): graphs off %.2f s, on %.2f s CPU (user+sys, median of %d): %+.1f%%\n    off runs: %s\n    on runs:  %s\n", s, g, o, n, r, (n-o)/o*100, a, b}'
