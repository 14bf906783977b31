# DAX (create_dax): an in-memory cache in front of the module's tables,
# encrypted at rest, TLS-only endpoint, role limited to those tables.

locals {
  dax_count = var.create_dax ? 1 : 0
}

data "aws_iam_policy_document" "dax_assume" {
  count = local.dax_count

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["dax.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

data "aws_iam_policy_document" "dax_tables" {
  count = local.dax_count

  statement {
    sid    = "ModuleTablesOnly"
    effect = "Allow"
    actions = [
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:Scan",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:ConditionCheckItem",
    ]
    resources = flatten([for arn in values(local.table_arns) : [arn, "${arn}/index/*"]])
  }

  # The tables are encrypted with the module key; DAX reads them through
  # DynamoDB only.
  statement {
    sid       = "ModuleKeyThroughDynamoDB"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:DescribeKey"]
    resources = [aws_kms_key.this.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "dax" {
  count = local.dax_count

  name               = "${var.name}-dax"
  description        = "Lets DAX ${local.dax_cluster_name} access the ${var.name} DynamoDB tables"
  assume_role_policy = data.aws_iam_policy_document.dax_assume[0].json

  tags = merge(var.tags, { Name = "${var.name}-dax" })
}

resource "aws_iam_role_policy" "dax" {
  count = local.dax_count

  name   = "module-tables"
  role   = aws_iam_role.dax[0].id
  policy = data.aws_iam_policy_document.dax_tables[0].json
}

resource "aws_dax_subnet_group" "this" {
  count = local.dax_count

  name        = local.dax_cluster_name
  description = "Private data subnets of ${var.name} for DAX"
  subnet_ids  = var.data_subnet_ids
}

resource "aws_dax_cluster" "this" {
  count = local.dax_count

  cluster_name       = local.dax_cluster_name
  description        = "${var.name}: cache in front of the shop tables"
  iam_role_arn       = aws_iam_role.dax[0].arn
  node_type          = var.dax_node_type
  replication_factor = var.dax_replication_factor
  subnet_group_name  = aws_dax_subnet_group.this[0].name
  security_group_ids = [aws_security_group.dax[0].id]

  cluster_endpoint_encryption_type = "TLS"

  server_side_encryption {
    enabled = true
  }

  tags = merge(var.tags, { Name = local.dax_cluster_name })

  # DAX checks the role's permissions when the cluster is created.
  depends_on = [aws_iam_role_policy.dax]

  lifecycle {
    precondition {
      condition     = length(local.dax_cluster_name) <= 20
      error_message = "The DAX cluster name \"${local.dax_cluster_name}\" is longer than the 20 characters DAX allows; set dax_cluster_name."
    }
  }
}
