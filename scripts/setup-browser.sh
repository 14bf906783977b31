#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser test of the
# demo (tests/browser, Playwright with executablePath=/usr/bin/chromium; no
# browser download). Idempotent: does nothing when both are there.
source "$(dirname "$0")/lib.sh"
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  log "browser ready: $(chromium --version 2>/dev/null | tail -n 1)"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || die "chromium is missing: run 'sudo apt-get install -y chromium chromium-driver' (or make setup as root)"
log "apt-get install chromium chromium-driver"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
log "browser ready: $(chromium --version 2>/dev/null | tail -n 1)"
