#!/usr/bin/env bash
# `npm start`: install if needed, then build, migrate, load demo data into an empty
# database and serve everything at one address (scripts/start.ts does the rest).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/payload ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "▶ 安装依赖（npm ci）…"
  npm ci --no-audit --no-fund
fi
exec node --import tsx scripts/start.ts "$@"
