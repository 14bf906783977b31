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
fi

# Placeholder package of lambda-catalog (variable lambda_package_path).
mkdir -p "$dir/build"
(cd "$ROOT/_CloudOps/modules/backend/placeholder" && python3 -m zipfile -c "$dir/build/lambda-placeholder.zip" app.py)

tofu -chdir="$dir" init -input=false -no-color >"$out/init.log" 2>&1 || { cat "$out/init.log" >&2; die "tofu init failed"; }
echo "$dir"
