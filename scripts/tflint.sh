#!/usr/bin/env bash
# usage: scripts/tflint.sh [DIR...] — tflint every module and env (default: all).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || mapfile -t dirs < <(find _CloudOps -name versions.tf -not -path '*/.terraform/*' -printf '%h\n' | sort)
rc=0
for d in "${dirs[@]}"; do
  echo "== tflint $d"
  tflint --chdir "$d" --config "$ROOT/.tflint.hcl" --no-color || rc=1
done
exit $rc
