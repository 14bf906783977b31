#!/usr/bin/env bash
# usage: scripts/tf-init.sh DIR — init a module or env without a backend,
# from the local provider mirror (TF_CLI_CONFIG_FILE), quietly.
source "$(dirname "$0")/lib.sh"
d=$1
tofu -chdir="$d" init -backend=false -input=false -no-color >"$d/.terraform-init.log" 2>&1 \
  || { cat "$d/.terraform-init.log" >&2; die "tofu init failed in $d"; }
