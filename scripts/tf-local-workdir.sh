#!/usr/bin/env bash
# usage: scripts/with-local-aws.sh scripts/tf-local-workdir.sh ENV DIR
# Prepares DIR as a working copy of _CloudOps/env/ENV for the local AWS
# emulator (moto) and runs `tofu init` there; prints the env directory.
# - Same layout as the repo, so the env's ../../stack, the stack's ../modules
#   and its ../../contract resolve.
# - Both providers (default and aws.us_east_1) point at AWS_ENDPOINT_URL with
#   dummy credentials; the s3 backend becomes a local one (state in DIR).
# - The placeholder Lambda zip is built (variable lambda_package_path).
# - With LOCAL_SWITCHES=1, _CloudOps/local/shop.tfoverride is added as an
#   override of module "shop": the switches off for what moto cannot serve
#   (see _CloudOps/README.md, "Entorno local"). A plan does not need them.
# - Test values for the variables terraform.tfvars leaves to the adopter
#   (skipped with ENV_PLAN_PLACEHOLDERS=1, to check that those refuse).
# Nothing is written into the repository.
source "$(dirname "$0")/lib.sh"
env=${1:-} out=${2:-}
[ -n "$env" ] && [ -d "$ROOT/_CloudOps/env/$env" ] && [ -n "$out" ] \
  || die "usage: $0 ENV DIR (ENV one of: $(ls "$ROOT/_CloudOps/env" | tr '\n' ' '))"
: "${AWS_ENDPOINT_URL:?run me through scripts/with-local-aws.sh}"
: "${LOCAL_AWS_TF_OVERRIDE:?run me through scripts/with-local-aws.sh}"

mkdir -p "$out/_CloudOps/env"
cp -r "$ROOT/_CloudOps/modules" "$ROOT/_CloudOps/stack" "$out/_CloudOps/"
cp -r "$ROOT/_CloudOps/env/$env" "$out/_CloudOps/env/"
cp -r "$ROOT/contract" "$out/"
find "$out" \( -name .terraform -o -name '.terraform*' -o -name '*.tfstate*' \) -prune -exec rm -rf {} +
dir="$out/_CloudOps/env/$env"

# Default provider: the override from with-local-aws.sh; the alias: the same
# settings with alias = "us_east_1" after the first line.
{
  cat "$LOCAL_AWS_TF_OVERRIDE"
  echo
  "$ROOT/scripts/tf-local-override.sh" "$AWS_ENDPOINT_URL" | sed '1a\  alias = "us_east_1"'
} >"$dir/local_aws_override.tf"
printf 'terraform {\n  backend "local" {}\n}\n' >"$dir/local_backend_override.tf"
if [ "${LOCAL_SWITCHES:-0}" = 1 ]; then
  cp "$ROOT/_CloudOps/local/shop.tfoverride" "$dir/local_switches_override.tf"
  cp "$ROOT/_CloudOps/local/cdn_function.tfoverride" "$out/_CloudOps/modules/frontend/cdn/local_function_override.tf"
fi

# Test values for what terraform.tfvars leaves to the adopter. *.auto.tfvars
# is read after terraform.tfvars, so these win. Nothing here is trusted: the
# plan runs against moto only.
if [ "${ENV_PLAN_PLACEHOLDERS:-0}" != 1 ]; then
  if [ "$env" = prod ]; then
    cat >"$dir/env_plan_test.auto.tfvars" <<'EOF'
backend_repository           = { owner = "env-plan-test", name = "backend", subject_format = "immutable", owner_id = "1000001", repository_id = "2000002" }
frontend_repository          = { owner = "env-plan-test", name = "frontend", subject_format = "immutable", owner_id = "1000001", repository_id = "2000003" }
domain_name                  = "tienda.env-plan.test"
zone_id                      = "Z0ENVPLANTEST00000000"
frontend_alb_certificate_arn = "arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555"
cognito_email_source_arn     = "arn:aws:ses:eu-west-1:111111111111:identity/tienda.env-plan.test"
cognito_email_from_address   = "Tienda <no-reply@tienda.env-plan.test>"
EOF
  else
    cat >"$dir/env_plan_test.auto.tfvars" <<'EOF'
backend_repository  = { owner = "env-plan-test", name = "backend", subject_format = "classic" }
frontend_repository = { owner = "env-plan-test", name = "frontend", subject_format = "classic" }
EOF
  fi
fi

# Placeholder package of lambda-catalog (variable lambda_package_path).
mkdir -p "$dir/build"
(cd "$ROOT/_CloudOps/modules/backend/placeholder" && python3 -m zipfile -c "$dir/build/lambda-placeholder.zip" app.py)

tofu -chdir="$dir" init -input=false -no-color >"$out/init.log" 2>&1 || { cat "$out/init.log" >&2; die "tofu init failed"; }
echo "$dir"
