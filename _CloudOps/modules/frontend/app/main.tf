# frontend/app: static-site bucket (CloudFront OAC origin), ECS cluster with its
# public ALB (reachable only from CloudFront), the services' execution role and
# log groups, and the ECR repositories.
# Resources are split by concern: s3.tf, alb.tf, ecs.tf, ecr.tf; shared data,
# names and the KMS keys live here.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  # Names are built from known values so that ARNs (and the policies that use
  # them) are known at plan time.
  static_bucket_name = "${var.name}-static-${local.account_id}-${local.region}"
  static_bucket_arn  = "arn:${local.partition}:s3:::${local.static_bucket_name}"
  logs_bucket_name   = "${var.name}-logs-${local.account_id}-${local.region}"
  logs_bucket_arn    = "arn:${local.partition}:s3:::${local.logs_bucket_name}"

  # Prefixes inside the log bucket.
  alb_log_prefix       = "alb"
  s3_access_log_prefix = "s3-access/${local.static_bucket_name}/"

  # A plain boolean, not certificate_arn != null: counts must be known at plan
  # time even when the certificate is created in the same apply.
  https_enabled = var.enable_https
  create_ecr    = length(var.ecr_repositories) > 0

  # Service log groups, named like the backend module's so that the task
  # definitions follow one pattern. Known names, so the KMS key policy and the
  # execution role's policy can name them at plan time.
  service_log_group_names = { for n in var.ecs_service_names : n => "/ecs/${var.name}/${n}" }
  service_log_group_arns  = [for n in var.ecs_service_names : "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.service_log_group_names[n]}"]
  create_service_logs     = length(var.ecs_service_names) > 0

  root_principal = "arn:${local.partition}:iam::${local.account_id}:root"
}

# ---------------------------------------------------------------------------
# KMS: one key for the static bucket (CloudFront may decrypt through it) and
# one for ECR, so the CloudFront grant never reaches the container images.
# ---------------------------------------------------------------------------

resource "aws_kms_key" "static" {
  description             = "${var.name}: SSE-KMS for the static-site bucket"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = jsonencode(local.static_key_policy)
  tags                    = var.tags
}

resource "aws_kms_alias" "static" {
  name          = "alias/${var.name}-static"
  target_key_id = aws_kms_key.static.key_id
}

locals {
  static_key_policy = {
    Version = "2012-10-17"
    Statement = concat(
      [{
        # Key administration and use are delegated to IAM in this account
        # (the deploy role needs kms:GenerateDataKey to upload objects).
        Sid       = "EnableIAMPolicies"
        Effect    = "Allow"
        Principal = { AWS = local.root_principal }
        Action    = "kms:*"
        Resource  = "*"
      }],
      var.cloudfront_distribution_arn == null ? [] : [{
        # OAC reads SSE-KMS objects: CloudFront must be able to decrypt, but
        # only on behalf of this distribution.
        Sid       = "AllowCloudFrontDistributionDecrypt"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "kms:Decrypt"
        Resource  = "*"
        Condition = { StringEquals = { "AWS:SourceArn" = var.cloudfront_distribution_arn } }
      }]
    )
  }
}

resource "aws_kms_key" "ecr" {
  count = local.create_ecr ? 1 : 0

  description             = "${var.name}: encryption of the ECR repositories"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      # ECR uses grants created with the caller's IAM permissions.
      Sid       = "EnableIAMPolicies"
      Effect    = "Allow"
      Principal = { AWS = local.root_principal }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
  tags = var.tags
}

resource "aws_kms_alias" "ecr" {
  count = local.create_ecr ? 1 : 0

  name          = "alias/${var.name}-ecr"
  target_key_id = aws_kms_key.ecr[0].key_id
}

# One key for the services' log groups; CloudWatch Logs may use it only for
# those groups (encryption context aws:logs:arn).
resource "aws_kms_key" "logs" {
  count = local.create_service_logs ? 1 : 0

  description             = "${var.name}: CloudWatch log groups of the ECS services"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableIAMPolicies"
        Effect    = "Allow"
        Principal = { AWS = local.root_principal }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogsForTheServiceLogGroups"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action = [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:Describe*",
        ]
        Resource  = "*"
        Condition = { ArnEquals = { "kms:EncryptionContext:aws:logs:arn" = local.service_log_group_arns } }
      },
    ]
  })
  tags = var.tags
}

resource "aws_kms_alias" "logs" {
  count = local.create_service_logs ? 1 : 0

  name          = "alias/${var.name}-logs"
  target_key_id = aws_kms_key.logs[0].key_id
}
