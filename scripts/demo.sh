#!/usr/bin/env bash
# usage: scripts/demo.sh (make demo) — the whole shop on local AWS, for a person:
#   1. local AWS (moto) on 127.0.0.1;
#   2. tofu apply of env/dev (scripts/local-env.sh: the real stack, local switches);
#   3. the catalog table seeded with sample products;
#   4. lambda-catalog and orders-service deployed with the action, twice (round 2: changed=false),
#      GitHub's OIDC token service and API faked on loopback;
#   5. the storefront served against the catalog handler (in-process: moto cannot
#      invoke Lambda without Docker), and orders-service;
#   6. the URLs and the deploy summary.
# Everything keeps running until `make demo-down` (scripts/demo-down.sh).
# DEMO_DIR (default ~/.cache/ecom-deploy/demo) holds the state, logs and pids.
# DEMO_BUILD=0 skips `cargo build --release` (the binary must exist).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export DEMO_DIR=${DEMO_DIR:-$CACHE/demo}
env=dev
step() { log "[$1/6] $2"; }

if [ -z "${DEMO_INSIDE:-}" ]; then
  [ ! -e "$DEMO_DIR/moto.pid" ] || die "a demo is already running (state in $DEMO_DIR): run 'make demo-down' first"
  if [ "${DEMO_BUILD:-1}" = 1 ]; then log "building the action's release binary"; cargo build --release --quiet; fi
  rm -rf "$DEMO_DIR" && mkdir -p "$DEMO_DIR"
  step 1 "local AWS (moto)"
  DEMO_INSIDE=1 LOCAL_AWS_KEEP="$DEMO_DIR" exec "$ROOT/scripts/with-local-aws.sh" "$0"
fi
# From here on, inside with-local-aws.sh; on failure, stop everything.
trap 'rc=$?; [ $rc -eq 0 ] || { log "demo failed (rc=$rc): stopping it"; "$ROOT/scripts/demo-down.sh"; }' EXIT
py=$ECOM_PYTHON
export LOCAL_ENV_DIR="$DEMO_DIR/env"
region=$("$py" -c "import sys; sys.path.insert(0, 'scripts'); from local_shop import env_setting; print(env_setting('$env', 'aws_region'))")

step 2 "tofu apply of env/$env (a few minutes)"
scripts/local-env.sh apply "$env"
outputs=$(scripts/local-env.sh output "$env")
out() { "$py" -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]]['value'])" "$outputs" "$1"; }

step 3 "seeding the catalog table $(out catalog_table_name)"
AWS_REGION=$region "$py" scripts/demo_apps.py seed "$env" "$(out catalog_table_name)"

step 4 "deploying lambda-catalog and orders-service with the action (two rounds)"
AWS_REGION=$region "$py" scripts/demo_apps.py deploy "$env" "$(out backend_deploy_role_arn)" "$DEMO_DIR/summary.txt"

step 5 "serving the storefront (catalog handler in-process) and orders-service"
start() { # start NAME ARGS...: a background server with its pid and port files
  local name=$1; shift
  AWS_REGION=$region "$py" scripts/demo_serve.py "$name" "$DEMO_DIR/$name.port" "$@" >"$DEMO_DIR/$name.log" 2>&1 &
  echo $! >"$DEMO_DIR/$name.pid"
}
start storefront "$(out lambda_function_name)"
start orders
for name in storefront orders; do
  for _ in $(seq 1 100); do [ -s "$DEMO_DIR/$name.port" ] && break; sleep 0.1; done
  [ -s "$DEMO_DIR/$name.port" ] || { cat "$DEMO_DIR/$name.log" >&2; die "$name did not start"; }
done
shop="http://127.0.0.1:$(cat "$DEMO_DIR/storefront.port")"
orders="http://127.0.0.1:$(cat "$DEMO_DIR/orders.port")"
curl -fsS "$shop/api/catalog?limit=1" >/dev/null || die "the catalog API does not answer at $shop/api/catalog"
curl -fsS "$orders/health" >/dev/null || die "orders-service does not answer at $orders/health"
echo "$shop" >"$DEMO_DIR/storefront.url"

step 6 "ready"
cat <<TXT
Tienda:          $shop/
API del catálogo: $shop/api/catalog
orders-service:  $orders/health
AWS local (moto): $AWS_ENDPOINT_URL   (export \$(cat $DEMO_DIR/env.sh | cut -d' ' -f3-) para usarlo con aws/boto3)
Despliegues:
$(sed 's/^/  /' "$DEMO_DIR/summary.txt")
Parar todo: make demo-down
TXT
