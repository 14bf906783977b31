# Unit tests for frontend/app: secure defaults and the HTTPS / CloudFront /
# service switches. Plan only, against a mocked AWS provider.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
      arn        = "arn:aws:iam::123456789012:user/test"
    }
  }
  mock_data "aws_partition" {
    defaults = {
      partition  = "aws"
      dns_suffix = "amazonaws.com"
    }
  }
  mock_data "aws_region" {
    defaults = {
      region = "eu-west-1"
    }
  }
  mock_data "aws_ec2_managed_prefix_list" {
    defaults = {
      id = "pl-4fa04526"
    }
  }
  mock_data "aws_elb_service_account" {
    defaults = {
      arn = "arn:aws:iam::156460612806:root"
    }
  }
  mock_resource "aws_lb" {
    defaults = {
      arn      = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/ecom-dev-front-alb/50dc6c495c0c9188"
      dns_name = "ecom-dev-front-alb-1234567890.eu-west-1.elb.amazonaws.com"
      zone_id  = "Z32O12XQLNTSW2"
    }
  }
  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"
      key_id = "0a1b2c3d-1111-2222-3333-444455556666"
    }
  }
}

variables {
  name              = "ecom-dev-front"
  vpc_id            = "vpc-0123456789abcdef0"
  public_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  ecr_repositories  = ["ecom/web"]
}

