#!/usr/bin/env bash
# usage: scripts/setup.sh — install everything the project needs, once per machine.
source "$(dirname "$0")/lib.sh"
log "setup: cache in $CACHE, links in $TOOLS_BIN"
for c in go cargo python3 curl; do command -v "$c" >/dev/null || die "$c is required on PATH"; done
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
"$ROOT/scripts/setup-python.sh"
"$ROOT/scripts/setup-terraform-tools.sh"
"$ROOT/scripts/setup-browser.sh"
log "setup done in $((SECONDS - _t0))s"
