#!/usr/bin/env bash
# usage: AWS_REGION=<the env's aws_region> scripts/app-teardown.sh ENV
# Deletes what the deploy action created in environment ENV (ECS services,
# their listener rules, target groups and task definitions, and the app
# images in the ECR repositories), so that `tofu destroy` of the environment
# then succeeds and leaves nothing behind. See scripts/app_teardown.py.
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: AWS_REGION=<region> $0 ENV"
exec "${ECOM_PYTHON:-$CACHE/venv/bin/python}" "$ROOT/scripts/app_teardown.py" "$1"
