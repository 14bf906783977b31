#!/usr/bin/env bash
# usage: scripts/tf-docs.sh [--check] — regenerate (or check) the inputs and
# outputs tables in every module README.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mapfile -t mods < <(find _CloudOps/modules -name versions.tf -not -path '*/.terraform/*' -printf '%h\n' | sort)
python3 "$ROOT/scripts/tf-docs.py" "$@" "${mods[@]}"
