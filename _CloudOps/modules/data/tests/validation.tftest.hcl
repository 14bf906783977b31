# Every validated variable of the data module rejects a bad value (one run
# per validation block).

mock_provider "aws" {
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
}

variables {
  name = "ecom-test"
}

run "rejects_name_uppercase" {
  command = plan

  variables {
    name = "Ecom"
  }

  expect_failures = [var.name]
}

run "rejects_name_double_hyphen" {
  command = plan

  variables {
    name = "ecom--dev"
  }

  expect_failures = [var.name]
}

run "rejects_name_too_long" {
  command = plan

  variables {
    name = "ecom-a-very-long-environment-name-x"
  }

  expect_failures = [var.name]
}

run "rejects_tags_aws_prefix" {
  command = plan

  variables {
    tags = { "aws:cost" = "x" }
  }

  expect_failures = [var.tags]
}

run "rejects_kms_key_deletion_window_days_short" {
  command = plan

  variables {
    kms_key_deletion_window_days = 6
  }

  expect_failures = [var.kms_key_deletion_window_days]
}

run "rejects_log_retention_days_not_allowed" {
  command = plan

  variables {
    log_retention_days = 100
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_vpc_id_malformed" {
  command = plan

  variables {
    vpc_id = "vpc-XYZ"
  }

  expect_failures = [var.vpc_id]
}

run "rejects_data_subnet_ids_malformed" {
  command = plan

  variables {
    data_subnet_ids = ["subnet-0123456789abcdef0", "sn-1"]
  }

  expect_failures = [var.data_subnet_ids]
}

run "rejects_data_subnet_ids_repeated" {
  command = plan

  variables {
    data_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef0"]
  }

  expect_failures = [var.data_subnet_ids]
}

run "rejects_app_security_group_ids_malformed" {
  command = plan

  variables {
    app_security_group_ids = ["vpc-0123456789abcdef0"]
  }

  expect_failures = [var.app_security_group_ids]
}

run "rejects_tables_empty" {
  command = plan

  variables {
    tables = {}
  }

  expect_failures = [var.tables]
}

run "rejects_tables_bad_key" {
  command = plan

  variables {
    tables = { Catalog = { hash_key = "product_id" } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_bad_attribute_name" {
  command = plan

  variables {
    tables = { catalog = { hash_key = "product id" } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_bad_key_type" {
  command = plan

  variables {
    tables = { catalog = { hash_key = "product_id", hash_key_type = "string" } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_conflicting_types" {
  command = plan

  variables {
    tables = { catalog = { hash_key = "product_id", global_secondary_indexes = { "by-category" = { hash_key = "category", range_key = "product_id", range_key_type = "N" } } } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_bad_projection" {
  command = plan

  variables {
    tables = { catalog = { hash_key = "product_id", global_secondary_indexes = { "by-category" = { hash_key = "category", projection_type = "SOME" } } } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_include_without_attributes" {
  command = plan

  variables {
    tables = { catalog = { hash_key = "product_id", global_secondary_indexes = { "by-category" = { hash_key = "category", projection_type = "INCLUDE" } } } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_short_gsi_name" {
  command = plan

  variables {
    tables = { catalog = { hash_key = "product_id", global_secondary_indexes = { "c" = { hash_key = "category" } } } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_bad_stream_view_type" {
  command = plan

  variables {
    tables = { orders = { hash_key = "order_id", stream_view_type = "ALL" } }
  }

  expect_failures = [var.tables]
}

run "rejects_tables_bad_ttl_attribute" {
  command = plan

  variables {
    tables = { carts = { hash_key = "cart_id", ttl_attribute = "expires at" } }
  }

  expect_failures = [var.tables]
}

run "rejects_pitr_recovery_period_days_zero" {
  command = plan

  variables {
    pitr_recovery_period_days = 0
  }

  expect_failures = [var.pitr_recovery_period_days]
}

run "rejects_pitr_recovery_period_days_too_long" {
  command = plan

  variables {
    pitr_recovery_period_days = 36
  }

  expect_failures = [var.pitr_recovery_period_days]
}

run "rejects_aurora_engine_version_full" {
  command = plan

  variables {
    aurora_engine_version = "16.6.1"
  }

  expect_failures = [var.aurora_engine_version]
}

run "rejects_aurora_engine_version_old" {
  command = plan

  variables {
    aurora_engine_version = "12.9"
  }

  expect_failures = [var.aurora_engine_version]
}

run "rejects_aurora_database_name_reserved" {
  command = plan

  variables {
    aurora_database_name = "postgres"
  }

  expect_failures = [var.aurora_database_name]
}

run "rejects_aurora_database_name_hyphen" {
  command = plan

  variables {
    aurora_database_name = "my-shop"
  }

  expect_failures = [var.aurora_database_name]
}

run "rejects_aurora_master_username_reserved" {
  command = plan

  variables {
    aurora_master_username = "admin"
  }

  expect_failures = [var.aurora_master_username]
}

run "rejects_aurora_master_username_too_long" {
  command = plan

  variables {
    aurora_master_username = "a_very_long_admin_user"
  }

  expect_failures = [var.aurora_master_username]
}

run "rejects_aurora_min_capacity_step" {
  command = plan

  variables {
    aurora_min_capacity = 0.7
  }

  expect_failures = [var.aurora_min_capacity]
}

run "rejects_aurora_max_capacity_too_big" {
  command = plan

  variables {
    aurora_max_capacity = 512
  }

  expect_failures = [var.aurora_max_capacity]
}

run "rejects_aurora_max_capacity_below_one" {
  command = plan

  variables {
    aurora_max_capacity = 0.5
  }

  expect_failures = [var.aurora_max_capacity]
}

run "rejects_aurora_instance_count_zero" {
  command = plan

  variables {
    aurora_instance_count = 0
  }

  expect_failures = [var.aurora_instance_count]
}

run "rejects_aurora_backup_retention_days_zero" {
  command = plan

  variables {
    aurora_backup_retention_days = 0
  }

  expect_failures = [var.aurora_backup_retention_days]
}

run "rejects_aurora_monitoring_interval_bad" {
  command = plan

  variables {
    aurora_monitoring_interval = 20
  }

  expect_failures = [var.aurora_monitoring_interval]
}

run "rejects_dax_cluster_name_too_long" {
  command = plan

  variables {
    dax_cluster_name = "ecom-production-dax-cluster"
  }

  expect_failures = [var.dax_cluster_name]
}

run "rejects_dax_cluster_name_uppercase" {
  command = plan

  variables {
    dax_cluster_name = "Ecom-Dax"
  }

  expect_failures = [var.dax_cluster_name]
}

run "rejects_dax_node_type_bad" {
  command = plan

  variables {
    dax_node_type = "t3.small"
  }

  expect_failures = [var.dax_node_type]
}

run "rejects_dax_replication_factor_zero" {
  command = plan

  variables {
    dax_replication_factor = 0
  }

  expect_failures = [var.dax_replication_factor]
}

run "rejects_elasticache_node_type_bad" {
  command = plan

  variables {
    elasticache_node_type = "t4g.micro"
  }

  expect_failures = [var.elasticache_node_type]
}

run "rejects_elasticache_engine_version_bad" {
  command = plan

  variables {
    elasticache_engine_version = "6.x"
  }

  expect_failures = [var.elasticache_engine_version]
}

run "rejects_elasticache_snapshot_retention_days_bad" {
  command = plan

  variables {
    elasticache_snapshot_retention_days = 40
  }

  expect_failures = [var.elasticache_snapshot_retention_days]
}

run "rejects_secret_recovery_window_days_bad" {
  command = plan

  variables {
    secret_recovery_window_days = 3
  }

  expect_failures = [var.secret_recovery_window_days]
}
