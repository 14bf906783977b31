# Aurora PostgreSQL Serverless v2 (create_aurora). Master password managed by
# RDS in Secrets Manager, storage and Performance Insights encrypted with the
# module key, IAM database authentication, logs to an encrypted log group,
# TLS enforced by the cluster parameter group.

locals {
  aurora_count         = var.create_aurora ? 1 : 0
  aurora_major_version = split(".", var.aurora_engine_version)[0]
}

resource "aws_db_subnet_group" "aurora" {
  count = local.aurora_count

  name        = local.aurora_cluster_identifier
  description = "Private data subnets of ${var.name} for Aurora"
  subnet_ids  = var.data_subnet_ids

  tags = merge(var.tags, { Name = local.aurora_cluster_identifier })
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  count = local.aurora_count

  name        = "${local.aurora_cluster_identifier}-pg${local.aurora_major_version}"
  family      = "aurora-postgresql${local.aurora_major_version}"
  description = "${var.name}: TLS only, slow query and connection logging"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  # Statements slower than 1 s, without logging every statement (which would
  # write customer data to the logs).
  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  # Schema changes (DDL) are logged for audit; data statements are not.
  parameter {
    name  = "log_statement"
    value = "ddl"
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }

  parameter {
    name  = "log_disconnections"
    value = "1"
  }

  tags = merge(var.tags, { Name = local.aurora_cluster_identifier })

  lifecycle {
    create_before_destroy = true
  }
}

# Created before the cluster so that RDS writes into it (encrypted, retained)
# instead of creating its own group that never expires.
resource "aws_cloudwatch_log_group" "aurora" {
  count = local.aurora_count

  name              = local.aurora_log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.this.arn

  tags = merge(var.tags, { Name = local.aurora_cluster_identifier })
}

resource "aws_rds_cluster" "aurora" {
  count = local.aurora_count

  #checkov:skip=CKV2_AWS_8:Backups are the Aurora automated backups (aurora_backup_retention_days, 1-35 days, point-in-time restore); an AWS Backup plan is an account-level decision outside this module.
  #checkov:skip=CKV_AWS_139:deletion_protection comes from var.deletion_protection (prod sets true); its default false lets dev environments be destroyed.
  cluster_identifier = local.aurora_cluster_identifier
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.aurora_engine_version
  database_name      = var.aurora_database_name
  port               = 5432

  master_username               = var.aurora_master_username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.this.arn

  iam_database_authentication_enabled = true

  db_subnet_group_name            = aws_db_subnet_group.aurora[0].name
  vpc_security_group_ids          = [aws_security_group.aurora[0].id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora[0].name

  storage_encrypted = true
  kms_key_id        = aws_kms_key.this.arn

  serverlessv2_scaling_configuration {
    min_capacity = var.aurora_min_capacity
    max_capacity = var.aurora_max_capacity
  }

  backup_retention_period = var.aurora_backup_retention_days
  # Explicit and apart: AWS refuses a backup window that overlaps maintenance.
  preferred_backup_window      = "02:00-03:00"
  preferred_maintenance_window = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot        = true

  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = !var.deletion_protection
  final_snapshot_identifier = var.deletion_protection ? "${local.aurora_cluster_identifier}-final" : null

  enabled_cloudwatch_logs_exports = ["postgresql"]

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.this.arn
  performance_insights_retention_period = 7

  apply_immediately = false

  tags = merge(var.tags, { Name = local.aurora_cluster_identifier })

  depends_on = [aws_cloudwatch_log_group.aurora]

  lifecycle {
    precondition {
      condition     = var.aurora_max_capacity >= var.aurora_min_capacity
      error_message = "The variable aurora_max_capacity must not be below aurora_min_capacity."
    }
  }
}

resource "aws_rds_cluster_instance" "aurora" {
  count = var.create_aurora ? var.aurora_instance_count : 0

  identifier         = "${local.aurora_cluster_identifier}-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.aurora[0].id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.aurora[0].engine
  engine_version     = aws_rds_cluster.aurora[0].engine_version

  db_subnet_group_name       = aws_db_subnet_group.aurora[0].name
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  copy_tags_to_snapshot      = true

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.this.arn
  performance_insights_retention_period = 7

  monitoring_interval = var.aurora_monitoring_interval
  monitoring_role_arn = var.aurora_monitoring_interval > 0 ? aws_iam_role.aurora_monitoring[0].arn : null

  apply_immediately = false

  tags = merge(var.tags, { Name = "${local.aurora_cluster_identifier}-${count.index + 1}" })
}

# ---------------------------------------------------------------- Enhanced Monitoring role

data "aws_iam_policy_document" "aurora_monitoring_assume" {
  count = var.create_aurora && var.aurora_monitoring_interval > 0 ? 1 : 0

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "aurora_monitoring" {
  count = var.create_aurora && var.aurora_monitoring_interval > 0 ? 1 : 0

  name               = "${local.aurora_cluster_identifier}-monitoring"
  description        = "Lets RDS Enhanced Monitoring publish the metrics of ${local.aurora_cluster_identifier}"
  assume_role_policy = data.aws_iam_policy_document.aurora_monitoring_assume[0].json

  tags = merge(var.tags, { Name = "${local.aurora_cluster_identifier}-monitoring" })
}

resource "aws_iam_role_policy_attachment" "aurora_monitoring" {
  count = var.create_aurora && var.aurora_monitoring_interval > 0 ? 1 : 0

  role       = aws_iam_role.aurora_monitoring[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}
