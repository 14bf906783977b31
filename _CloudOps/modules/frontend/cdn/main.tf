# frontend/cdn: CloudFront in front of the static bucket (OAC), the app ALB and
# the API, with WAFv2, optional Route 53 zone and ACM certificate.
# The default provider holds Route 53 and the access-log bucket; the
# aws.us_east_1 alias holds what CloudFront requires in us-east-1 (ACM, WAFv2
# with CLOUDFRONT scope and its log group).
# Resources are split by concern: dns.tf, cloudfront.tf, logs.tf, waf.tf.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  root_principal = "arn:${local.partition}:iam::${local.account_id}:root"

  use_certificate = var.zone_mode != "none"
  create_zone     = var.zone_mode == "create"

  # Hostnames of the certificate, the distribution aliases and the records.
  site_domains = local.use_certificate ? concat([var.domain_name], var.alternative_names) : []

  zone_id = (
    var.zone_mode == "create" ? aws_route53_zone.this[0].zone_id :
    var.zone_mode == "existing" ? var.zone_id : null
  )

  # AWS-managed CloudFront policies, referenced by ID (stable across accounts;
  # the data sources are avoided because the local AWS emulator lacks them).
  cache_policy_caching_optimized        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  cache_policy_caching_disabled         = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  origin_request_all_viewer_except_host = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  response_headers_security_headers     = "67f7725c-6f97-4210-82d7-5512b31e9d03"

  s3_origin_id  = "static-s3"
  app_origin_id = "app-alb"
  api_origin_id = "api"
}

# Checks that involve several variables (variable validations may only refer
# to their own variable with Terraform < 1.9). The zone and the certificate
# depend on this resource, so a failed check stops the plan before them.
resource "terraform_data" "input_checks" {
  lifecycle {
    precondition {
      condition     = var.zone_mode == "none" || var.domain_name != null
      error_message = "domain_name is required when zone_mode is \"create\" or \"existing\"."
    }
    precondition {
      condition     = var.zone_mode != "existing" || var.zone_id != null
      error_message = "zone_id is required when zone_mode = \"existing\"."
    }
    precondition {
      condition     = var.zone_mode != "none" || length(var.alternative_names) == 0
      error_message = "alternative_names need a certificate: set zone_mode to \"create\" or \"existing\", or leave alternative_names empty."
    }
    precondition {
      condition     = length(setintersection(toset(var.api_path_patterns), toset(var.app_path_patterns))) == 0
      error_message = "api_path_patterns and app_path_patterns must not share a pattern."
    }
  }
}
