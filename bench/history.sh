#!/usr/bin/env bash
# History benchmark (issue 17): builds of a site whose content folder has a
# long git history, with history and without.
#
#   bash bench/history.sh [runs]          (default 5; BENCH_RUNS too)
#
# Environment: HISTORY_PAGES (1000), HISTORY_COMMITS (5000), BENCH_SEED (1).
# It writes below bench/out/ (git-ignored): the binaries, the repository
# bench/historyrepo generates (reused while its flags match), copies of it
# that the runs commit to, the destinations and the build caches. Four
# measurements, each the median of the runs, wall and CPU (milepost's and
# git's), destinations on the disk bench/out is on:
#
#   (a)  cold, --no-history         empty build cache, no history read
#   (b)  cold, history              empty build cache, every version of every page read
#   (a') one more commit, --no-history, warm cache
#   (c)  one more commit, history, warm cache
#
# A "commit" run adds its commit (a box ticked on one page, or an item
# added to a page with none open) untimed, then builds. The two builds each
# pair compares take turns, (a) with (b) and (a') with (c), each in its own
# copy of the repository with its own cache, and the disk is synced before
# every timed build, so that neither pays for the other's writes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=bench/out
RUNS="${1:-${BENCH_RUNS:-5}}"
PAGES="${HISTORY_PAGES:-1000}"
COMMITS="${HISTORY_COMMITS:-5000}"
SEED="${BENCH_SEED:-1}"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is required" >&2; exit 1; }
mkdir -p "$OUT"

go build -o "$OUT/milepost" ./cmd/milepost
go build -o "$OUT/historyrepo" ./bench/historyrepo
REPO="$OUT/history-repo-$PAGES-$COMMITS-$SEED"
[ -d "$REPO" ] || "$OUT/historyrepo" -o "$REPO" -pages "$PAGES" -commits "$COMMITS" -seed "$SEED" >&2
SCRATCH="$OUT/history-scratch"
TIMES="$OUT/history-times"
rm -rf "$TIMES" "$SCRATCH"
mkdir -p "$TIMES" "$SCRATCH"

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1

# work NAME: a fresh copy of the repository, with its own cache and destination.
work() {
	rm -rf "${SCRATCH:?}/$1"
	mkdir -p "$SCRATCH/$1"
	cp -a "$REPO" "$SCRATCH/$1/repo"
}

# one_commit NAME N: in NAME's copy, ticks the first open box of a page
# chosen by N (or adds an item to a page with none open) and commits it, an
# hour after the last commit.
one_commit() {
	local repo="$SCRATCH/$1/repo" pages page last
	mapfile -t pages < <(cd "$repo" && git ls-files 'content/*.md' | sort)
	page="${pages[$(($2 * 389 % ${#pages[@]}))]}"
	if grep -q -- '- \[ \] ' "$repo/$page"; then
		sed -i '0,/- \[ \] /s//- [x] /' "$repo/$page"
	else
		echo "- [ ] Benchmark item $2" >>"$repo/$page"
	fi
	last=$(git -C "$repo" log -1 --format=%at)
	GIT_AUTHOR_DATE="@$((last + 3600)) +0000" GIT_COMMITTER_DATE="@$((last + 3600)) +0000" \
		git -C "$repo" commit -q -a -m "bench: tick a box on $page"
}

# build NAME ARGS...: milepost build of NAME's copy, with its cache and destination.
build() {
	local name="$1"
	shift
	MILEPOST_CACHE_DIR="$SCRATCH/$name/cache" "$OUT/milepost" build -q -d "$SCRATCH/$name/dest" "$@" "$SCRATCH/$name/repo"
}

# timed NAME ARGS...: build, timed, after a sync; appends "wall cpu" to $TIMES/NAME.
timed() {
	local name="$1"
	shift
	sync
	MILEPOST_CACHE_DIR="$SCRATCH/$name/cache" /usr/bin/time -f "%e %U %S" -o "$SCRATCH/time" \
		"$OUT/milepost" build -q -d "$SCRATCH/$name/dest" "$@" "$SCRATCH/$name/repo"
	awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$SCRATCH/time" >>"$TIMES/$name"
}

median() { # median COLUMN FILE
	sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END { printf "%.2f", v[int((NR + 1) / 2)] }'
}

# Cold: (a) and (b) take turns, each from an empty cache and destination.
work cold-nohist
work cold-hist
for _ in $(seq "$RUNS"); do
	for name in cold-nohist cold-hist; do
		rm -rf "$SCRATCH/$name/cache" "$SCRATCH/$name/dest"
		if [ "$name" = cold-nohist ]; then timed "$name" --no-history; else timed "$name"; fi
	done
done

# One more commit: (a') and (c) take turns, each after a first build that
# fills its cache.
work commit-nohist
work commit-hist
build commit-nohist --no-history
build commit-hist
for i in $(seq "$RUNS"); do
	one_commit commit-nohist "$i"
	timed commit-nohist --no-history
	one_commit commit-hist "$i"
	timed commit-hist
done

row() { # row LABEL NAME BASE
	local w c bw bc
	w=$(median 1 "$TIMES/$2")
	c=$(median 2 "$TIMES/$2")
	bw=$(median 1 "$TIMES/$3")
	bc=$(median 2 "$TIMES/$3")
	printf '| %s | %s s | %s s | %s× | %s× |\n' "$1" "$w" "$c" \
		"$(awk -v a="$w" -v b="$bw" 'BEGIN { printf "%.2f", a / b }')" \
		"$(awk -v a="$c" -v b="$bc" 'BEGIN { printf "%.2f", a / b }')"
}

echo "$PAGES pages, $COMMITS commits (seed $SEED), medians of $RUNS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| build | wall | CPU | wall ÷ cold without | CPU ÷ cold without |"
echo "|---|---|---|---|---|"
row "(a) cold, --no-history" cold-nohist cold-nohist
row "(b) cold, history" cold-hist cold-nohist
row "(a′) one more commit, --no-history, warm cache" commit-nohist cold-nohist
row "(c) one more commit, history, warm cache" commit-hist cold-nohist
echo
echo "(c) ÷ (a′): wall $(awk -v a="$(median 1 "$TIMES/commit-hist")" -v b="$(median 1 "$TIMES/commit-nohist")" 'BEGIN { printf "%.2f", a / b }')×," \
	"CPU $(awk -v a="$(median 2 "$TIMES/commit-hist")" -v b="$(median 2 "$TIMES/commit-nohist")" 'BEGIN { printf "%.2f", a / b }')×"
