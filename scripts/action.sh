#!/usr/bin/env bash
# The shell steps of milepost's GitHub Action (action.yml), kept here so
# they can be run, and tested, outside GitHub:
#
#   scripts/action.sh install   install milepost for this machine: the
#                               release binary, else go install at the
#                               action's ref; puts it on GITHUB_PATH
#   scripts/action.sh build     milepost build; writes path=<output folder>
#                               to GITHUB_OUTPUT
#   scripts/action.sh check     milepost check --format github, failing as
#                               MILEPOST_CHECK says
#
# Environment (action.yml maps its inputs to these):
#   MILEPOST_SITE         site root (default .)
#   MILEPOST_CONTENT      content folder, relative to the site root or absolute
#   MILEPOST_BASE_URL     the URL the site is published at
#   MILEPOST_DESTINATION  output folder (default <site>/public)
#   MILEPOST_CHECK        errors (default: only errors fail), strict (any
#                         warning fails), none (no check), or warning kinds
#                         that fail, comma-separated: broken-link,drift
#   MILEPOST_VERSION      release to install, v1.2.0; default: the action's
#                         ref when it is a version tag, else the latest
#   MILEPOST_RELEASES     where release files are downloaded from
#                         (default https://github.com/milepost/milepost/releases);
#                         MILEPOST_RELEASE_DIR names one release's folder
#                         directly (a file:// URL in tests)
#   ACTION_REF            the ref the action was used at (github.action_ref)
#   GITHUB_PATH, GITHUB_OUTPUT, RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP: as
#                         GitHub sets them (defaults outside GitHub)
set -euo pipefail

site=${MILEPOST_SITE:-.}
content=${MILEPOST_CONTENT:-}
base_url=${MILEPOST_BASE_URL:-}
dest=${MILEPOST_DESTINATION:-}
[ -n "$dest" ] || dest="$site/public"
github_path=${GITHUB_PATH:-/dev/null}
github_output=${GITHUB_OUTPUT:-/dev/null}

say() { echo "milepost action: $*" >&2; }

# platform prints the release's name for this machine: linux_amd64 …
platform() {
  local os arch
  case "${RUNNER_OS:-$(uname -s)}" in
    Linux) os=linux ;;
    macOS | Darwin) os=darwin ;;
    Windows | MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) say "no release for ${RUNNER_OS:-$(uname -s)}"; return 1 ;;
  esac
  case "${RUNNER_ARCH:-$(uname -m)}" in
    X64 | x86_64 | amd64) arch=amd64 ;;
    ARM64 | aarch64 | arm64) arch=arm64 ;;
    *) say "no release for ${RUNNER_ARCH:-$(uname -m)}"; return 1 ;;
  esac
  echo "${os}_${arch}"
}

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

# download_release installs the release binary into $1; fails quietly.
download_release() {
  local bin=$1 plat version dir asset tmp want got
  plat=$(platform) || return 1
  version=${MILEPOST_VERSION:-}
  if [ -z "$version" ]; then
    case "${ACTION_REF:-}" in v[0-9]*) version=$ACTION_REF ;; esac
  fi
  dir=${MILEPOST_RELEASE_DIR:-}
  if [ -z "$dir" ]; then
    local releases=${MILEPOST_RELEASES:-https://github.com/milepost/milepost/releases}
    if [ -n "$version" ]; then dir="$releases/download/$version"; else dir="$releases/latest/download"; fi
  fi
  asset=milepost_$plat.tar.gz
  [ "${plat%%_*}" = windows ] && asset=milepost_$plat.zip
  tmp=$(mktemp -d)
  say "downloading $dir/$asset"
  curl -fsSL --retry 3 -o "$tmp/$asset" "$dir/$asset" &&
    curl -fsSL --retry 3 -o "$tmp/checksums.txt" "$dir/checksums.txt" || { rm -rf "$tmp"; return 1; }
  want=$(awk -v f="$asset" '$2 == f || $2 == "*"f {print $1}' "$tmp/checksums.txt")
  got=$(sha256 "$tmp/$asset")
  if [ -z "$want" ] || [ "$want" != "$got" ]; then
    say "$asset does not match checksums.txt (want ${want:-nothing}, got $got)"
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$bin"
  case $asset in
    *.zip) unzip -qo "$tmp/$asset" -d "$bin" ;;
    *) tar -xzf "$tmp/$asset" -C "$bin" ;;
  esac
  rm -rf "$tmp"
}

# go_install builds milepost with Go at the action's ref into $1.
go_install() {
  local bin=$1 ref=${MILEPOST_VERSION:-${ACTION_REF:-latest}}
  if ! command -v go >/dev/null; then
    say "no release binary, and no Go to build one: add actions/setup-go before this action"
    return 1
  fi
  say "building with go install github.com/milepost/milepost/cmd/milepost@$ref"
  GOBIN=$(cd "$bin" && pwd) go install "github.com/milepost/milepost/cmd/milepost@$ref"
}

install() {
  local bin=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/milepost-bin
  mkdir -p "$bin"
  download_release "$bin" || go_install "$bin"
  echo "$bin" >>"$github_path"
  "$bin/milepost" version
}

build() {
  local args=(build "$site" -d "$dest")
  [ -z "$content" ] || args+=(-c "$content")
  [ -z "$base_url" ] || args+=(--base-url "$base_url")
  milepost "${args[@]}"
  echo "path=$dest" >>"$github_output"
}

check() {
  local args=(check "$site" --format github)
  [ -z "$content" ] || args+=(-c "$content")
  [ -z "$base_url" ] || args+=(--base-url "$base_url")
  case "${MILEPOST_CHECK:-errors}" in
    none) say "check skipped"; return 0 ;;
    errors) ;;
    strict) args+=(--strict) ;;
    *) args+=(--fail-on "$MILEPOST_CHECK") ;;
  esac
  milepost "${args[@]}"
}

case "${1:-}" in
  install | build | check) "$1" ;;
  *) echo "usage: scripts/action.sh install|build|check" >&2; exit 2 ;;
esac
