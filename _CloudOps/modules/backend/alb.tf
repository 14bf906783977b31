# Internal ALB in front of the ECS services. It only answers 404 by itself:
# the ecom-deploy action adds one listener rule and target group per service.

data "aws_elb_service_account" "current" {}

locals {
  alb_logs_bucket   = var.create_alb_logs_bucket ? aws_s3_bucket.alb_logs[0].bucket : var.alb_logs_bucket_name
  alb_logs_prefix   = "alb/${var.name_prefix}"
  alb_ingress_ports = local.alb_https ? [80, 443] : [80]
}

# --- access logs bucket --------------------------------------------------------

resource "aws_s3_bucket" "alb_logs" {
  #checkov:skip=CKV_AWS_145:ALB access log delivery only supports SSE-S3 (AES256); a KMS-encrypted bucket would silently receive no logs.
  #checkov:skip=CKV_AWS_144:Access logs are operational data with a retention limit; cross-region replication is not required for them.
  #checkov:skip=CKV_AWS_18:This is the access-log destination itself; logging it into another bucket would only move the problem.
  #checkov:skip=CKV2_AWS_62:Nothing consumes events from the log bucket; logs are read on demand (Athena/console).
  count         = var.create_alb_logs_bucket ? 1 : 0
  bucket        = "${var.name_prefix}-alb-logs-${local.account_id}-${local.region}"
  force_destroy = false
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "alb_logs" {
  count                   = var.create_alb_logs_bucket ? 1 : 0
  bucket                  = aws_s3_bucket.alb_logs[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "alb_logs" {
  count  = var.create_alb_logs_bucket ? 1 : 0
  bucket = aws_s3_bucket.alb_logs[0].id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "alb_logs" {
  count  = var.create_alb_logs_bucket ? 1 : 0
  bucket = aws_s3_bucket.alb_logs[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "alb_logs" {
  count  = var.create_alb_logs_bucket ? 1 : 0
  bucket = aws_s3_bucket.alb_logs[0].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "alb_logs" {
  count  = var.create_alb_logs_bucket ? 1 : 0
  bucket = aws_s3_bucket.alb_logs[0].id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"
    filter {}
    expiration {
      days = var.alb_logs_expiration_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.alb_logs]
}

resource "aws_s3_bucket_policy" "alb_logs" {
  count  = var.create_alb_logs_bucket ? 1 : 0
  bucket = aws_s3_bucket.alb_logs[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Regions launched before August 2022 deliver as the regional ELB
        # account, newer ones as the log delivery service; allow both.
        Sid    = "AllowAlbLogDelivery"
        Effect = "Allow"
        Principal = {
          AWS     = data.aws_elb_service_account.current.arn
          Service = "logdelivery.elasticloadbalancing.amazonaws.com"
        }
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.alb_logs[0].arn}/${local.alb_logs_prefix}/AWSLogs/${local.account_id}/*"
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.alb_logs[0].arn, "${aws_s3_bucket.alb_logs[0].arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.alb_logs]
}

# --- security group ------------------------------------------------------------

resource "aws_security_group" "alb" {
  name        = "${var.name_prefix}-alb"
  description = "Internal ALB: listener ports from the API VPC link and the VPC only; out to the services"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name_prefix}-alb" })
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_vpc_link" {
  for_each                     = toset([for p in local.alb_ingress_ports : tostring(p)])
  security_group_id            = aws_security_group.alb.id
  description                  = "Listener port ${each.value} from the API Gateway VPC link"
  ip_protocol                  = "tcp"
  from_port                    = tonumber(each.value)
  to_port                      = tonumber(each.value)
  referenced_security_group_id = aws_security_group.vpc_link.id
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_vpc" {
  for_each          = toset([for p in local.alb_ingress_ports : tostring(p)])
  security_group_id = aws_security_group.alb.id
  description       = "Listener port ${each.value} from inside the VPC (service-to-service calls)"
  ip_protocol       = "tcp"
  from_port         = tonumber(each.value)
  to_port           = tonumber(each.value)
  cidr_ipv4         = var.vpc_cidr_block
}

resource "aws_vpc_security_group_egress_rule" "alb_to_services" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Requests and health checks to the ECS services"
  ip_protocol                  = "tcp"
  from_port                    = var.service_port_range.from
  to_port                      = var.service_port_range.to
  referenced_security_group_id = aws_security_group.services.id
}

# --- load balancer and listeners -------------------------------------------------

resource "aws_lb" "internal" {
  #checkov:skip=CKV2_AWS_20:Internal ALB reached only through the API Gateway VPC link and from inside the VPC: with enable_alb_https the HTTP listener redirects to HTTPS; without it client TLS ends at API Gateway and HTTP stays on the private network. checkov flags it when scanning an environment that keeps enable_alb_https = false.
  name                       = "${var.name_prefix}-alb"
  internal                   = true
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.alb.id]
  subnets                    = var.private_app_subnet_ids
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "strictest"
  enable_deletion_protection = var.alb_deletion_protection

  access_logs {
    bucket  = local.alb_logs_bucket
    prefix  = local.alb_logs_prefix
    enabled = true
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.create_alb_logs_bucket || var.alb_logs_bucket_name != null
      error_message = "alb_logs_bucket_name is required when create_alb_logs_bucket is false."
    }
  }

  # Log delivery is checked when the ALB is created: the policy must exist.
  depends_on = [aws_s3_bucket_policy.alb_logs]
}

resource "aws_lb_listener" "http" {
  #checkov:skip=CKV_AWS_103:Plain HTTP listener: no TLS policy to set. With enable_alb_https it only redirects, and the HTTPS listener uses alb_ssl_policy (validated to ELBSecurityPolicy-TLS13-*).
  #checkov:skip=CKV_AWS_2:Internal ALB behind the API Gateway VPC link: with enable_alb_https = false this listener is plain HTTP on the private network (client TLS ends at API Gateway); with it, it only redirects to HTTPS, which checkov cannot see through the dynamic block when scanning an environment.
  load_balancer_arn = aws_lb.internal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = local.alb_https ? "redirect" : "fixed-response"

    dynamic "redirect" {
      for_each = local.alb_https ? [1] : []
      content {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }

    dynamic "fixed_response" {
      for_each = local.alb_https ? [] : [1]
      content {
        content_type = "application/json"
        message_body = "{\"message\":\"Not Found\"}"
        status_code  = "404"
      }
    }
  }

  tags = var.tags
}

resource "aws_lb_listener" "https" {
  count             = local.alb_https ? 1 : 0
  load_balancer_arn = aws_lb.internal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.alb_ssl_policy
  certificate_arn   = var.alb_certificate_arn

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "application/json"
      message_body = "{\"message\":\"Not Found\"}"
      status_code  = "404"
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.alb_certificate_arn != null
      error_message = "alb_certificate_arn is required when enable_alb_https is true: set it to the ACM certificate of the internal ALB, or set enable_alb_https = false."
    }
  }
}