run "secure_defaults_dev_without_certificate" {
  command = plan

  # --- static bucket --------------------------------------------------------
  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.static.block_public_acls,
      aws_s3_bucket_public_access_block.static.block_public_policy,
      aws_s3_bucket_public_access_block.static.ignore_public_acls,
      aws_s3_bucket_public_access_block.static.restrict_public_buckets,
    ])
    error_message = "The static bucket must block every kind of public access."
  }
  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.logs.block_public_acls,
      aws_s3_bucket_public_access_block.logs.block_public_policy,
      aws_s3_bucket_public_access_block.logs.ignore_public_acls,
      aws_s3_bucket_public_access_block.logs.restrict_public_buckets,
    ])
    error_message = "The log bucket must block every kind of public access."
  }
  assert {
    condition     = aws_s3_bucket_versioning.static.versioning_configuration[0].status == "Enabled"
    error_message = "The static bucket must be versioned."
  }
  assert {
    condition     = aws_s3_bucket_versioning.logs.versioning_configuration[0].status == "Enabled"
    error_message = "The log bucket must be versioned."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.static.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "aws:kms"
    error_message = "The static bucket must default to SSE-KMS."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.logs.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "AES256"
    error_message = "The log bucket must use SSE-S3 (the only encryption ALB log delivery supports)."
  }
  assert {
    condition     = aws_kms_key.static.enable_key_rotation
    error_message = "The static bucket key must rotate."
  }
  assert {
    condition     = aws_s3_bucket_ownership_controls.static.rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "The static bucket must disable ACLs (BucketOwnerEnforced)."
  }
  assert {
    condition     = aws_s3_bucket_logging.static.target_prefix == "s3-access/ecom-dev-front-static-123456789012-eu-west-1/"
    error_message = "The static bucket must log its access to the log bucket."
  }
  assert {
    # Only the static bucket's own prefix; first, for moto 5.2.5 (see s3.tf).
    condition     = jsondecode(aws_s3_bucket_policy.logs.policy).Statement[0].Sid == "AllowS3ServerAccessLogs" && jsondecode(aws_s3_bucket_policy.logs.policy).Statement[0].Resource == "arn:aws:s3:::${aws_s3_bucket.logs.bucket}/s3-access/ecom-dev-front-static-123456789012-eu-west-1/*"
    error_message = "The log bucket policy must admit S3 server access logs only under the static bucket's prefix, as its first statement."
  }
  assert {
    condition     = aws_s3_bucket.static.bucket == "ecom-dev-front-static-123456789012-eu-west-1"
    error_message = "The static bucket name must be <name>-static-<account>-<region>."
  }
  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.static.policy).Statement :
      try(s.Effect == "Deny" && s.Condition.Bool["aws:SecureTransport"] == "false", false)
    ])
    error_message = "The static bucket policy must deny non-TLS requests."
  }
  assert {
    condition     = length(jsondecode(aws_s3_bucket_policy.static.policy).Statement) == 1
    error_message = "Without cloudfront_distribution_arn the static bucket policy must grant nobody read access."
  }
  assert {
    condition     = length(jsondecode(aws_kms_key.static.policy).Statement) == 1
    error_message = "Without cloudfront_distribution_arn the static key policy must not grant CloudFront."
  }

  # --- ALB ------------------------------------------------------------------
  assert {
    condition     = length(aws_lb_listener.https) == 0 && length(aws_lb_listener.http_redirect) == 0 && length(aws_lb_listener.http) == 1
    error_message = "Without a certificate only the plain HTTP listener must exist."
  }
  assert {
    condition     = aws_lb_listener.http[0].default_action[0].type == "fixed-response" && aws_lb_listener.http[0].default_action[0].fixed_response[0].status_code == "404"
    error_message = "The listener default action must be a fixed 404."
  }
  assert {
    condition     = aws_lb.this.drop_invalid_header_fields && aws_lb.this.enable_deletion_protection && !aws_lb.this.internal
    error_message = "The ALB must be public, drop invalid headers and keep deletion protection on by default."
  }
  assert {
    condition     = aws_lb.this.access_logs[0].enabled && aws_lb.this.access_logs[0].prefix == "alb"
    error_message = "The ALB must write access logs to the log bucket."
  }
  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement :
      try(s.Principal.Service == "logdelivery.elasticloadbalancing.amazonaws.com" && s.Resource == "arn:aws:s3:::ecom-dev-front-logs-123456789012-eu-west-1/alb/AWSLogs/123456789012/*", false)
    ])
    error_message = "The log bucket policy must let ELB deliver to alb/AWSLogs/<account>/."
  }
  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement :
      try(s.Principal.AWS == "arn:aws:iam::156460612806:root", false)
    ])
    error_message = "The log bucket policy must admit the regional ELB account (older regions)."
  }
  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront.prefix_list_id == "pl-4fa04526" &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront.from_port == 80 &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront.to_port == 80 &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront.cidr_ipv4 == null
    )
    error_message = "Without a certificate the ALB must admit only HTTP from the CloudFront prefix list."
  }
  assert {
    condition     = aws_vpc_security_group_egress_rule.services_https.from_port == 443 && aws_vpc_security_group_egress_rule.services_https.to_port == 443
    error_message = "Service tasks may only leave on HTTPS."
  }

  # --- ECS ------------------------------------------------------------------
  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enabled"
    error_message = "Container Insights must be enabled."
  }
  assert {
    condition     = toset(aws_ecs_cluster_capacity_providers.this.capacity_providers) == toset(["FARGATE", "FARGATE_SPOT"])
    error_message = "The cluster must offer FARGATE and FARGATE_SPOT."
  }
  assert {
    condition     = one(aws_ecs_cluster_capacity_providers.this.default_capacity_provider_strategy).capacity_provider == "FARGATE"
    error_message = "The default strategy must be on-demand Fargate."
  }
  assert {
    condition     = output.ecs_cluster_name == "ecom-dev-front"
    error_message = "The cluster must be called <name>."
  }

  # --- service log groups and task execution role ----------------------------
  assert {
    condition     = keys(aws_cloudwatch_log_group.services) == ["storefront-web"] && aws_cloudwatch_log_group.services["storefront-web"].name == "/ecs/ecom-dev-front/storefront-web"
    error_message = "By default the storefront-web service gets the log group /ecs/<name>/storefront-web."
  }
  assert {
    condition     = aws_cloudwatch_log_group.services["storefront-web"].retention_in_days == 365 && aws_cloudwatch_log_group.services["storefront-web"].kms_key_id == aws_kms_key.logs[0].arn
    error_message = "Service log groups must keep logs 365 days by default and be encrypted with the module's logs key."
  }
  assert {
    condition     = output.service_log_group_names == { "storefront-web" = "/ecs/ecom-dev-front/storefront-web" }
    error_message = "service_log_group_names must map each service to its log group."
  }
  assert {
    condition     = aws_kms_key.logs[0].enable_key_rotation && aws_kms_alias.logs[0].name == "alias/ecom-dev-front-logs"
    error_message = "The logs key must rotate and have the alias alias/<name>-logs."
  }
  assert {
    condition = one([
      for st in jsondecode(aws_kms_key.logs[0].policy).Statement : st.Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"]
      if try(st.Principal.Service, "") == "logs.eu-west-1.amazonaws.com"
    ]) == ["arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/ecom-dev-front/storefront-web"]
    error_message = "CloudWatch Logs may use the logs key only for the service log groups."
  }
  assert {
    condition     = aws_iam_role.task_execution.name == "ecom-dev-front-ecs-task-execution" && output.task_execution_role_name == "ecom-dev-front-ecs-task-execution"
    error_message = "The execution role must be called <name>-ecs-task-execution (the name the task definitions use)."
  }
  assert {
    condition = (
      jsondecode(aws_iam_role.task_execution.assume_role_policy).Statement[0].Principal.Service == "ecs-tasks.amazonaws.com" &&
      jsondecode(aws_iam_role.task_execution.assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "123456789012"
    )
    error_message = "Only ECS tasks of this account may assume the execution role."
  }
  assert {
    condition = toset(flatten([
      for st in jsondecode(aws_iam_role_policy.task_execution.policy).Statement : st.Resource if contains(st.Action, "logs:PutLogEvents")
    ])) == toset(["arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/ecom-dev-front/storefront-web:log-stream:*"])
    error_message = "The execution role may write logs only to the service log groups."
  }
  assert {
    condition = toset(flatten([
      for st in jsondecode(aws_iam_role_policy.task_execution.policy).Statement : st.Resource if contains(st.Action, "ecr:BatchGetImage")
    ])) == toset(["arn:aws:ecr:eu-west-1:123456789012:repository/ecom/web"])
    error_message = "The execution role may pull only from the module's repositories."
  }
  assert {
    condition = alltrue([
      for st in jsondecode(aws_iam_role_policy.task_execution.policy).Statement :
      st.Action == ["ecr:GetAuthorizationToken"] if contains(st.Resource, "*")
    ])
    error_message = "Only ecr:GetAuthorizationToken (no resource-level permissions) may use Resource \"*\"."
  }
  assert {
    condition = toset(flatten([for st in jsondecode(aws_iam_role_policy.task_execution.policy).Statement : st.Action])) == toset([
      "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
      "logs:CreateLogStream", "logs:PutLogEvents",
    ])
    error_message = "The execution role must have exactly the actions of AmazonECSTaskExecutionRolePolicy."
  }

  # --- ECR ------------------------------------------------------------------
  assert {
    condition     = aws_ecr_repository.this["ecom/web"].image_tag_mutability == "IMMUTABLE"
    error_message = "ECR tags must be immutable."
  }
  assert {
    condition     = aws_ecr_repository.this["ecom/web"].image_scanning_configuration[0].scan_on_push
    error_message = "ECR must scan on push."
  }
  assert {
    condition     = aws_ecr_repository.this["ecom/web"].encryption_configuration[0].encryption_type == "KMS"
    error_message = "ECR must be encrypted with KMS."
  }
  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.this["ecom/web"].policy).rules[0].selection.countNumber == 30
    error_message = "The ECR lifecycle policy must keep the last 30 images by default."
  }
}

