# DynamoDB tables of the shop: on-demand, PITR, customer managed KMS key,
# deletion protection from var.deletion_protection.

locals {
  table_names = { for k, _ in var.tables : k => "${var.name}-${k}" }
  # Built from the known names so that policies (DAX role) are known at plan.
  table_arns = { for k, n in local.table_names : k => "arn:${local.partition}:dynamodb:${local.region}:${local.account_id}:table/${n}" }

  # Every key attribute of a table (table keys and GSI keys) with its type;
  # the tables variable validation guarantees one type per name.
  table_attributes = { for k, t in var.tables : k => merge(
    { (t.hash_key) = t.hash_key_type },
    t.range_key == null ? {} : { (t.range_key) = t.range_key_type },
    merge([for g in values(t.global_secondary_indexes) : merge(
      { (g.hash_key) = g.hash_key_type },
      g.range_key == null ? {} : { (g.range_key) = g.range_key_type },
    )]...),
  ) }
}

resource "aws_dynamodb_table" "this" {
  for_each = var.tables

  name                        = local.table_names[each.key]
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = each.value.hash_key
  range_key                   = each.value.range_key
  deletion_protection_enabled = var.deletion_protection
  stream_enabled              = each.value.stream_view_type != null
  stream_view_type            = each.value.stream_view_type

  dynamic "attribute" {
    for_each = local.table_attributes[each.key]
    content {
      name = attribute.key
      type = attribute.value
    }
  }

  # hash_key/range_key inside the GSI (deprecated in favour of key_schema in
  # recent 6.x) work on every 6.x release that versions.tf admits; key_schema
  # only exists, and had data-loss bugs fixed, in much later ones.
  dynamic "global_secondary_index" {
    for_each = each.value.global_secondary_indexes
    content {
      name               = global_secondary_index.key
      hash_key           = global_secondary_index.value.hash_key
      range_key          = global_secondary_index.value.range_key
      projection_type    = global_secondary_index.value.projection_type
      non_key_attributes = global_secondary_index.value.projection_type == "INCLUDE" ? global_secondary_index.value.non_key_attributes : null
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl_attribute == null ? [] : [each.value.ttl_attribute]
    content {
      enabled        = true
      attribute_name = ttl.value
    }
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = var.pitr_recovery_period_days
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.this.arn
  }

  tags = merge(var.tags, { Name = local.table_names[each.key] })
}
