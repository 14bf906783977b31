#!/usr/bin/env bash
# usage: scripts/with-local-aws.sh scripts/env-plan.sh ENV
# Plans _CloudOps/env/ENV (and the _CloudOps/stack it calls) against the
# local AWS emulator (moto), in a temp copy of the tree: both providers (default and aws.us_east_1) are pointed at
# AWS_ENDPOINT_URL, the s3 backend becomes a local one, and the placeholder
# Lambda zip is built there. Checks that the plan publishes every contract
# parameter for both stacks. Nothing is written into the repository.
# With ENV_PLAN_JSON=FILE, the plan (tofu show -json) is also saved there, to
# compare two plans (e.g. before and after a refactor).
source "$(dirname "$0")/lib.sh"
env=${1:-}
[ -n "$env" ] && [ -d "$ROOT/_CloudOps/env/$env" ] || die "usage: $0 ENV (one of: $(ls "$ROOT/_CloudOps/env" | tr '\n' ' '))"
: "${AWS_ENDPOINT_URL:?run me through scripts/with-local-aws.sh}"
: "${LOCAL_AWS_TF_OVERRIDE:?run me through scripts/with-local-aws.sh}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log "tofu init ($env)"
dir=$("$ROOT/scripts/tf-local-workdir.sh" "$env" "$tmp/work")
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
PY
