# VPC flow logs -> CloudWatch Logs group encrypted with a customer managed KMS
# key, with retention, written by a role that can only write to that group.

locals {
  flow_logs_count          = var.enable_flow_logs ? 1 : 0
  flow_logs_log_group_name = "/aws/vpc/${var.name}/flow-logs"
  flow_logs_log_group_arn  = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.flow_logs_log_group_name}"
}

data "aws_iam_policy_document" "flow_logs_kms" {
  count = local.flow_logs_count

  #checkov:skip=CKV_AWS_109:A key policy's Resource "*" means only this key; the account root statement is what lets IAM policies grant access to it.
  #checkov:skip=CKV_AWS_111:A key policy's Resource "*" means only this key; the account root statement is what lets IAM policies grant access to it.
  #checkov:skip=CKV_AWS_356:A key policy's Resource "*" means only this key; it cannot name its own ARN before it exists.
  statement {
    sid       = "AccountAdministration"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid    = "CloudWatchLogsUseForFlowLogGroup"
    effect = "Allow"
    actions = [
      "kms:Encrypt",
      "kms:Decrypt",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:Describe*",
    ]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${local.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = [local.flow_logs_log_group_arn]
    }
  }
}

resource "aws_kms_key" "flow_logs" {
  count = local.flow_logs_count

  description             = "${var.name}: VPC flow logs (CloudWatch Logs)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_days
  policy                  = data.aws_iam_policy_document.flow_logs_kms[0].json

  tags = merge(var.tags, { Name = "${var.name}-flow-logs" })
}

resource "aws_kms_alias" "flow_logs" {
  count = local.flow_logs_count

  name          = "alias/${var.name}-flow-logs"
  target_key_id = aws_kms_key.flow_logs[0].key_id
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  count = local.flow_logs_count

  name              = local.flow_logs_log_group_name
  retention_in_days = var.flow_logs_retention_days
  kms_key_id        = aws_kms_key.flow_logs[0].arn

  tags = merge(var.tags, { Name = "${var.name}-flow-logs" })
}

data "aws_iam_policy_document" "flow_logs_assume" {
  count = local.flow_logs_count

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }

    # Confused deputy protection: only flow logs of this account.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:vpc-flow-log/*"]
    }
  }
}

data "aws_iam_policy_document" "flow_logs_write" {
  count = local.flow_logs_count

  statement {
    sid    = "WriteFlowLogGroupOnly"
    effect = "Allow"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogStreams",
    ]
    # Built from the known name (not the resource attribute) so that the
    # policy is known at plan time; the role policy still targets only it.
    resources = [
      local.flow_logs_log_group_arn,
      "${local.flow_logs_log_group_arn}:*",
    ]
  }
}

resource "aws_iam_role" "flow_logs" {
  count = local.flow_logs_count

  name               = "${var.name}-vpc-flow-logs"
  description        = "Lets VPC Flow Logs write to ${local.flow_logs_log_group_name}"
  assume_role_policy = data.aws_iam_policy_document.flow_logs_assume[0].json

  tags = merge(var.tags, { Name = "${var.name}-vpc-flow-logs" })
}

resource "aws_iam_role_policy" "flow_logs" {
  count = local.flow_logs_count

  name   = "write-flow-log-group"
  role   = aws_iam_role.flow_logs[0].id
  policy = data.aws_iam_policy_document.flow_logs_write[0].json
}

resource "aws_flow_log" "this" {
  count = local.flow_logs_count

  vpc_id                   = aws_vpc.this.id
  traffic_type             = var.flow_logs_traffic_type
  log_destination_type     = "cloud-watch-logs"
  log_destination          = aws_cloudwatch_log_group.flow_logs[0].arn
  iam_role_arn             = aws_iam_role.flow_logs[0].arn
  max_aggregation_interval = 600

  tags = merge(var.tags, { Name = var.name })

  # The role must be able to write before the first delivery.
  depends_on = [aws_iam_role_policy.flow_logs]
}
