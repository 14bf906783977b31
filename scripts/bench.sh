#!/usr/bin/env bash
# usage: scripts/with-local-aws.sh scripts/bench.sh — print benchmark figures.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
log "building the release binary"
cargo build --release --quiet
cargo bench --quiet --bench zip 2>/dev/null | grep -v '^$'
"$CACHE/venv/bin/python" scripts/bench.py
