#!/usr/bin/env bash
# History benchmark (issue 17): builds of a site whose content folder has a
# long git history, with history and without.
#
#   bash bench/history.sh [runs]          (default 5; BENCH_RUNS too)
#
# Environment: HISTORY_PAGES (1000), HISTORY_COMMITS (5000), BENCH_SEED (1).
# It writes below bench/out/ (git-ignored): the binaries, the repository
# bench/historyrepo generates (reused while its flags match), a copy of it
# that the runs commit to, the destinations and the build caches. Four
# measurements, each the median of the runs, wall and CPU (milepost's and
# git's), destinations on the disk bench/out is on:
#
#   cold, --no-history    empty build cache, no history read
#   cold, history         empty build cache, every version of every page read
#   commit, --no-history  one more commit (a box ticked on one page), warm cache
#   commit, history       the same with history, its cache warm
#
# Each "commit" run adds its own commit first, untimed, then builds.
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
WORK="$OUT/history-work"
SCRATCH="$OUT/history-scratch"
TIMES="$OUT/history-times"
rm -rf "$TIMES"
mkdir -p "$TIMES"

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1

fresh_work() {
	rm -rf "$WORK" "$SCRATCH"
	cp -a "$REPO" "$WORK"
	mkdir -p "$SCRATCH"
}

# one_commit N: ticks the first open box of a page chosen by N (or adds an
# item to a page with none open) and commits it, an hour after the last
# commit.
one_commit() {
	local pages page last
	mapfile -t pages < <(cd "$WORK" && git ls-files 'content/*.md' | sort)
	page="${pages[$(($1 * 389 % ${#pages[@]}))]}"
	if grep -q -- '- \[ \] ' "$WORK/$page"; then
		sed -i '0,/- \[ \] /s//- [x] /' "$WORK/$page"
	else
		echo "- [ ] Benchmark item $1" >>"$WORK/$page"
	fi
	last=$(git -C "$WORK" log -1 --format=%at)
	GIT_AUTHOR_DATE="@$((last + 3600)) +0000" GIT_COMMITTER_DATE="@$((last + 3600)) +0000" \
		git -C "$WORK" commit -q -a -m "bench: tick a box on $page"
}

# timed FILE ARGS...: runs milepost build and appends "wall cpu" to FILE.
timed() {
	local file="$1"
	shift
	/usr/bin/time -f "%e %U %S" -o "$SCRATCH/time" "$OUT/milepost" build -q "$@" "$WORK"
	awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$SCRATCH/time" >>"$file"
}

median() { # median COLUMN FILE
	sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END { printf "%.2f", v[int((NR + 1) / 2)] }'
}

cold() { # cold NAME ARGS...
	local name="$1"
	shift
	: >"$TIMES/$name"
	for _ in $(seq "$RUNS"); do
		rm -rf "$SCRATCH/cache" "$SCRATCH/dest"
		MILEPOST_CACHE_DIR="$SCRATCH/cache" timed "$TIMES/$name" -d "$SCRATCH/dest" "$@"
	done
}

after_commit() { # after_commit NAME ARGS...
	local name="$1"
	shift
	: >"$TIMES/$name"
	rm -rf "$SCRATCH/cache" "$SCRATCH/dest"
	MILEPOST_CACHE_DIR="$SCRATCH/cache" "$OUT/milepost" build -q -d "$SCRATCH/dest" "$@" "$WORK"
	for i in $(seq "$RUNS"); do
		one_commit "$i"
		MILEPOST_CACHE_DIR="$SCRATCH/cache" timed "$TIMES/$name" -d "$SCRATCH/dest" "$@"
	done
}

fresh_work
cold cold-nohist --no-history
cold cold-hist
fresh_work
after_commit commit-nohist --no-history
fresh_work
after_commit commit-hist

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
