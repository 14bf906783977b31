#!/usr/bin/env bash
# usage: scripts/tf-local-override.sh ENDPOINT
# Prints a provider override (an *_override.tf file) that sends the AWS
# provider to a local emulator. Used only in local runs, never committed
# into an environment.
set -euo pipefail
ep=$1
services="acm apigatewayv2 cloudfront cloudwatch cloudwatchlogs cognitoidp dax dynamodb ec2 ecr ecs elasticache elbv2 iam kms lambda rds route53 s3 secretsmanager ssm sts wafv2"
cat <<HCL
provider "aws" {
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  s3_use_path_style           = true
  # An emulator's HTTP 500 is a bug, not a transient error: fail in seconds
  # instead of retrying for minutes (default 25).
  max_retries = 3
  endpoints {
$(for s in $services; do printf '    %-14s = "%s"\n' "$s" "$ep"; done)
  }
}
HCL
