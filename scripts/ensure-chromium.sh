#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests (a browser download is impossible here), and a Chinese
# font (Noto CJK): without one Chromium draws Chinese as empty boxes, and a printed letter's PDF
# (tests/e2e/print.e2e.ts) has no Chinese text to read back.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} = 0 ]; then exit 0; fi
echo "installing Debian's ${missing[*]}…"
if [ "$(id -u)" != 0 ]; then echo "run as root, or: sudo apt-get install -y ${missing[*]}" >&2; exit 1; fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
