# Two customer managed keys with yearly rotation: one for the module's log
# groups, one for the app secrets. Separate keys keep the secrets' key policy
# and audit trail apart from the (noisier) logs key.

resource "aws_kms_key" "logs" {
  description             = "${var.name_prefix} backend: CloudWatch log groups (API access logs, lambda-catalog, ECS Exec, ECS services)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogsForThisModulesLogGroups"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action = [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:Describe*",
        ]
        Resource = "*"
        Condition = {
          ArnEquals = { "kms:EncryptionContext:aws:logs:arn" = local.module_log_group_arns }
        }
      },
    ]
  })
  tags = var.tags
}

resource "aws_kms_alias" "logs" {
  name          = "alias/${var.name_prefix}-backend-logs"
  target_key_id = aws_kms_key.logs.key_id
}

resource "aws_kms_key" "secrets" {
  description             = "${var.name_prefix} backend: Secrets Manager application secrets"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days
  # Only the account root: IAM policies decide who may use it, and Secrets
  # Manager uses it on the caller's behalf (kms:ViaService, see ecs.tf).
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
    ]
  })
  tags = var.tags
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${var.name_prefix}-backend-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}
