#!/usr/bin/env bash
# Builds the dashboard (dashboard/ -> dashboard/dist, which the Host serves at /) from the committed npm lockfile when
# dist is missing or older than its sources. scripts/demo.sh and scripts/test.sh call it before building the Host.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/dashboard"
built=dist/index.html
if [[ -f "$built" && -z "$(find src index.html package.json package-lock.json vite.config.ts tsconfig.json -newer "$built" -print -quit)" ]]; then
  exit 0
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build >/dev/null
echo "dashboard.sh: built dashboard/dist"
