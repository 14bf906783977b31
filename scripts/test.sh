#!/usr/bin/env bash
# usage: scripts/test.sh [lint|unit|integration|all]
# Runs the project's suites and ends with one line: N passed, N failed, N skipped.
# A check counts as one; a test runner adds the tests it reports.
source "$(dirname "$0")/lib.sh"
what=${1:-all}
cd "$ROOT"
passed=0 failed=0 skipped=0 failures=()
logs=$(mktemp -d); trap 'rm -rf "$logs"' EXIT

sum_of() { { grep -Eo "$1" "$2" || true; } | awk '{s+=$1} END{print s+0}'; }
count() { # count NAME RC LOGFILE: add a runner's own counts, or 1 for a check
  local name=$1 rc=$2 f=$3 p=0 x=0 s=0
  p=$(sum_of '[0-9]+ passed' "$f")
  x=$(sum_of '[0-9]+ failed' "$f")
  s=$(sum_of '[0-9]+ (skipped|ignored)' "$f")
  if [ "$rc" -ne 0 ] && [ "$x" -eq 0 ]; then x=1; fi
  if [ $((p + x + s)) -eq 0 ]; then p=1; fi
  passed=$((passed + p)) failed=$((failed + x)) skipped=$((skipped + s))
  if [ "$rc" -ne 0 ]; then failures+=("$name"); log "FAIL $name"; tail -n 40 "$f" >&2
  else log "ok   $name ($p passed${x:+, $x failed}${s:+, $s skipped})"; fi
}
check() { # check NAME CMD...: run CMD, keep its output, count it
  local name=$1 f; shift
  f="$logs/$(echo "$name" | tr -c 'a-zA-Z0-9' _).log"
  log "run  $name"
  set +e; "$@" >"$f" 2>&1; local rc=$?; set -e
  count "$name" "$rc" "$f"
}
skip() { skipped=$((skipped + 1)); log "skip $1 ($2)"; }

tf_dirs() { find _CloudOps -name versions.tf -not -path '*/.terraform/*' -printf '%h\n' 2>/dev/null | sort; }
py_dirs() { find Backend-repo Frontend-repo -name conftest.py -printf '%h\n' 2>/dev/null | sort; }

lint() {
  check "cargo fmt --check" cargo fmt --check
  check "cargo clippy" cargo clippy --all-targets --quiet -- -D warnings
  if [ -n "$(tf_dirs)" ]; then
    check "tofu fmt -check" tofu fmt -check -recursive _CloudOps
    for d in $(tf_dirs); do check "tofu validate $d" scripts/tf-validate.sh "$d"; done
    check "tflint" scripts/tflint.sh
    check "checkov" checkov --quiet --compact --skip-download --framework terraform -d _CloudOps
    check "module READMEs up to date" scripts/tf-docs.sh --check
  else skip terraform "no modules yet"; fi
  if ls .github/workflows/*.yml Backend-repo/.github/workflows/*.yml Frontend-repo/.github/workflows/*.yml >/dev/null 2>&1; then
    check "actionlint" scripts/actionlint.sh
  else skip actionlint "no workflows yet"; fi
}
unit() {
  check "cargo test (unit)" cargo test --release --quiet --lib --bins
  local mods; mods=$(tf_dirs | grep /modules/ || true)
  if [ -n "$mods" ]; then
    for d in $mods; do
      if ls "$d"/tests/*.tftest.hcl >/dev/null 2>&1; then check "tofu test $d" scripts/tf-test.sh "$d"
      else skip "tofu test $d" "no tests"; fi
    done
  else skip "tofu test" "no modules yet"; fi
  # The account bootstrap is a root, not a module: its mock tests run here.
  check "tofu test _CloudOps/bootstrap" scripts/tf-test.sh _CloudOps/bootstrap
  check "release tag logic" scripts/release-tags-test.sh
  check "CloudFront /api strip-prefix function" node _CloudOps/modules/frontend/cdn/tests/strip_path_prefix_test.js
  local py; py=$(py_dirs)
  if [ -n "$py" ]; then for d in $py; do check "pytest $d" pytest -q -p no:cacheprovider "$d"; done
  else skip pytest "no Python apps yet"; fi
}
integration() {
  if ls tests/integration/*.rs >/dev/null 2>&1; then
    # The tests mostly wait on moto and on polls: more threads than cores.
    check "cargo test (integration, moto)" scripts/with-local-aws.sh cargo test --quiet --release --test integration -- --test-threads 6
  else skip "cargo integration tests" "none yet"; fi
  check "pytest aws_proxy strict behaviours" scripts/with-local-aws.sh pytest -q -p no:cacheprovider tests/integration/support/test_aws_proxy.py
  if [ -x scripts/env-plan.sh ] && [ -d _CloudOps/env ]; then
    check "tofu plan env/dev against moto" scripts/with-local-aws.sh scripts/env-plan.sh dev
    check "tofu plan env/prod against moto" scripts/with-local-aws.sh scripts/env-plan.sh prod
    check "env/dev refuses its committed placeholders" env ENV_PLAN_PLACEHOLDERS=1 scripts/with-local-aws.sh scripts/env-plan.sh dev
    check "env/prod refuses its committed placeholders" env ENV_PLAN_PLACEHOLDERS=1 scripts/with-local-aws.sh scripts/env-plan.sh prod
    # tofu apply of env/dev on moto, the action deploys both apps (release
    # binary built above by cargo test), browser test, make demo-down.
    check "make demo (apply env/dev on moto, deploy), browser test, make demo-down" scripts/demo-check.sh
  fi
}

# The cargo target dir is shared by every clone on this machine (see lib.sh),
# and cargo trusts an artifact that is newer than the sources it sees. Drop
# this crate's own artifacts so the tests always run code built from this
# tree; the ~300 dependencies stay cached.
cargo clean --quiet -p ecom-deploy
cargo clean --quiet --release -p ecom-deploy

case $what in
  lint) lint ;; unit) unit ;; integration) integration ;;
  all) lint; unit; integration ;;
  *) die "unknown suite '$what' (lint, unit, integration, all)" ;;
esac
[ ${#failures[@]} -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
