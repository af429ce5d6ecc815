#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests (a browser download is impossible here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "installing Debian's chromium…"
if [ "$(id -u)" != 0 ]; then echo "run as root, or: sudo apt-get install -y chromium" >&2; exit 1; fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
