#!/usr/bin/env bash
# `npm test`: every test, on real things — type check; lint (ESLint); unit tests of core; integration tests
# (Local API and REST over HTTP against the started production server) on SQLite and on
# PostgreSQL; Playwright end-to-end tests in Debian's Chromium. Installs what is missing
# (npm packages, Debian's postgresql and chromium) and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1
reports=$(mktemp -d)
started=$(date +%s)
step() { printf '\n━━ %s  (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }
# A step that is not a test runner records its own result in the same JSON shape.
record() { printf '{"numPassedTests":%d,"numFailedTests":%d}\n' "$2" "$3" > "$reports/$1.json"; }

if [ ! -d node_modules/payload ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund || exit 1
fi

step "type check (tsc)"
if npx tsc --noEmit -p tsconfig.json; then record typecheck 1 0; else record typecheck 0 1; fi

step "lint (ESLint)"
if npm run --silent lint; then record lint 1 0; else record lint 0 1; fi

step "build the CMS (next build)"
build_ok=1
npx next build cms > "$reports/build.log" 2>&1 || { build_ok=0; cat "$reports/build.log"; }
tail -3 "$reports/build.log"

step "unit + integration + HTTP tests on SQLite"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/sqlite.json"

step "integration + HTTP tests on PostgreSQL"
if pg_url=$(scripts/postgres.sh start); then
  TEST_POSTGRES_URL="$pg_url" npx vitest run --project int --project 'http*' \
    --reporter=default --reporter=json --outputFile.json="$reports/postgres.json"
else
  echo "PostgreSQL could not be started"
fi

step "end-to-end tests in Chromium (Playwright)"
if [ "$build_ok" = 1 ] && scripts/ensure-chromium.sh; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json
fi

step "summary"
node scripts/summarize.mjs "$reports/typecheck.json" "$reports/lint.json" "$reports/sqlite.json" "$reports/postgres.json" "$reports/e2e.json"
