#!/usr/bin/env bash
# usage: scripts/demo-check.sh — what `make test` checks of the demo:
# `make demo` (in a temporary DEMO_DIR, with the binary already built), the
# browser test against its storefront (tests/browser, screenshot saved to
# $CACHE/artifacts/storefront.png, outside the repository), then
# `make demo-down`, and that none of the demo's processes is left.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
DEMO_DIR=$(mktemp -d)
export DEMO_DIR DEMO_BUILD=0
trap 'scripts/demo-down.sh >/dev/null 2>&1 || true; rm -rf "$DEMO_DIR"' EXIT
scripts/demo.sh
pids=$(cat "$DEMO_DIR"/*.pid)
mkdir -p "$CACHE/artifacts"
# The venv of this tree's requirements-dev.txt (it has playwright), whatever
# $CACHE/venv points at (another checkout's setup may have moved it).
py="$CACHE/venv-$(sha256sum "$ROOT/requirements-dev.txt" | cut -c1-12)/bin/python"
STOREFRONT_URL=$(cat "$DEMO_DIR/storefront.url") SCREENSHOT="$CACHE/artifacts/storefront.png" \
  "$py" -m pytest -q -p no:cacheprovider tests/browser
scripts/demo-down.sh
for pid in $pids; do
  if kill -0 "$pid" 2>/dev/null; then die "make demo-down left process $pid running"; fi
done
log "demo-down left no process (checked: $(echo $pids | wc -w) pids)"
