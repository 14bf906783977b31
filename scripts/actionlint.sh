#!/usr/bin/env bash
# usage: scripts/actionlint.sh — lint every workflow in this repo and the app repos.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mapfile -t files < <(ls .github/workflows/*.yml Backend-repo/.github/workflows/*.yml Frontend-repo/.github/workflows/*.yml 2>/dev/null)
[ ${#files[@]} -gt 0 ] || die "no workflow files found"
actionlint -no-color -shellcheck= -pyflakes= "${files[@]}"
