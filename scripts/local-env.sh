#!/usr/bin/env bash
# usage: scripts/with-local-aws.sh scripts/local-env.sh apply|plan|destroy|output ENV
# The environment ENV (dev) applied for real against the local AWS emulator:
# the same _CloudOps/env/ENV root and _CloudOps/stack as in AWS, with the
# overrides of scripts/tf-local-workdir.sh (providers -> moto, local state,
# switches of _CloudOps/local/shop.tfoverride). The working copy and its state
# live in LOCAL_ENV_DIR (default: a directory per moto endpoint under
# $CACHE/local-env), so apply, plan and destroy can run one after the other.
#   apply    prepare the working copy (once) and `tofu apply`
#   plan     `tofu plan -detailed-exitcode`: fails (exit 2) when there are changes
#   destroy  `tofu destroy`, then removes the working copy
#   output   `tofu output -json`
source "$(dirname "$0")/lib.sh"
cmd=${1:-} env=${2:-}
[ -n "$cmd" ] && [ -n "$env" ] || die "usage: $0 apply|plan|destroy|output ENV"
: "${AWS_ENDPOINT_URL:?run me through scripts/with-local-aws.sh}"
work=${LOCAL_ENV_DIR:-$CACHE/local-env/$env-${AWS_ENDPOINT_URL##*:}}
dir="$work/_CloudOps/env/$env"
tf() { tofu -chdir="$dir" "$@" -input=false -no-color; }
# tf_logged LOG WHAT ARGS...: tofu ARGS into LOG, with a progress line every 20 s.
tf_logged() {
  local logf=$1 what=$2 ticker rc=0; shift 2
  ( while sleep 20; do log "  ... $(grep -c "$what complete" "$logf" || true) resources so far"; done ) &
  ticker=$!
  tf "$@" >"$logf" 2>&1 || rc=$?
  kill "$ticker" 2>/dev/null || true
  return "$rc"
}

case $cmd in
  apply)
    if [ ! -d "$dir/.terraform" ]; then
      log "preparing $work (tofu init, local switches)"
      LOCAL_SWITCHES=1 "$ROOT/scripts/tf-local-workdir.sh" "$env" "$work" >/dev/null
    fi
    log "tofu apply ($env) against $AWS_ENDPOINT_URL"
    tf_logged "$work/apply.log" Creation apply -auto-approve -parallelism="${TF_PARALLELISM:-10}" \
      || { tail -n 60 "$work/apply.log" >&2; die "tofu apply failed (log: $work/apply.log)"; }
    grep -E '^Apply complete' "$work/apply.log" >&2
    ;;
  plan)
    [ -d "$dir/.terraform" ] || die "no applied environment in $work: run '$0 apply $env' first"
    log "tofu plan -detailed-exitcode ($env)"
    set +e
    tf plan -detailed-exitcode -lock=false >"$work/plan.log" 2>&1
    rc=$?
    set -e
    case $rc in
      0) grep -E '^No changes' "$work/plan.log" >&2 ;;
      2) grep -E '^  # |^Plan:' "$work/plan.log" >&2; die "the plan after apply wants changes (log: $work/plan.log)" ;;
      *) tail -n 40 "$work/plan.log" >&2; die "tofu plan failed (log: $work/plan.log)" ;;
    esac
    ;;
  destroy)
    [ -d "$dir/.terraform" ] || die "no applied environment in $work"
    log "tofu destroy ($env)"
    tf_logged "$work/destroy.log" Destruction destroy -auto-approve -parallelism="${TF_PARALLELISM:-10}" \
      || { tail -n 60 "$work/destroy.log" >&2; die "tofu destroy failed (log: $work/destroy.log)"; }
    grep -E '^Destroy complete' "$work/destroy.log" >&2
    rm -rf "$work"
    ;;
  output)
    tofu -chdir="$dir" output -json
    ;;
  *) die "unknown command '$cmd' (apply, plan, destroy, output)" ;;
esac
