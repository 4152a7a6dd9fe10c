#!/usr/bin/env bash
# Installs what the browser checks (scripts/browser-check.d/run.sh) need:
# Debian's chromium, a JRE for the Nu validator, the emoji font for
# screenshots, and the npm tools pinned in scripts/browser-check.d/package.json
# into that folder's node_modules. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || need_apt+=(fonts-noto-color-emoji)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "ci-setup: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

dir=scripts/browser-check.d
ok=1
for p in vnu-jar axe-core playwright-core linkinator; do
  want=$(node -p "require('./$dir/package.json').dependencies['$p']")
  have=$(node -p "try{require('./$dir/node_modules/$p/package.json').version}catch(e){''}" 2>/dev/null || true)
  [ "$want" = "$have" ] || ok=0
done
if [ $ok = 0 ]; then
  echo "ci-setup: npm install in $dir"
  # playwright-core downloads no browser; the checks use Debian's chromium.
  (cd $dir && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
fi
echo "ci-setup: ready in $(( $(date +%s) - start )) s"
