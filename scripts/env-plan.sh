#!/usr/bin/env bash
# usage: scripts/with-local-aws.sh scripts/env-plan.sh ENV
# Plans _CloudOps/env/ENV (and the _CloudOps/stack it calls) against the
# local AWS emulator (moto), in a temp copy of the tree: both providers (default and aws.us_east_1) are pointed at
# AWS_ENDPOINT_URL, the s3 backend becomes a local one, and the placeholder
# Lambda zip is built there. Checks that the plan publishes every contract
# parameter for both stacks. Nothing is written into the repository.
# With ENV_PLAN_JSON=FILE, the plan (tofu show -json) is also saved there, to
# compare two plans (e.g. before and after a refactor).
# The env's committed terraform.tfvars holds placeholders that must fail; the
# plan gets test values from an *.auto.tfvars written into the temp copy
# (dev: classic OIDC subjects, prod: immutable ones). With
# ENV_PLAN_PLACEHOLDERS=1 it plans the committed values as they are and
# succeeds only if that plan fails on them (nothing trusts a placeholder).
source "$(dirname "$0")/lib.sh"
env=${1:-}
[ -n "$env" ] && [ -d "$ROOT/_CloudOps/env/$env" ] || die "usage: $0 ENV (one of: $(ls "$ROOT/_CloudOps/env" | tr '\n' ' '))"
: "${AWS_ENDPOINT_URL:?run me through scripts/with-local-aws.sh}"
: "${LOCAL_AWS_TF_OVERRIDE:?run me through scripts/with-local-aws.sh}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log "tofu init ($env)"
dir=$("$ROOT/scripts/tf-local-workdir.sh" "$env" "$tmp/work")
# ENV_PLAN_PLACEHOLDERS=1: the committed values must stop the plan, each with
# its own error. expect_refusal WHAT PATTERN...: the plan fails and its log
# matches every PATTERN.
expect_refusal() {
  local what=$1 p; shift
  log "tofu plan ($env) with $what: must fail"
  if tofu -chdir="$dir" plan -input=false -lock=false -no-color >"$tmp/refused.log" 2>&1; then
    cat "$tmp/refused.log" >&2; die "the $env plan with $what succeeded; it must fail"
  fi
  # Diagnostics are wrapped and framed with "│": compare them as one line.
  sed 's/│//g' "$tmp/refused.log" | tr -s ' \n' '  ' >"$tmp/refused.flat"
  for p in "$@"; do
    grep -Eq -- "$p" "$tmp/refused.flat" || { cat "$tmp/refused.log" >&2; die "the $env plan with $what failed, but not with: $p"; }
  done
  log "refused as expected: $*"
}
if [ "${ENV_PLAN_PLACEHOLDERS:-0}" = 1 ]; then
  expect_refusal "the committed terraform.tfvars" \
    'in module "backend_repository"' 'in module "frontend_repository"' \
    'The repository needs owner and name of your real GitHub repository'
  if [ "$env" = prod ]; then
    # Real-looking repositories, the committed example domain: the precondition.
    printf '%s\n' \
      'backend_repository  = { owner = "env-plan-test", name = "backend", subject_format = "classic" }' \
      'frontend_repository = { owner = "env-plan-test", name = "frontend", subject_format = "classic" }' \
      >"$dir/env_plan_test.auto.tfvars"
    expect_refusal "the committed example domain" 'Resource precondition failed' \
      'domain_name, zone_id, frontend_alb_certificate_arn, cognito_email_source_arn, cognito_email_from_address still hold the example values'
  fi
  exit 0
fi

log "tofu plan ($env) against $AWS_ENDPOINT_URL"
tofu -chdir="$dir" plan -input=false -lock=false -no-color -out=plan.bin >"$tmp/plan.log" 2>&1 \
  || { cat "$tmp/plan.log" >&2; die "tofu plan failed"; }
grep -E '^(Plan:|Warning:)' "$tmp/plan.log" || true
tofu -chdir="$dir" show -json plan.bin >"$tmp/plan.json"
[ -z "${ENV_PLAN_JSON:-}" ] || cp "$tmp/plan.json" "$ENV_PLAN_JSON"

python3 - "$tmp/plan.json" "$ROOT/contract/infra-parameters.yaml" "$env" <<'PY'
import json, re, sys

plan_file, contract_file, env = sys.argv[1:]
plan = json.load(open(plan_file))
# The contract is simple YAML; read name and type without a YAML library.
types = dict(re.findall(r"^\s*-\s*name:\s*(\S+)\s*\n\s*type:\s*(\S+)\s*$", open(contract_file).read(), re.M))
names = list(types)
if not names:
    sys.exit("no parameter names found in the contract")

changes = [c for c in plan.get("resource_changes", [])
           if c.get("mode") == "managed" and c["change"]["actions"] != ["no-op"]]
creates = [c for c in changes if "create" in c["change"]["actions"]]
ssm = {c["change"]["after"]["name"]: c["change"]["after"]["type"]
       for c in creates if c["type"] == "aws_ssm_parameter"}

expected = {f"/ecom/{env}/{stack}/{n}" for stack in ("frontend", "backend") for n in names}
missing, extra = sorted(expected - set(ssm)), sorted(set(ssm) - expected)
print(f"resources planned: {len(changes)} ({len(creates)} to create)")
print(f"contract SSM parameters planned: {len(expected & set(ssm))} of {len(expected)}")
wrong = sorted(p for p in expected & set(ssm) if ssm[p] != types[p.rsplit("/", 1)[1]])
if missing or extra or wrong:
    sys.exit(f"SSM contract mismatch: missing {missing}, unexpected {extra}, wrong type {wrong}")

# The deploy roles trust the test repositories in the format of this env's
# test values (env_plan_test.auto.tfvars): classic in dev, immutable in prod.
want = {
    "dev": {"backend": "repo:env-plan-test/backend:environment:dev",
            "frontend": "repo:env-plan-test/frontend:environment:dev"},
    "prod": {"backend": "repo:env-plan-test@1000001/backend@2000002:environment:prod",
             "frontend": "repo:env-plan-test@1000001/frontend@2000003:environment:prod"},
}.get(env, {})
for c in creates:
    if c["type"] == "aws_iam_role" and c["address"].startswith("module.shop.module.deploy_roles."):
        key = c["index"]
        trust = json.loads(c["change"]["after"]["assume_role_policy"])
        sub = trust["Statement"][0]["Condition"]["StringEquals"]["token.actions.githubusercontent.com:sub"]
        if key in want and sub != [want[key]]:
            sys.exit(f"deploy role {key} trusts {sub}, expected [{want[key]!r}]")
        want.pop(key, None)
if want:
    sys.exit(f"deploy roles not planned: {sorted(want)}")
print("deploy role trust: OIDC subjects as expected")
PY
