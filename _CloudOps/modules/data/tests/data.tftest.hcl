# Behaviour of the data module with a mocked AWS provider (plan only).

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      region = "eu-west-1"
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{}"
    }
  }

  # The provider still validates ARN arguments, so the mocked ARNs must parse.
  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/mock"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-1:123456789012:log-group:mock"
    }
  }

  mock_resource "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mock-AbCdEf"
    }
  }

  mock_data "aws_secretsmanager_random_password" {
    defaults = {
      random_password = "MockedAuthToken0123456789abcdefMockedAuthToken0123456789abcdefXY"
    }
  }
}

variables {
  name = "ecom-test"
}

# ------------------------------------------------------------------ defaults

run "defaults_create_only_the_catalog_table" {
  command = plan

  assert {
    condition     = toset(keys(aws_dynamodb_table.this)) == toset(["catalog"])
    error_message = "By default the module must create only the catalog table."
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].name == "ecom-test-catalog" && output.catalog_table_name == "ecom-test-catalog"
    error_message = "The catalog table must be named <name>-catalog and published as catalog_table_name."
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].billing_mode == "PAY_PER_REQUEST"
    error_message = "Tables must use on-demand billing."
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].hash_key == "product_id" && aws_dynamodb_table.this["catalog"].range_key == null
    error_message = "The catalog table key must be product_id (no range key), as the catalog Lambda reads it."
  }

  assert {
    condition     = toset([for a in aws_dynamodb_table.this["catalog"].attribute : "${a.name}:${a.type}"]) == toset(["product_id:S", "category:S"])
    error_message = "The catalog table must declare exactly the key attributes product_id and category, both strings."
  }

  assert {
    condition     = length([for g in aws_dynamodb_table.this["catalog"].global_secondary_index : g if g.name == "by-category" && g.hash_key == "category" && g.range_key == "product_id" && g.projection_type == "ALL"]) == 1
    error_message = "The catalog table must have the by-category GSI (category + product_id, projection ALL)."
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].point_in_time_recovery[0].enabled && aws_dynamodb_table.this["catalog"].point_in_time_recovery[0].recovery_period_in_days == 35
    error_message = "PITR must be on with 35 days by default."
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].server_side_encryption[0].enabled
    error_message = "Tables must be encrypted with the module's KMS key."
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].deletion_protection_enabled == false
    error_message = "Deletion protection follows var.deletion_protection (default false)."
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].stream_enabled == false
    error_message = "Streams must be off unless stream_view_type is set."
  }

  assert {
    condition     = aws_kms_key.this.enable_key_rotation && aws_kms_key.this.deletion_window_in_days == 30
    error_message = "The module key must rotate and have a 30-day deletion window."
  }

  assert {
    condition     = aws_kms_alias.this.name == "alias/ecom-test-data"
    error_message = "The module key must have the alias alias/<name>-data."
  }

  assert {
    condition     = contains(flatten([for c in data.aws_iam_policy_document.kms.statement[1].condition : c.values]), "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/cluster/ecom-test-aurora/postgresql")
    error_message = "The key policy must let CloudWatch Logs use the key for the Aurora log group only."
  }

  assert {
    condition     = contains(flatten([for p in data.aws_iam_policy_document.kms.statement[0].principals : p.identifiers]), "arn:aws:iam::123456789012:root") && !contains(flatten([for p in data.aws_iam_policy_document.kms.statement[0].principals : p.identifiers]), "*")
    error_message = "The key administration statement must name the account root, never \"*\"."
  }

  # Switches all off
  assert {
    condition     = length(aws_rds_cluster.aurora) == 0 && length(aws_rds_cluster_instance.aurora) == 0 && length(aws_db_subnet_group.aurora) == 0 && length(aws_rds_cluster_parameter_group.aurora) == 0 && length(aws_cloudwatch_log_group.aurora) == 0 && length(aws_iam_role.aurora_monitoring) == 0
    error_message = "create_aurora = false (default) must create no Aurora resource."
  }

  assert {
    condition     = length(aws_dax_cluster.this) == 0 && length(aws_dax_subnet_group.this) == 0 && length(aws_iam_role.dax) == 0 && length(aws_iam_role_policy.dax) == 0
    error_message = "create_dax = false (default) must create no DAX resource."
  }

  assert {
    condition     = length(aws_elasticache_replication_group.this) == 0 && length(aws_elasticache_subnet_group.this) == 0 && length(aws_secretsmanager_secret.elasticache_auth) == 0 && length(aws_secretsmanager_secret_version.elasticache_auth) == 0 && length(aws_cloudwatch_log_group.elasticache) == 0 && length(data.aws_secretsmanager_random_password.elasticache_auth) == 0
    error_message = "create_elasticache = false (default) must create no ElastiCache resource (nor its secret)."
  }

  assert {
    condition     = length(aws_security_group.aurora) + length(aws_security_group.dax) + length(aws_security_group.elasticache) == 0 && length(aws_vpc_security_group_ingress_rule.app) == 0
    error_message = "Without data stores there must be no security group nor rule."
  }

  assert {
    condition     = output.aurora_endpoint == null && output.dax_cluster_endpoint == null && output.elasticache_primary_endpoint == null && output.elasticache_auth_token_secret_arn == null && output.aurora_master_user_secret_arn == null
    error_message = "The outputs of the switched-off stores must be null."
  }

  assert {
    condition     = output.security_group_ids == {}
    error_message = "security_group_ids must be empty when no store is created."
  }
}

