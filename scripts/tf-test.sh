#!/usr/bin/env bash
# usage: scripts/tf-test.sh DIR — run the module's tests/*.tftest.hcl (mock providers).
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/tf-init.sh" "$1"
tofu -chdir="$1" test -no-color
