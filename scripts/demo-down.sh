#!/usr/bin/env bash
# usage: scripts/demo-down.sh (make demo-down) — stops every process `make demo`
# started (servers, moto) and removes its state; checks that none is left.
source "$(dirname "$0")/lib.sh"
DEMO_DIR=${DEMO_DIR:-$CACHE/demo}
[ -d "$DEMO_DIR" ] || { log "no demo running"; exit 0; }
pids=()
for f in "$DEMO_DIR"/*.pid; do
  [ -e "$f" ] || continue
  pid=$(cat "$f")
  kill "$pid" 2>/dev/null && pids+=("$pid") && log "stopped $(basename "$f" .pid) (pid $pid)"
done
for _ in $(seq 1 50); do
  alive=()
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
  [ ${#alive[@]} -eq 0 ] && break
  sleep 0.1
done
for pid in "${alive[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
rm -rf "$DEMO_DIR"
[ ${#alive[@]} -eq 0 ] || die "had to kill -9: ${alive[*]}"
log "demo stopped; no process left"
