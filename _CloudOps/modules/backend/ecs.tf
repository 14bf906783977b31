# ECS cluster for the backend services. Services, task definitions, target
# groups and listener rules are created by the ecom-deploy action; this module
# gives it the cluster, the tasks' security group and the execution role.

resource "aws_cloudwatch_log_group" "exec" {
  name              = local.exec_log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs.arn
  tags              = var.tags
}

resource "aws_ecs_cluster" "this" {
  name = local.ecs_cluster_name

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  # ECS Exec sessions are encrypted with the logs key and recorded in an
  # encrypted log group. A task role needs kms:Decrypt on the key to use it.
  configuration {
    execute_command_configuration {
      kms_key_id = aws_kms_key.logs.arn
      logging    = "OVERRIDE"
      log_configuration {
        cloud_watch_encryption_enabled = true
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
      }
    }
  }

  tags = var.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  dynamic "default_capacity_provider_strategy" {
    for_each = var.fargate_spot_weight > 0 ? [1] : []
    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = var.fargate_spot_weight
    }
  }
}

# --- per-service image repository and log group ------------------------------
# The services' task definitions (Backend-repo/<service>/taskdef.yaml) expect
# both to exist: the workflow pushes `<name_prefix>-<service>:<sha>` and the
# awslogs driver writes to `/ecs/<name_prefix>/<service>` without creating it.

resource "aws_ecr_repository" "services" {
  for_each             = toset(var.ecs_service_names)
  name                 = "${var.name_prefix}-${each.value}"
  image_tag_mutability = "IMMUTABLE"
  force_delete         = false

  image_scanning_configuration {
    scan_on_push = true
  }

  # AWS managed key: pulls need no extra KMS permission in the execution role.
  encryption_configuration {
    encryption_type = "KMS"
  }

  tags = var.tags
}

resource "aws_ecr_lifecycle_policy" "services" {
  for_each   = aws_ecr_repository.services
  repository = each.value.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the last ${var.ecr_keep_last_images} images"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = var.ecr_keep_last_images
      }
      action = { type = "expire" }
    }]
  })
}

resource "aws_cloudwatch_log_group" "services" {
  for_each          = local.service_log_group_names
  name              = each.value
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs.arn
  tags              = var.tags
}

# --- tasks' security group -----------------------------------------------------

resource "aws_security_group" "services" {
  #checkov:skip=CKV2_AWS_5:Attached by the ecom-deploy action to the services it creates (contract: security-groups), not inside this module.
  name        = "${var.name_prefix}-backend-services"
  description = "ECS backend tasks: inbound from the internal ALB only"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name_prefix}-backend-services" })
}

resource "aws_vpc_security_group_ingress_rule" "services_from_alb" {
  security_group_id            = aws_security_group.services.id
  description                  = "Container ports from the internal ALB"
  ip_protocol                  = "tcp"
  from_port                    = var.service_port_range.from
  to_port                      = var.service_port_range.to
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "services_https" {
  security_group_id = aws_security_group.services.id
  description       = "HTTPS to AWS APIs (ECR, Secrets Manager, DynamoDB, logs) and payment providers"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "services_vpc" {
  security_group_id = aws_security_group.services.id
  description       = "TCP inside the VPC (databases, caches, internal ALB)"
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv4         = var.vpc_cidr_block
}

# --- task execution role -------------------------------------------------------

resource "aws_iam_role" "task_execution" {
  # Name used by the services' task definitions (executionRoleArn).
  name        = "${var.name_prefix}-ecs-task-execution"
  description = "ECS task execution role of the ${local.ecs_cluster_name} services: pull images, write logs, read the app secrets."
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:*" }
      }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "task_execution" {
  role       = aws_iam_role.task_execution.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# Lets task definitions inject this module's secrets (`secrets` in the
# container definitions); nothing else in Secrets Manager.
resource "aws_iam_role_policy" "task_execution_secrets" {
  count = length(var.app_secrets) > 0 ? 1 : 0
  name  = "read-app-secrets"
  role  = aws_iam_role.task_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadAppSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [for s in aws_secretsmanager_secret.app : s.arn]
      },
      {
        Sid       = "DecryptAppSecrets"
        Effect    = "Allow"
        Action    = ["kms:Decrypt"]
        Resource  = [aws_kms_key.secrets.arn]
        Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${local.region}.amazonaws.com" } }
      },
    ]
  })
}

# --- task roles: one per service -------------------------------------------------
# The identity of each service's containers (taskRoleArn): named
# <cluster>-task-<service>, so task definitions can build the ARN from the
# contract parameter task-role-arn-prefix. They start with ECS Exec only (the
# cluster records sessions in the exec log group, encrypted with the logs
# key); a service that calls AWS gets its own statements added here. The
# deploy roles may pass them to ECS (stack: pass_role_arns).

locals {
  task_role_name_prefix = "${local.ecs_cluster_name}-task-"
  task_role_arn_prefix  = "arn:${local.partition}:iam::${local.account_id}:role/${local.task_role_name_prefix}"
}

resource "aws_iam_role" "task" {
  for_each = toset(var.ecs_service_names)

  name        = "${local.task_role_name_prefix}${each.value}"
  description = "ECS task role of the ${each.value} service in ${local.ecs_cluster_name}: what its containers may call (ECS Exec)."
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:*" }
      }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "task_ecs_exec" {
  for_each = toset(var.ecs_service_names)

  name = "ecs-exec"
  role = aws_iam_role.task[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # The SSM agent's session channels; these actions have no resource types.
        Sid      = "EcsExecChannels"
        Effect   = "Allow"
        Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
        Resource = "*"
      },
      {
        Sid      = "EcsExecSessionLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
        Resource = ["${local.log_group_arn_prefix}${local.exec_log_group_name}:*"]
      },
      {
        Sid      = "EcsExecDescribeLogGroups"
        Effect   = "Allow"
        Action   = ["logs:DescribeLogGroups"]
        Resource = ["${local.log_group_arn_prefix}*"]
      },
      {
        Sid      = "EcsExecSessionKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [aws_kms_key.logs.arn]
      },
    ]
  })
}
