#!/usr/bin/env bash
# usage: scripts/actionlint.sh — lint every workflow in this repo and the app repos.
# Each app repo (Backend-repo/, Frontend-repo/) is a repository of its own
# in real life: its local reusable workflows (uses: ./.github/workflows/...)
# resolve against its own root, so it is linted from a copy of it that
# actionlint sees as a separate project.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
lint() { actionlint -no-color -shellcheck= -pyflakes= "$@"; }
mapfile -t files < <(ls .github/workflows/*.yml 2>/dev/null)
[ ${#files[@]} -gt 0 ] || die "no workflow files found"
rc=0
lint "${files[@]}" || rc=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for app in Backend-repo Frontend-repo; do
  ls "$app"/.github/workflows/*.yml >/dev/null 2>&1 || continue
  mkdir -p "$tmp/$app/.git"   # a project root of its own for actionlint
  cp -r "$app/.github" "$tmp/$app/"
  ( cd "$tmp/$app" && lint .github/workflows/*.yml ) | sed "s#^\.github/#$app/.github/#" || rc=1
done
exit $rc
