#!/usr/bin/env bash
# Checks a release end to end without publishing one: builds a snapshot
# release (scripts/release.sh --snapshot), verifies its archives and
# checksums, asks the host's binary for its version, then runs the
# GitHub Action's steps (scripts/action.sh) against that release folder to
# build and check the seed site (../shared/seeds when present, else this
# repository's own site). Slow (six cross-compiles), so not part of
# `make test`.
#
#   scripts/check-release.sh [DIST]     DIST: reuse a snapshot already built there
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dist=${1:-}
if [ -z "$dist" ]; then
  dist=$work/dist
  scripts/release.sh --snapshot "$dist"
fi
dist=$(cd "$dist" && pwd)
version=$(cat "$dist/VERSION")

fail() { echo "check-release: $*" >&2; exit 1; }
for p in linux_amd64 linux_arm64 darwin_amd64 darwin_arm64; do
  [ -f "$dist/milepost_$p.tar.gz" ] || fail "missing milepost_$p.tar.gz"
done
for p in windows_amd64 windows_arm64; do
  [ -f "$dist/milepost_$p.zip" ] || fail "missing milepost_$p.zip"
done
(cd "$dist" && sha256sum -c --quiet checksums.txt) || fail "checksums do not match"
[ "$(wc -l <"$dist/checksums.txt")" -eq 6 ] || fail "checksums.txt does not list six archives"

case "$(uname -m)" in x86_64 | amd64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; esac
mkdir -p "$work/host"
tar -xzf "$dist/milepost_linux_$arch.tar.gz" -C "$work/host"
printed=$("$work/host/milepost" version)
echo "$printed"
revision=$(git rev-parse HEAD | cut -c1-12)
case "$printed" in
  "milepost $version (revision $revision"*) ;;
  *) fail "milepost version printed \"$printed\", want $version and revision $revision" ;;
esac

# A copy of the site: a build writes beside its content (the build cache).
site=$work/seed-site
if [ -d ../shared/seeds/content ]; then
  mkdir -p "$site" && cp -R ../shared/seeds/content "$site/"
else
  mkdir -p "$site" && cp -R content milepost.yaml "$site/"
fi
export MILEPOST_RELEASE_DIR=file://$dist RUNNER_TEMP=$work/runner GITHUB_PATH=$work/path GITHUB_OUTPUT=$work/output
export MILEPOST_SITE=$site MILEPOST_DESTINATION=$work/site MILEPOST_BASE_URL=https://example.github.io/status/
mkdir -p "$RUNNER_TEMP"
bash scripts/action.sh install
PATH=$(cat "$GITHUB_PATH"):$PATH
export PATH
[ "$(command -v milepost)" = "$RUNNER_TEMP/milepost-bin/milepost" ] || fail "the installed milepost is not first on PATH"
bash scripts/action.sh build
grep -qx "path=$work/site" "$GITHUB_OUTPUT" || fail "build did not report its output folder"
[ -f "$work/site/index.html" ] || fail "no index.html in the built site"
bash scripts/action.sh check
echo "check-release: $version: 6 archives, checksums, version and the Action's steps on the seed site: ok"
