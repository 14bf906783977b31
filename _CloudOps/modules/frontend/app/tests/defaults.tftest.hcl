# Unit tests for frontend/app: secure defaults and the certificate /
# CloudFront switches. Plan only, against a mocked AWS provider.

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

run "no_ecr_repositories_creates_no_ecr_key" {
  command = plan

  variables {
    ecr_repositories           = []
    enable_deletion_protection = false
    default_capacity_provider  = "FARGATE_SPOT"
  }

  assert {
    condition     = length(aws_ecr_repository.this) == 0 && length(aws_kms_key.ecr) == 0
    error_message = "Without repositories neither repositories nor their key must be created."
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
