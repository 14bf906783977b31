# Data layer of the shop: DynamoDB tables (always) and, behind switches,
# Aurora PostgreSQL Serverless v2, DAX and ElastiCache (Valkey) in the private
# data subnets. One customer managed KMS key encrypts everything that accepts
# one. See dynamodb.tf, aurora.tf, dax.tf and elasticache.tf.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  region     = data.aws_region.current.region
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  aurora_cluster_identifier    = "${var.name}-aurora"
  elasticache_replication_id   = "${var.name}-cache"
  dax_cluster_name             = coalesce(var.dax_cluster_name, "${var.name}-dax")
  aurora_log_group_name        = "/aws/rds/cluster/${local.aurora_cluster_identifier}/postgresql"
  elasticache_log_group_name   = "/aws/elasticache/${local.elasticache_replication_id}/slow-log"
  log_group_arn_prefix         = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:"
  encrypted_log_group_arns     = [for n in [local.aurora_log_group_name, local.elasticache_log_group_name] : "${local.log_group_arn_prefix}${n}"]
  elasticache_auth_secret_name = "${var.name}/elasticache/auth-token"

  # Stores that live in the VPC, each with its own security group that admits
  # only the app tier on the store's port.
  all_stores = {
    aurora      = { enabled = var.create_aurora, port = 5432, what = "Aurora PostgreSQL" }
    dax         = { enabled = var.create_dax, port = 9111, what = "DAX (TLS)" }
    elasticache = { enabled = var.create_elasticache, port = 6379, what = "ElastiCache Valkey (TLS)" }
  }
  stores = { for k, v in local.all_stores : k => v if v.enabled }

  store_security_group_ids = {
    aurora      = one(aws_security_group.aurora[*].id)
    dax         = one(aws_security_group.dax[*].id)
    elasticache = one(aws_security_group.elasticache[*].id)
  }

  # Checked (precondition) by the security group of every created store.
  placement_errors = compact([
    var.vpc_id == null ? "The variable vpc_id is required when create_aurora, create_dax or create_elasticache is true (network module output vpc_id)." : "",
    length(var.data_subnet_ids) < 2 ? "The variable data_subnet_ids needs at least 2 subnets in different AZs when create_aurora, create_dax or create_elasticache is true (network module output private_data_subnet_ids)." : "",
    length(var.app_security_group_ids) < 1 ? "The variable app_security_group_ids needs at least one security group when create_aurora, create_dax or create_elasticache is true; otherwise nothing could reach the data stores." : "",
  ])

  # Keys from the store name and the list index, so they are known at plan
  # time even when the security group IDs come from resources not created yet.
  app_ingress = merge({}, [for s, v in local.stores : {
    for i, sg in var.app_security_group_ids : "${s}-${i}" => { store = s, port = v.port, source = sg, index = i }
  }]...)
}

# ---------------------------------------------------------------- KMS

data "aws_iam_policy_document" "kms" {
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

  # CloudWatch Logs encrypts the Aurora and ElastiCache log groups of this
  # module with the key, and only those (encryption context).
  statement {
    sid    = "CloudWatchLogsUseForModuleLogGroups"
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
      values   = local.encrypted_log_group_arns
    }
  }
}

resource "aws_kms_key" "this" {
  description             = "${var.name}: data layer (DynamoDB, Aurora, ElastiCache, Secrets Manager, logs)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_days
  policy                  = data.aws_iam_policy_document.kms.json

  tags = merge(var.tags, { Name = "${var.name}-data" })
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}-data"
  target_key_id = aws_kms_key.this.key_id
}

# ---------------------------------------------------------------- security groups

# One group per store (not for_each) so that each is plainly attached to its
# store; every group starts without rules and gets only the ingress below.
resource "aws_security_group" "aurora" {
  count = local.aurora_count

  name        = "${var.name}-aurora"
  description = "${local.all_stores.aurora.what} of ${var.name}: TCP ${local.all_stores.aurora.port} from the app tier security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-aurora" })

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = length(local.placement_errors) == 0
      error_message = join(" ", local.placement_errors)
    }
  }
}

resource "aws_security_group" "dax" {
  count = local.dax_count

  name        = "${var.name}-dax"
  description = "${local.all_stores.dax.what} of ${var.name}: TCP ${local.all_stores.dax.port} from the app tier security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-dax" })

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = length(local.placement_errors) == 0
      error_message = join(" ", local.placement_errors)
    }
  }
}

resource "aws_security_group" "elasticache" {
  count = local.elasticache_count

  name        = "${var.name}-elasticache"
  description = "${local.all_stores.elasticache.what} of ${var.name}: TCP ${local.all_stores.elasticache.port} from the app tier security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-elasticache" })

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = length(local.placement_errors) == 0
      error_message = join(" ", local.placement_errors)
    }
  }
}

resource "aws_vpc_security_group_ingress_rule" "app" {
  for_each = local.app_ingress

  security_group_id            = local.store_security_group_ids[each.value.store]
  description                  = "TCP ${each.value.port} from the app tier (app_security_group_ids[${each.value.index}])"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.source

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}
