#!/usr/bin/env bash
# usage: scripts/with-local-aws.sh CMD [ARGS...]
# Starts moto server on 127.0.0.1 on a free port, exports what the AWS SDKs
# and the AWS provider need to reach it, runs CMD, and always stops moto.
# With LOCAL_AWS_KEEP=DIR (make demo), moto keeps running after CMD: its pid
# is in DIR/moto.pid and the exports in DIR/env.sh (make demo-down stops it).
source "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: $0 CMD [ARGS...]"
command -v moto_server >/dev/null || die "moto_server not found: run 'make setup' first"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
state=${LOCAL_AWS_KEEP:-$(mktemp -d)}
mkdir -p "$state"
# ECS services reach their desired count in moto only up to this many tasks.
# ACM certificates leave PENDING_VALIDATION after this many seconds (moto's
# default, 60, would stall an apply that waits for validation). AWS managed
# IAM policies (e.g. AmazonECSTaskExecutionRolePolicy) exist only when loaded.
MOTO_ECS_SERVICE_RUNNING="${MOTO_ECS_SERVICE_RUNNING:-4}" \
  MOTO_ACM_VALIDATION_WAIT="${MOTO_ACM_VALIDATION_WAIT:-0}" \
  MOTO_IAM_LOAD_MANAGED_POLICIES=true \
  moto_server -H 127.0.0.1 -p "$port" >"$state/moto.log" 2>&1 &
moto_pid=$!
stop() {
  kill "$moto_pid" 2>/dev/null && wait "$moto_pid" 2>/dev/null
  rm -rf "$state"
}
if [ -n "${LOCAL_AWS_KEEP:-}" ]; then
  echo "$moto_pid" >"$state/moto.pid"
else
  trap stop EXIT INT TERM
fi

endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$endpoint/moto-api/" 2>/dev/null && break
  kill -0 "$moto_pid" 2>/dev/null || { cat "$state/moto.log" >&2; die "moto server exited"; }
  sleep 0.1
done
curl -fsS -o /dev/null "$endpoint/moto-api/" || die "moto server did not answer on $endpoint"

export AWS_ENDPOINT_URL="$endpoint" AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export ECOM_PYTHON="$CACHE/venv/bin/python"

# For tofu: a provider override that points every service used at moto.
export LOCAL_AWS_TF_OVERRIDE="$state/local_aws_override.tf"
"$ROOT/scripts/tf-local-override.sh" "$endpoint" >"$LOCAL_AWS_TF_OVERRIDE"

[ -z "${LOCAL_AWS_KEEP:-}" ] || export -p | grep -E ' (AWS_[A-Z_]+|ECOM_PYTHON|LOCAL_AWS_TF_OVERRIDE)=' >"$state/env.sh"
log "local AWS (moto) at $endpoint"
"$@"
