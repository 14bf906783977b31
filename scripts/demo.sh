#!/usr/bin/env bash
# usage: scripts/with-local-aws.sh scripts/demo.sh
# The main job on local emulated AWS: what the infrastructure would have
# created is seeded into moto, then the action deploys the sample apps
# (lambda-catalog and orders-service) twice: the second run changes nothing.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
py="$CACHE/venv/bin/python"
log "building the release binary"
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/ecom-deploy"

log "seeding moto with the infrastructure (function ecom-dev-lambda-catalog, ECS cluster, ALB, ECR image)"
"$py" tests/integration/support/seed.py lambda ecom-dev-lambda-catalog >/dev/null
infra=$("$py" tests/integration/support/seed.py ecs ecom-demo)
get() { "$py" -c "import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print(','.join(v) if isinstance(v,list) else v)" "$infra" "$1"; }

out=$(mktemp); trap 'rm -f "$out"' EXIT
deploy_lambda() {
  GITHUB_OUTPUT=$out GITHUB_WORKSPACE=$ROOT "$bin" --mode lambda --function-name ecom-dev-lambda-catalog \
    --source Backend-repo/lambda-catalog/src --exclude '**/__pycache__/**'
}
deploy_ecs() {
  GITHUB_OUTPUT=$out GITHUB_WORKSPACE=$ROOT "$bin" --mode ecs \
    --task-definition Backend-repo/orders-service/taskdef.yaml --container-name orders \
    --image "$(get repo):v1" --cluster "$(get cluster)" --service orders --desired-count 2 \
    --subnets "$(get subnets)" --security-groups "$(get security_group)" \
    --listener-arn "$(get listener_arn)" --path-pattern '/orders,/orders/*' --wait-timeout-minutes 2
}
for round in 1 2; do
  log "round $round: Lambda deploy of lambda-catalog"
  : >"$out"; deploy_lambda; sed 's/^/    output: /' "$out"
  log "round $round: ECS deploy of orders-service"
  : >"$out"; deploy_ecs; sed 's/^/    output: /' "$out"
done
log "demo done: round 2 reports changed=false for both"
