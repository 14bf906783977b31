#!/usr/bin/env bash
# usage: scripts/tf-validate.sh DIR
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/tf-init.sh" "$1"
tofu -chdir="$1" validate -no-color
