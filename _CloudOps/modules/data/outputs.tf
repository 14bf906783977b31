# ---------------------------------------------------------------- KMS

output "kms_key_arn" {
  description = "ARN of the module's customer managed KMS key (tables, Aurora, ElastiCache, secrets, logs). App roles need kms:Decrypt on it via the services."
  value       = aws_kms_key.this.arn
}

output "kms_key_id" {
  description = "ID of the module's customer managed KMS key."
  value       = aws_kms_key.this.key_id
}

# ---------------------------------------------------------------- DynamoDB

output "table_names" {
  description = "DynamoDB table names by short name (e.g. { catalog = \"ecom-dev-catalog\" })."
  value       = { for k, t in aws_dynamodb_table.this : k => t.name }
}

output "table_arns" {
  description = "DynamoDB table ARNs by short name (for IAM policies; add \"/index/*\" for the GSIs)."
  value       = { for k, t in aws_dynamodb_table.this : k => t.arn }
}

output "table_stream_arns" {
  description = "DynamoDB stream ARNs by short name, only for tables with stream_view_type set."
  value       = { for k, t in aws_dynamodb_table.this : k => t.stream_arn if var.tables[k].stream_view_type != null }
}

output "catalog_table_name" {
  description = "Name of the catalog table (CATALOG_TABLE of the catalog Lambda), or null when tables has no \"catalog\" entry."
  value       = try(aws_dynamodb_table.this["catalog"].name, null)
}

# ---------------------------------------------------------------- security groups

output "security_group_ids" {
  description = "Security group IDs of the created data stores by store (aurora, dax, elasticache)."
  value       = { for k in keys(local.stores) : k => local.store_security_group_ids[k] }
}

# ---------------------------------------------------------------- Aurora

output "aurora_cluster_arn" {
  description = "ARN of the Aurora cluster, or null when create_aurora is false."
  value       = one(aws_rds_cluster.aurora[*].arn)
}

output "aurora_cluster_resource_id" {
  description = "Resource ID of the Aurora cluster (for rds-db:connect IAM policies), or null when create_aurora is false."
  value       = one(aws_rds_cluster.aurora[*].cluster_resource_id)
}

output "aurora_endpoint" {
  description = "Writer endpoint of the Aurora cluster, or null when create_aurora is false."
  value       = one(aws_rds_cluster.aurora[*].endpoint)
}

output "aurora_reader_endpoint" {
  description = "Reader endpoint of the Aurora cluster, or null when create_aurora is false."
  value       = one(aws_rds_cluster.aurora[*].reader_endpoint)
}

output "aurora_port" {
  description = "Port of the Aurora cluster, or null when create_aurora is false."
  value       = var.create_aurora ? 5432 : null
}

output "aurora_database_name" {
  description = "Database name in the Aurora cluster, or null when create_aurora is false."
  value       = var.create_aurora ? var.aurora_database_name : null
}

output "aurora_master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret (managed by RDS) with the master user's credentials, or null when create_aurora is false."
  value       = try(aws_rds_cluster.aurora[0].master_user_secret[0].secret_arn, null)
}

# ---------------------------------------------------------------- DAX

output "dax_cluster_arn" {
  description = "ARN of the DAX cluster, or null when create_dax is false."
  value       = one(aws_dax_cluster.this[*].arn)
}

output "dax_cluster_endpoint" {
  description = "Discovery endpoint of the DAX cluster (daxs://..., TLS), or null when create_dax is false."
  value       = one(aws_dax_cluster.this[*].cluster_address)
}

output "dax_port" {
  description = "Port of the DAX TLS endpoint, or null when create_dax is false."
  value       = var.create_dax ? 9111 : null
}

# ---------------------------------------------------------------- ElastiCache

output "elasticache_primary_endpoint" {
  description = "Primary endpoint of the Valkey replication group (TLS), or null when create_elasticache is false."
  value       = one(aws_elasticache_replication_group.this[*].primary_endpoint_address)
}

output "elasticache_reader_endpoint" {
  description = "Reader endpoint of the Valkey replication group, or null when create_elasticache is false."
  value       = one(aws_elasticache_replication_group.this[*].reader_endpoint_address)
}

output "elasticache_port" {
  description = "Port of the Valkey replication group, or null when create_elasticache is false."
  value       = var.create_elasticache ? 6379 : null
}

output "elasticache_auth_token_secret_arn" {
  description = "ARN of the Secrets Manager secret with the Valkey AUTH token, or null when create_elasticache is false."
  value       = one(aws_secretsmanager_secret.elasticache_auth[*].arn)
}