# ------------------------------------------------------------------ dev with every store

run "dev_like_every_store_on" {
  command = plan

  variables {
    create_aurora          = true
    create_dax             = true
    create_elasticache     = true
    vpc_id                 = "vpc-0123456789abcdef0"
    data_subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    app_security_group_ids = ["sg-0123456789abcdef0"]
  }

  # Aurora
  assert {
    condition     = length(aws_rds_cluster.aurora) == 1 && aws_rds_cluster.aurora[0].engine == "aurora-postgresql" && aws_rds_cluster.aurora[0].engine_mode == "provisioned"
    error_message = "create_aurora must create one aurora-postgresql cluster in provisioned mode (Serverless v2)."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].serverlessv2_scaling_configuration[0].min_capacity == 0.5 && aws_rds_cluster.aurora[0].serverlessv2_scaling_configuration[0].max_capacity == 4
    error_message = "Serverless v2 scaling must default to 0.5-4 ACUs."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].manage_master_user_password == true && aws_rds_cluster.aurora[0].master_password == null
    error_message = "The master password must be managed by RDS in Secrets Manager, never set by Terraform."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].storage_encrypted == true
    error_message = "Aurora storage must be encrypted."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].iam_database_authentication_enabled == true
    error_message = "IAM database authentication must be on."
  }

  assert {
    condition     = toset(aws_rds_cluster.aurora[0].enabled_cloudwatch_logs_exports) == toset(["postgresql"])
    error_message = "Aurora must export the postgresql log."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].backup_retention_period == 7 && aws_rds_cluster.aurora[0].copy_tags_to_snapshot
    error_message = "Aurora must keep 7 days of backups by default and copy tags to snapshots."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].deletion_protection == false && aws_rds_cluster.aurora[0].skip_final_snapshot == true
    error_message = "Without deletion_protection (dev) the cluster must be deletable without a final snapshot."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].performance_insights_enabled
    error_message = "Performance Insights must be on (encrypted with the module key)."
  }

  assert {
    condition     = length(aws_rds_cluster_instance.aurora) == 1 && aws_rds_cluster_instance.aurora[0].instance_class == "db.serverless"
    error_message = "Aurora must have one db.serverless instance by default."
  }

  assert {
    condition     = aws_rds_cluster_instance.aurora[0].publicly_accessible == false && aws_rds_cluster_instance.aurora[0].monitoring_interval == 60
    error_message = "Aurora instances must be private and have Enhanced Monitoring (60 s)."
  }

  assert {
    condition     = aws_rds_cluster_parameter_group.aurora[0].family == "aurora-postgresql16"
    error_message = "The parameter group family must follow the engine major version."
  }

  assert {
    condition     = contains([for p in aws_rds_cluster_parameter_group.aurora[0].parameter : "${p.name}=${p.value}"], "rds.force_ssl=1")
    error_message = "The cluster parameter group must force TLS (rds.force_ssl = 1)."
  }

  assert {
    condition     = aws_db_subnet_group.aurora[0].subnet_ids == toset(["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"])
    error_message = "Aurora must use the data subnets."
  }

  assert {
    condition     = aws_cloudwatch_log_group.aurora[0].name == "/aws/rds/cluster/ecom-test-aurora/postgresql" && aws_cloudwatch_log_group.aurora[0].retention_in_days == 365
    error_message = "The Aurora log group must be created by the module with 365 days of retention."
  }

  # DAX
  assert {
    condition     = length(aws_dax_cluster.this) == 1 && aws_dax_cluster.this[0].server_side_encryption[0].enabled
    error_message = "create_dax must create a DAX cluster encrypted at rest."
  }

  assert {
    condition     = aws_dax_cluster.this[0].cluster_endpoint_encryption_type == "TLS"
    error_message = "The DAX endpoint must require TLS."
  }

  assert {
    condition     = aws_dax_cluster.this[0].cluster_name == "ecom-test-dax" && aws_dax_cluster.this[0].replication_factor == 1 && aws_dax_cluster.this[0].node_type == "dax.t3.small"
    error_message = "DAX must default to one dax.t3.small node named <name>-dax."
  }

  assert {
    condition     = toset(data.aws_iam_policy_document.dax_tables[0].statement[0].resources) == toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/ecom-test-catalog", "arn:aws:dynamodb:eu-west-1:123456789012:table/ecom-test-catalog/index/*"])
    error_message = "The DAX role may only reach the module's tables and their indexes."
  }

  assert {
    condition     = alltrue([for a in data.aws_iam_policy_document.dax_tables[0].statement[0].actions : startswith(a, "dynamodb:") && !strcontains(a, "*")])
    error_message = "The DAX role must list DynamoDB item actions explicitly, without wildcards."
  }

  assert {
    condition     = flatten([for p in data.aws_iam_policy_document.dax_assume[0].statement[0].principals : p.identifiers]) == ["dax.amazonaws.com"]
    error_message = "Only the DAX service may assume the DAX role."
  }

  # ElastiCache
  assert {
    condition     = length(aws_elasticache_replication_group.this) == 1 && aws_elasticache_replication_group.this[0].engine == "valkey" && aws_elasticache_replication_group.this[0].engine_version == "8.0"
    error_message = "create_elasticache must create a Valkey 8.0 replication group."
  }

  assert {
    condition     = aws_elasticache_replication_group.this[0].transit_encryption_enabled && aws_elasticache_replication_group.this[0].transit_encryption_mode == "required"
    error_message = "ElastiCache must require TLS."
  }

  assert {
    condition     = aws_elasticache_replication_group.this[0].at_rest_encryption_enabled
    error_message = "ElastiCache must be encrypted at rest (with the module key)."
  }

  assert {
    condition     = aws_elasticache_replication_group.this[0].multi_az_enabled == false && aws_elasticache_replication_group.this[0].automatic_failover_enabled == false && aws_elasticache_replication_group.this[0].num_cache_clusters == 1
    error_message = "multi_az = false (default) must give a single node without failover."
  }

  assert {
    condition     = aws_elasticache_replication_group.this[0].snapshot_retention_limit == 7 && aws_elasticache_replication_group.this[0].final_snapshot_identifier == null
    error_message = "ElastiCache must keep 7 days of snapshots and, in dev, skip the final snapshot."
  }

  assert {
    condition     = length(aws_elasticache_replication_group.this[0].log_delivery_configuration) == 1
    error_message = "ElastiCache must deliver its slow log to CloudWatch Logs."
  }

  assert {
    condition     = aws_secretsmanager_secret.elasticache_auth[0].name == "ecom-test/elasticache/auth-token" && aws_secretsmanager_secret.elasticache_auth[0].recovery_window_in_days == 30
    error_message = "The AUTH token must be kept in the secret <name>/elasticache/auth-token with a 30-day recovery window."
  }

  assert {
    condition     = aws_secretsmanager_secret_version.elasticache_auth[0].secret_string == data.aws_secretsmanager_random_password.elasticache_auth[0].random_password
    error_message = "The secret must hold the generated AUTH token."
  }

  assert {
    condition     = data.aws_secretsmanager_random_password.elasticache_auth[0].password_length == 64 && data.aws_secretsmanager_random_password.elasticache_auth[0].exclude_punctuation
    error_message = "The AUTH token must be 64 characters without punctuation (characters AUTH forbids)."
  }

  # Security groups: one per store, ingress only from the app tier
  assert {
    condition     = length(aws_security_group.aurora) == 1 && length(aws_security_group.dax) == 1 && length(aws_security_group.elasticache) == 1
    error_message = "Each store must get its own security group."
  }

  assert {
    condition     = alltrue([for sg in concat(aws_security_group.aurora, aws_security_group.dax, aws_security_group.elasticache) : sg.vpc_id == "vpc-0123456789abcdef0"])
    error_message = "The security groups must be in the given VPC."
  }

  assert {
    condition     = toset([for k, r in aws_vpc_security_group_ingress_rule.app : "${k}:${r.from_port}-${r.to_port}"]) == toset(["aurora-0:5432-5432", "dax-0:9111-9111", "elasticache-0:6379-6379"])
    error_message = "Ingress must be one rule per store and app security group, on 5432 (Aurora), 9111 (DAX TLS) and 6379 (Valkey)."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.app : r.referenced_security_group_id == "sg-0123456789abcdef0" && r.cidr_ipv4 == null && r.cidr_ipv6 == null && r.ip_protocol == "tcp"])
    error_message = "Ingress must come only from the app tier security groups (no CIDR)."
  }

  assert {
    condition     = toset(keys(output.security_group_ids)) == toset(["aurora", "dax", "elasticache"])
    error_message = "security_group_ids must list the three stores."
  }

  assert {
    condition     = output.aurora_port == 5432 && output.dax_port == 9111 && output.elasticache_port == 6379
    error_message = "The port outputs must match the security group rules."
  }
}

# ------------------------------------------------------------------ prod-like

run "prod_like_protected_and_multi_az" {
  command = plan

  variables {
    name                   = "ecom-prod"
    deletion_protection    = true
    multi_az               = true
    create_aurora          = true
    create_dax             = true
    create_elasticache     = true
    aurora_instance_count  = 2
    aurora_max_capacity    = 16
    dax_replication_factor = 3
    dax_node_type          = "dax.r5.large"
    vpc_id                 = "vpc-0123456789abcdef0"
    data_subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
    app_security_group_ids = ["sg-0123456789abcdef0", "sg-0123456789abcdef1"]
    tables = {
      catalog = {
        hash_key = "product_id"
        global_secondary_indexes = {
          "by-category" = { hash_key = "category", range_key = "product_id" }
        }
      }
      orders = {
        hash_key         = "order_id"
        stream_view_type = "NEW_AND_OLD_IMAGES"
        global_secondary_indexes = {
          "by-customer" = { hash_key = "customer_id", range_key = "created_at", range_key_type = "N", projection_type = "INCLUDE", non_key_attributes = ["status", "total_cents"] }
        }
      }
      carts = {
        hash_key      = "cart_id"
        ttl_attribute = "expires_at"
      }
    }
  }

  assert {
    condition     = length(aws_dynamodb_table.this) == 3 && alltrue([for t in aws_dynamodb_table.this : t.deletion_protection_enabled])
    error_message = "deletion_protection = true must protect every table."
  }

  assert {
    condition     = alltrue([for t in aws_dynamodb_table.this : t.point_in_time_recovery[0].enabled && t.server_side_encryption[0].enabled && t.billing_mode == "PAY_PER_REQUEST"])
    error_message = "Every table must have PITR, KMS encryption and on-demand billing."
  }

  assert {
    condition     = aws_dynamodb_table.this["orders"].stream_enabled && aws_dynamodb_table.this["orders"].stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "stream_view_type must turn the table stream on."
  }

  assert {
    condition     = toset([for a in aws_dynamodb_table.this["orders"].attribute : "${a.name}:${a.type}"]) == toset(["order_id:S", "customer_id:S", "created_at:N"])
    error_message = "GSI key attributes must be declared with their types."
  }

  assert {
    condition     = toset(one([for g in aws_dynamodb_table.this["orders"].global_secondary_index : g.non_key_attributes if g.name == "by-customer"])) == toset(["status", "total_cents"])
    error_message = "An INCLUDE GSI must project its non_key_attributes."
  }

  assert {
    condition     = one([for t in aws_dynamodb_table.this["carts"].ttl : t.attribute_name if t.enabled]) == "expires_at"
    error_message = "ttl_attribute must turn TTL on for that attribute."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].deletion_protection == true && aws_rds_cluster.aurora[0].skip_final_snapshot == false && aws_rds_cluster.aurora[0].final_snapshot_identifier == "ecom-prod-aurora-final"
    error_message = "deletion_protection = true must protect Aurora and take a final snapshot."
  }

  assert {
    condition     = length(aws_rds_cluster_instance.aurora) == 2 && aws_rds_cluster.aurora[0].serverlessv2_scaling_configuration[0].max_capacity == 16
    error_message = "aurora_instance_count and aurora_max_capacity must be applied."
  }

  assert {
    condition     = aws_elasticache_replication_group.this[0].multi_az_enabled && aws_elasticache_replication_group.this[0].automatic_failover_enabled && aws_elasticache_replication_group.this[0].num_cache_clusters == 2
    error_message = "multi_az = true must give two nodes with Multi-AZ and automatic failover."
  }

  assert {
    condition     = aws_elasticache_replication_group.this[0].final_snapshot_identifier == "ecom-prod-cache-final"
    error_message = "deletion_protection = true must take a final ElastiCache snapshot."
  }

  assert {
    condition     = aws_dax_cluster.this[0].replication_factor == 3 && aws_dax_cluster.this[0].node_type == "dax.r5.large"
    error_message = "dax_replication_factor and dax_node_type must be applied."
  }

  assert {
    condition     = length(data.aws_iam_policy_document.dax_tables[0].statement[0].resources) == 6
    error_message = "The DAX role must cover the 3 tables and their indexes (6 ARNs)."
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.app) == 6
    error_message = "Two app security groups and three stores must give six ingress rules."
  }

  assert {
    condition     = toset([for r in aws_vpc_security_group_ingress_rule.app : r.referenced_security_group_id]) == toset(["sg-0123456789abcdef0", "sg-0123456789abcdef1"])
    error_message = "Each app security group must be admitted."
  }

  assert {
    condition     = tomap(output.table_names) == tomap({ catalog = "ecom-prod-catalog", orders = "ecom-prod-orders", carts = "ecom-prod-carts" })
    error_message = "table_names must map every short name to <name>-<key>."
  }
}

# ------------------------------------------------------------------ single switches

run "aurora_only_without_enhanced_monitoring" {
  command = plan

  variables {
    create_aurora              = true
    aurora_monitoring_interval = 0
    aurora_engine_version      = "15.10"
    aurora_min_capacity        = 0
    vpc_id                     = "vpc-0123456789abcdef0"
    data_subnet_ids            = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    app_security_group_ids     = ["sg-0123456789abcdef0"]
  }

  assert {
    condition     = length(aws_iam_role.aurora_monitoring) == 0 && aws_rds_cluster_instance.aurora[0].monitoring_interval == 0 && length(aws_iam_role_policy_attachment.aurora_monitoring) == 0
    error_message = "aurora_monitoring_interval = 0 must create no monitoring role."
  }

  assert {
    condition     = aws_rds_cluster_parameter_group.aurora[0].family == "aurora-postgresql15"
    error_message = "The parameter group family must follow aurora_engine_version."
  }

  assert {
    condition     = aws_rds_cluster.aurora[0].serverlessv2_scaling_configuration[0].min_capacity == 0
    error_message = "aurora_min_capacity = 0 (auto-pause) must be accepted."
  }

  assert {
    condition     = length(aws_dax_cluster.this) == 0 && length(aws_elasticache_replication_group.this) == 0 && length(aws_security_group.dax) == 0 && length(aws_security_group.elasticache) == 0
    error_message = "Only the switched-on store may be created."
  }

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.app)) == toset(["aurora-0"])
    error_message = "Only the Aurora security group may get ingress."
  }
}

run "dax_with_explicit_name" {
  command = plan

  variables {
    name                   = "ecom-a-long-environment"
    create_dax             = true
    dax_cluster_name       = "ecom-prod-dax"
    vpc_id                 = "vpc-0123456789abcdef0"
    data_subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    app_security_group_ids = ["sg-0123456789abcdef0"]
  }

  assert {
    condition     = aws_dax_cluster.this[0].cluster_name == "ecom-prod-dax" && aws_dax_subnet_group.this[0].name == "ecom-prod-dax"
    error_message = "dax_cluster_name must name the cluster and its subnet group."
  }
}

# ------------------------------------------------------------------ preconditions

run "dax_name_too_long_is_refused" {
  command = plan

  variables {
    name                   = "ecom-a-long-environment"
    create_dax             = true
    vpc_id                 = "vpc-0123456789abcdef0"
    data_subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    app_security_group_ids = ["sg-0123456789abcdef0"]
  }

  expect_failures = [aws_dax_cluster.this]
}

run "store_without_vpc_is_refused" {
  command = plan

  variables {
    create_aurora          = true
    data_subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    app_security_group_ids = ["sg-0123456789abcdef0"]
  }

  expect_failures = [aws_security_group.aurora]
}

run "store_with_one_subnet_is_refused" {
  command = plan

  variables {
    create_elasticache     = true
    vpc_id                 = "vpc-0123456789abcdef0"
    data_subnet_ids        = ["subnet-0123456789abcdef0"]
    app_security_group_ids = ["sg-0123456789abcdef0"]
  }

  expect_failures = [aws_security_group.elasticache]
}

run "store_without_app_security_groups_is_refused" {
  command = plan

  variables {
    create_dax      = true
    vpc_id          = "vpc-0123456789abcdef0"
    data_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  expect_failures = [aws_security_group.dax]
}

run "aurora_max_below_min_is_refused" {
  command = plan

  variables {
    create_aurora          = true
    aurora_min_capacity    = 8
    aurora_max_capacity    = 4
    vpc_id                 = "vpc-0123456789abcdef0"
    data_subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    app_security_group_ids = ["sg-0123456789abcdef0"]
  }

  expect_failures = [aws_rds_cluster.aurora]
}
