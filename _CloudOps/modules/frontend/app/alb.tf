# ---------------------------------------------------------------------------
# Public ALB, reachable only from CloudFront (managed prefix list). Services
# add their own listener rules; the default action answers 404.
# ---------------------------------------------------------------------------

data "aws_ec2_managed_prefix_list" "cloudfront" {
  name = "com.amazonaws.global.cloudfront.origin-facing"
}

locals {
  # CloudFront talks to the ALB over HTTPS when enable_https is true,
  # otherwise over HTTP (dev). The CloudFront prefix list weighs ~55 rules
  # against the per-group rules quota (60 by default), so only the one port
  # CloudFront actually uses is opened.
  alb_ingress_port = local.https_enabled ? 443 : 80
  ssl_policy       = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "ALB of ${var.name}: ingress only from CloudFront origin-facing addresses"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-alb" })
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_cloudfront" {
  security_group_id = aws_security_group.alb.id
  description       = "${local.https_enabled ? "HTTPS" : "HTTP"} from CloudFront origin-facing servers only"
  ip_protocol       = "tcp"
  from_port         = local.alb_ingress_port
  to_port           = local.alb_ingress_port
  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront.id
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "alb_to_services" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the ECS service tasks (any container port)"
  ip_protocol                  = "tcp"
  from_port                    = 0
  to_port                      = 65535
  referenced_security_group_id = aws_security_group.services.id
  tags                         = var.tags
}

resource "aws_security_group" "services" {
  #checkov:skip=CKV2_AWS_5:Attached outside Terraform: the deploy action puts it on the ECS services' awsvpc network configuration (contract parameter security-groups).
  name        = "${var.name}-services"
  description = "ECS services of ${var.name}: ingress only from the ALB"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-services" })
}

resource "aws_vpc_security_group_ingress_rule" "services_from_alb" {
  #checkov:skip=CKV_AWS_24:False positive: the only source is the ALB security group (referenced_security_group_id), which checkov 3.3.30 does not read for this resource type; nothing is open to 0.0.0.0/0.
  #checkov:skip=CKV_AWS_25:False positive: the only source is the ALB security group (referenced_security_group_id), which checkov 3.3.30 does not read for this resource type; nothing is open to 0.0.0.0/0.
  #checkov:skip=CKV_AWS_260:False positive: the only source is the ALB security group (referenced_security_group_id), which checkov 3.3.30 does not read for this resource type; nothing is open to 0.0.0.0/0.
  security_group_id            = aws_security_group.services.id
  description                  = "From the ALB only (any container port)"
  ip_protocol                  = "tcp"
  from_port                    = 0
  to_port                      = 65535
  referenced_security_group_id = aws_security_group.alb.id
  tags                         = var.tags
}

resource "aws_vpc_security_group_egress_rule" "services_https" {
  security_group_id = aws_security_group.services.id
  description       = "HTTPS to AWS APIs (ECR, CloudWatch Logs, Secrets Manager) and backend APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
  tags              = var.tags
}

resource "aws_lb" "this" {
  #checkov:skip=CKV2_AWS_28:The ALB sits behind CloudFront, whose WAFv2 web ACL (module frontend/cdn) filters every request; the security group admits only CloudFront origin-facing addresses. With enable_origin_verify (the stack turns it on) a regional web ACL is attached too (origin_verify.tf).
  #checkov:skip=CKV2_AWS_76:The regional web ACL (origin_verify.tf) only admits requests with this distribution's origin-verify secret; the Log4j managed rules (KnownBadInputs) run in the CloudFront web ACL in front of it.
  #checkov:skip=CKV2_AWS_20:HTTP redirects to HTTPS whenever enable_https is true; without HTTPS (dev on the CloudFront domain) the plain HTTP listener is the only one and is reachable from CloudFront only.
  name                       = "${var.name}-alb"
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.alb.id]
  subnets                    = var.public_subnet_ids
  drop_invalid_header_fields = true
  enable_deletion_protection = var.enable_deletion_protection
  tags                       = var.tags

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = local.alb_log_prefix
    enabled = true
  }

  # ELB checks that it can write to the bucket when logging is turned on.
  depends_on = [aws_s3_bucket_policy.logs]
}

resource "aws_lb_listener" "https" {
  count = local.https_enabled ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = local.ssl_policy
  certificate_arn   = var.certificate_arn
  tags              = var.tags

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "Not Found"
      status_code  = "404"
    }
  }

  lifecycle {
    precondition {
      condition     = var.certificate_arn != null
      error_message = "certificate_arn is required when enable_https is true: set it to the ACM certificate of the ALB (in the ALB's region), or set enable_https = false."
    }
  }
}

resource "aws_lb_listener" "http_redirect" {
  count = local.https_enabled ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"
  tags              = var.tags

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "http" {
  #checkov:skip=CKV_AWS_2:Exists only when enable_https is false (dev without a custom domain), reachable from CloudFront's origin-facing prefix list only; with HTTPS it is replaced by HTTPS plus an HTTP->HTTPS redirect. checkov ignores count when scanning an environment and flags it there too.
  #checkov:skip=CKV_AWS_103:Plain HTTP listener (no TLS to configure); only created when enable_https is false, the HTTPS listener uses ELBSecurityPolicy-TLS13-1-2-2021-06.
  count = local.https_enabled ? 0 : 1

  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"
  tags              = var.tags

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "Not Found"
      status_code  = "404"
    }
  }
}
