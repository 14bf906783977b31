#!/usr/bin/env bash
# Tests of scripts/release-tags.sh (the release workflow's tag logic).
# Prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
script=scripts/release-tags.sh
passed=0 failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*" >&2; }

# expect TAG "EXISTING..." EXPECTED_OUTPUT
expect() {
  local tag=$1 existing=$2 want=$3 got
  # shellcheck disable=SC2086
  if got=$("$script" plan "$tag" $existing 2>&1) && [ "$got" = "$want" ]; then ok
  else ko "plan $tag (existing: $existing): got [$got], want [$want]"; fi
}
# refuse TAG: must exit non-zero naming the tag
refuse() {
  local got
  if got=$("$script" plan "$1" 2>&1); then ko "plan $1 succeeded: [$got]"
  elif [[ $got == *"'$1' is not a release tag"* ]]; then ok
  else ko "plan $1 failed without naming the tag: [$got]"; fi
}
out() { printf 'version=%s\nimage_tag=%s\nprerelease=%s\nmajor_tag=%s\nmove_major=%s' "$1" "$1" "$2" "$3" "$4"; }

expect v1.2.3 "v1.0.0 v1.2.2" "$(out 1.2.3 false v1 true)"
expect v1.2.3 "" "$(out 1.2.3 false v1 true)"
expect v1.2.3-rc.1 "v1.2.2" "$(out 1.2.3-rc.1 true v1 false)"
expect v2.0.0 "v1.9.0 v1.10.0" "$(out 2.0.0 false v2 true)"
expect v2.0.0-beta.2 "v1.10.0" "$(out 2.0.0-beta.2 true v2 false)"
# numeric, not lexical: v1.10.0 is above v1.9.x
expect v1.10.0 "v1.9.0 v1.2.3" "$(out 1.10.0 false v1 true)"
expect v1.9.1 "v1.9.0 v1.10.0" "$(out 1.9.1 false v1 false)"
# a prerelease of a higher version does not hold back a stable one
expect v1.4.0 "v1.5.0-rc.1 v1.3.0" "$(out 1.4.0 false v1 true)"
# v0.x has no major tag to move
expect v0.3.0 "v0.2.0" "$(out 0.3.0 false v0 false)"
for bad in foo v1 v1.2 1.2.3 v1.2.3.4 v01.2.3 "v1.2.3 " v1.2.3- v1.2.3+build; do refuse "$bad"; done

# pin: rewrites runs.image only, and only with a digest
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp action.yml "$tmp/action.yml"
digest=sha256:$(printf '%064d' 7)
"$script" pin "$tmp/action.yml" "ghcr.io/acme/ecom-deploy:1.2.3@$digest"
if [ "$(sed -n '/^runs:/,$p' "$tmp/action.yml" | grep -c "^  image: docker://ghcr.io/acme/ecom-deploy:1.2.3@$digest\$")" = 1 ]; then ok
else ko "pin did not write the image under runs: $(sed -n '/^runs:/,$p' "$tmp/action.yml")"; fi
if diff <(grep -v '^  image: ' action.yml) <(grep -v '^  image: ' "$tmp/action.yml") >/dev/null; then ok
else ko "pin changed more than runs.image"; fi
if "$script" pin "$tmp/action.yml" "ghcr.io/acme/ecom-deploy:v1" 2>/dev/null; then ko "pin accepted a tag without digest"; else ok; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
