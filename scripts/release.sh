#!/usr/bin/env bash
# Builds milepost's release: a binary for linux, macOS and Windows on amd64
# and arm64, each in an archive named without the version
# (milepost_linux_amd64.tar.gz, milepost_windows_arm64.zip), so that
# .../releases/latest/download/<name> always names the newest, and
# checksums.txt (SHA-256) beside them.
#
#   scripts/release.sh v1.2.0 [OUT]     a release of tag v1.2.0 (into dist/)
#   scripts/release.sh --snapshot [OUT] a release of the checkout as it is,
#                                        versioned from git describe
#
# The version and the git revision are stamped into the binary
# (-X internal/buildinfo.release, releaseRevision), so `milepost version` prints both. Builds are static (CGO_ENABLED=0) and
# reproducible (-trimpath, no build id); they need only Go.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: scripts/release.sh VERSION|--snapshot [OUT]}
out=${2:-dist}
if [ "$version" = --snapshot ]; then
  described=$(git describe --tags --always --dirty 2>/dev/null || echo unknown)
  case $described in
    v*) version="$described-snapshot" ;;
    *) version="v0.0.0-snapshot+$described" ;;
  esac
fi
case $version in
  v[0-9]*) ;;
  *) echo "release: the version must look like v1.2.3, not $version" >&2; exit 2 ;;
esac

revision=$(git rev-parse HEAD 2>/dev/null || true)
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  revision="$revision+modified"
fi
targets=${RELEASE_TARGETS:-"linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"}
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "release $version into $out/"
for target in $targets; do
  goos=${target%/*} goarch=${target#*/}
  name=milepost_${goos}_${goarch}
  exe=milepost
  [ "$goos" = windows ] && exe=milepost.exe
  mkdir -p "$work/$name"
  echo "  building $name"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=auto \
    -ldflags "-s -w -buildid= -X github.com/milepost/milepost/internal/buildinfo.release=$version -X github.com/milepost/milepost/internal/buildinfo.releaseRevision=$revision" \
    -o "$work/$name/$exe" ./cmd/milepost
  cp README.md "$work/$name/"
  if [ "$goos" = windows ]; then
    (cd "$work/$name" && zip -qX "$out/$name.zip" "$exe" README.md)
  else
    tar -C "$work/$name" --owner=0 --group=0 --numeric-owner --mtime=@0 -czf "$out/$name.tar.gz" "$exe" README.md
  fi
done
(cd "$out" && sha256sum milepost_* > checksums.txt)
echo "$version" > "$out/VERSION"
echo "release $version: $(ls "$out" | wc -l | tr -d ' ') files in $out/"
