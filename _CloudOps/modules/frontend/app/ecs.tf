# ---------------------------------------------------------------------------
# ECS cluster for the frontend services (Fargate and Fargate Spot), their log
# groups and their task execution role. Services, task definitions, target
# groups and listener rules are created by the ecom-deploy action.
# ---------------------------------------------------------------------------

resource "aws_ecs_cluster" "this" {
  name = var.name
  tags = var.tags

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = var.default_capacity_provider
    base              = 1
    weight            = 1
  }
}

# ---------------------------------------------------------------------------
# Per-service log groups and the task execution role. The services' task
# definitions (Frontend-repo/<service>/taskdef.yaml) expect both to exist: the
# awslogs driver writes to `/ecs/<name>/<service>` without creating it, and
# executionRoleArn names `<name>-ecs-task-execution`.
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "services" {
  for_each = local.service_log_group_names

  name              = each.value
  retention_in_days = var.service_log_retention_days
  kms_key_id        = aws_kms_key.logs[0].arn
  tags              = var.tags
}

resource "aws_iam_role" "task_execution" {
  name        = "${var.name}-ecs-task-execution"
  description = "ECS task execution role of the ${var.name} services: pull images, write the service logs."
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

# The permissions of the AWS managed AmazonECSTaskExecutionRolePolicy, written
# inline so they can be scoped: logs only to the service log groups, image
# pulls only from this module's repositories (the managed policy grants both
# on "*"). ecr:GetAuthorizationToken has no resource-level permissions. Pulls
# from the KMS-encrypted repositories need no kms permission: ECR decrypts
# through the grant it created with the repository.
locals {
  task_execution_statements = concat(
    [{
      Sid      = "EcrAuthorizationToken"
      Effect   = "Allow"
      Action   = ["ecr:GetAuthorizationToken"]
      Resource = ["*"]
    }],
    local.create_ecr ? [{
      Sid      = "PullModuleImages"
      Effect   = "Allow"
      Action   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
      Resource = [for r in var.ecr_repositories : "arn:${local.partition}:ecr:${local.region}:${local.account_id}:repository/${r}"]
    }] : [],
    local.create_service_logs ? [{
      Sid      = "WriteServiceLogs"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = [for a in local.service_log_group_arns : "${a}:log-stream:*"]
    }] : [],
  )
}

resource "aws_iam_role_policy" "task_execution" {
  name   = "task-execution"
  role   = aws_iam_role.task_execution.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.task_execution_statements })
}

# --- task roles: one per service -------------------------------------------------
# The identity of each service's containers (taskRoleArn): named
# <name>-task-<service>, so task definitions can build the ARN from the
# contract parameter task-role-arn-prefix. They start with ECS Exec only; a
# service that calls AWS gets its own statements added here. The deploy roles
# may pass them to ECS (stack: pass_role_arns).

locals {
  task_role_name_prefix = "${var.name}-task-"
  task_role_arn_prefix  = "arn:${local.partition}:iam::${local.account_id}:role/${local.task_role_name_prefix}"
}

resource "aws_iam_role" "task" {
  for_each = toset(var.ecs_service_names)

  name        = "${local.task_role_name_prefix}${each.value}"
  description = "ECS task role of the ${each.value} service in ${var.name}: what its containers may call (ECS Exec)."
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
    Statement = [{
      # The SSM agent's session channels; these actions have no resource types.
      Sid      = "EcsExecChannels"
      Effect   = "Allow"
      Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
      Resource = "*"
    }]
  })
}