run "prod_with_certificate_and_distribution" {
  command = plan

  variables {
    enable_https                = true
    certificate_arn             = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"
    cloudfront_distribution_arn = "arn:aws:cloudfront::123456789012:distribution/E2ABCDEF123456"
    ecr_keep_last_images        = 50
    container_insights          = "enhanced"
  }

  assert {
    condition     = length(aws_lb_listener.https) == 1 && length(aws_lb_listener.http_redirect) == 1 && length(aws_lb_listener.http) == 0
    error_message = "With a certificate the HTTPS listener and the HTTP redirect must exist, and no plain HTTP listener."
  }
  assert {
    condition     = aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06" && aws_lb_listener.https[0].port == 443
    error_message = "The HTTPS listener must use the TLS 1.3/1.2 policy on port 443."
  }
  assert {
    condition     = aws_lb_listener.https[0].certificate_arn == "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"
    error_message = "The HTTPS listener must use certificate_arn."
  }
  assert {
    condition     = aws_lb_listener.https[0].default_action[0].fixed_response[0].status_code == "404"
    error_message = "The HTTPS listener default action must be a fixed 404."
  }
  assert {
    condition     = aws_lb_listener.http_redirect[0].default_action[0].redirect[0].protocol == "HTTPS" && aws_lb_listener.http_redirect[0].default_action[0].redirect[0].status_code == "HTTP_301"
    error_message = "HTTP must redirect permanently to HTTPS."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb_from_cloudfront.from_port == 443 && aws_vpc_security_group_ingress_rule.alb_from_cloudfront.to_port == 443
    error_message = "With a certificate the ALB must admit only HTTPS from CloudFront."
  }
  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.static.policy).Statement :
      try(s.Effect == "Allow" && s.Principal.Service == "cloudfront.amazonaws.com" && s.Action == "s3:GetObject" &&
      s.Condition.StringEquals["AWS:SourceArn"] == "arn:aws:cloudfront::123456789012:distribution/E2ABCDEF123456", false)
    ])
    error_message = "The static bucket policy must admit only this distribution's OAC (AWS:SourceArn)."
  }
  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.static.policy).Statement :
      try(s.Principal.Service == "cloudfront.amazonaws.com" && s.Action == "kms:Decrypt" &&
      s.Condition.StringEquals["AWS:SourceArn"] == "arn:aws:cloudfront::123456789012:distribution/E2ABCDEF123456", false)
    ])
    error_message = "The static key must let only this distribution decrypt."
  }
  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.this["ecom/web"].policy).rules[0].selection.countNumber == 50
    error_message = "ecr_keep_last_images must drive the lifecycle policy."
  }
  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enhanced"
    error_message = "container_insights must drive the cluster setting."
  }
}

