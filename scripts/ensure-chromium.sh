#!/usr/bin/env bash
# Browser tests need a Chromium. Playwright cannot download its own on this kind of machine,
# so use Debian's, installing it when missing (as root) or saying what to do.
set -euo pipefail
if [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]] || [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing Debian's Chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
exit 1
