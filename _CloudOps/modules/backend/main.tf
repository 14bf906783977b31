# Backend stack of the shop: HTTP API + Cognito in front, the lambda-catalog
# function and an internal ALB/ECS cluster behind, app secrets on the side.
# Resources are split by concern: api.tf, cognito.tf, lambda.tf, alb.tf,
# ecs.tf, secrets.tf, kms.tf. This file holds shared lookups and names.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  region     = data.aws_region.current.region
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # Log group names are fixed here so that their ARNs are known at plan time
  # (IAM and KMS policies reference them) and the KMS key policy can name them.
  api_log_group_name    = "/aws/apigateway/${var.name_prefix}-http-api"
  lambda_function_name  = "${var.name_prefix}-lambda-catalog"
  lambda_log_group_name = "/aws/lambda/${local.lambda_function_name}"
  ecs_cluster_name      = "${var.name_prefix}-backend"
  exec_log_group_name   = "/aws/ecs/${local.ecs_cluster_name}/exec"

  service_log_group_names = { for n in var.ecs_service_names : n => "/ecs/${var.name_prefix}/${n}" }

  log_group_arn_prefix = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:"
  lambda_log_group_arn = "${local.log_group_arn_prefix}${local.lambda_log_group_name}"
  module_log_group_arns = concat(
    [
      "${local.log_group_arn_prefix}${local.api_log_group_name}",
      local.lambda_log_group_arn,
      "${local.log_group_arn_prefix}${local.exec_log_group_name}",
    ],
    [for n in var.ecs_service_names : "${local.log_group_arn_prefix}${local.service_log_group_names[n]}"],
  )

  catalog_table_name = element(split("/", var.catalog_table_arn), 1)

  # HTTPS on the internal ALB is optional; the listener the API and the deploy
  # action use is the HTTPS one when it exists. Driven by a plain boolean, not
  # by alb_certificate_arn != null, so counts stay known at plan time when the
  # certificate is created in the same apply.
  alb_https       = var.enable_alb_https
  alb_listen_port = local.alb_https ? 443 : 80
}
