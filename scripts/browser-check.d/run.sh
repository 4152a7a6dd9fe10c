#!/usr/bin/env bash
# Browser checks of the default theme, on the project's own site and (when
# ../shared/seeds/content exists) on a site built from the seeds:
#   1. the Nu HTML validator (vnu) on every page: zero errors;
#   2. axe-core in headless Chromium on the home page, a milestone, a
#      tracker, a runbook and the broken-links page, light and dark: no
#      serious or critical violations; plus the theme's own behaviour
#      (search from file://, no requests leave the site, no script errors);
#   3. linkinator with the site served under /sub/ and from the root: no
#      broken internal links or fragments;
#   4. screenshots at 375 and 1280 px of the same pages, into a folder it
#      prints.
# A missing tool (scripts/ci-setup.sh installs them) skips the checks with a
# loud banner, except with CI=true, where it fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/browser-check.d
mods=$here/node_modules
chromium=${CHROMIUM:-/usr/bin/chromium}

missing=()
[ -x "$chromium" ] || missing+=("chromium ($chromium)")
command -v java >/dev/null || missing+=(java)
command -v node >/dev/null || missing+=(node)
for p in vnu-jar axe-core playwright-core linkinator; do
  [ -d "$mods/$p" ] || missing+=("npm $p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "************************************************************"
  echo "browser checks: SKIPPED, missing: ${missing[*]}"
  echo "install them with: bash scripts/ci-setup.sh"
  echo "************************************************************"
  if [ "${CI:-}" = true ]; then
    echo "CI=true: a missing browser-check tool is a failure"
    exit 1
  fi
  exit 0
fi

start=$(date +%s)
out=$(mktemp -d "${TMPDIR:-/tmp}/milepost-browser-check.XXXXXX")
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000}
go build -o "$out/milepost" ./cmd/milepost

sites=()
"$out/milepost" build -s . -d "$out/own" >"$out/own.log" 2>&1 || { cat "$out/own.log"; exit 1; }
sites+=("own=$out/own")
if [ -d ../shared/seeds/content ]; then
  mkdir -p "$out/seeds-src"
  cp -r ../shared/seeds/content "$out/seeds-src/"
  "$out/milepost" build -s "$out/seeds-src" -d "$out/seeds" >"$out/seeds.log" 2>&1 || { cat "$out/seeds.log"; exit 1; }
  sites+=("seeds=$out/seeds")
fi

fail=0
echo "== vnu (Nu HTML validator), errors only"
for s in "${sites[@]}"; do
  name=${s%%=*} dir=${s#*=}
  pages=$(find "$dir" -name '*.html' | wc -l)
  if java -jar "$mods/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html --format gnu "$dir" >"$out/vnu-$name.txt" 2>&1; then
    echo "vnu $name: $pages pages, 0 errors"
  else
    echo "vnu $name: $pages pages, $(wc -l <"$out/vnu-$name.txt") errors:"
    sed "s|$out/||" "$out/vnu-$name.txt" | head -40
    fail=1
  fi
done

echo "== axe-core, theme behaviour and screenshots in headless Chromium"
node "$here/browser.mjs" "$chromium" "$out/shots" "${sites[@]}" || fail=1

echo "== linkinator, served under /sub/ and from the root"
node "$here/links.mjs" "${sites[@]}" || fail=1

echo "screenshots: $out/shots"
echo "browser checks: $([ $fail = 0 ] && echo PASSED || echo FAILED) in $(( $(date +%s) - start )) s"
exit $fail