# The switch, not the ARN, decides: a certificate given ahead of time (e.g.
# created before HTTPS is turned on) changes nothing.
run "certificate_without_enable_https_keeps_http" {
  command = plan

  variables {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  assert {
    condition     = length(aws_lb_listener.https) == 0 && length(aws_lb_listener.http_redirect) == 0 && length(aws_lb_listener.http) == 1
    error_message = "Without enable_https only the plain HTTP listener must exist, even with a certificate."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb_from_cloudfront.from_port == 80
    error_message = "Without enable_https CloudFront must reach the ALB on port 80."
  }
}

run "several_services_and_custom_retention" {
  command = plan

  variables {
    ecs_service_names          = ["storefront-web", "checkout-web"]
    service_log_retention_days = 731
  }

  assert {
    condition     = toset(values(output.service_log_group_names)) == toset(["/ecs/ecom-dev-front/storefront-web", "/ecs/ecom-dev-front/checkout-web"])
    error_message = "Every service name must get its own log group."
  }
  assert {
    condition     = alltrue([for g in values(aws_cloudwatch_log_group.services) : g.retention_in_days == 731])
    error_message = "service_log_retention_days must reach every service log group."
  }
  assert {
    condition = toset(flatten([
      for st in jsondecode(aws_iam_role_policy.task_execution.policy).Statement : st.Resource if contains(st.Action, "logs:PutLogEvents")
      ])) == toset([
      "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/ecom-dev-front/storefront-web:log-stream:*",
      "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/ecom-dev-front/checkout-web:log-stream:*",
    ])
    error_message = "The execution role must write to every service log group and nothing else."
  }
}

run "no_ecr_repositories_and_no_services" {
  command = plan

  variables {
    ecr_repositories           = []
    ecs_service_names          = []
    enable_deletion_protection = false
    default_capacity_provider  = "FARGATE_SPOT"
  }

  assert {
    condition     = length(aws_ecr_repository.this) == 0 && length(aws_kms_key.ecr) == 0
    error_message = "Without repositories neither repositories nor their key must be created."
  }
  assert {
    condition     = length(aws_cloudwatch_log_group.services) == 0 && length(aws_kms_key.logs) == 0 && output.logs_kms_key_arn == null && length(output.service_log_group_names) == 0
    error_message = "Without services neither log groups nor their key must be created."
  }
  assert {
    condition     = [for st in jsondecode(aws_iam_role_policy.task_execution.policy).Statement : st.Sid] == ["EcrAuthorizationToken"]
    error_message = "Without repositories and services the execution role may only get an ECR token."
  }
  assert {
    condition     = !aws_lb.this.enable_deletion_protection
    error_message = "enable_deletion_protection = false must reach the ALB."
  }
  assert {
    condition     = one(aws_ecs_cluster_capacity_providers.this.default_capacity_provider_strategy).capacity_provider == "FARGATE_SPOT"
    error_message = "default_capacity_provider must drive the default strategy."
  }
}
