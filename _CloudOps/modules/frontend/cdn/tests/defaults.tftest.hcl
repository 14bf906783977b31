# Unit tests for frontend/cdn: secure defaults and the zone_mode switch.
# Plan only, against mocked AWS providers (default region and us-east-1).

mock_provider "aws" {
  mock_resource "aws_cloudfront_function" {
    defaults = {
      arn = "arn:aws:cloudfront::123456789012:function/ecom-dev-cdn-api-strip-prefix"
    }
  }
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
  mock_data "aws_canonical_user_id" {
    defaults = {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
  mock_data "aws_cloudfront_log_delivery_canonical_user_id" {
    defaults = {
      id = "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0"
    }
  }
  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"
      key_id = "0a1b2c3d-1111-2222-3333-444455556666"
    }
  }
  mock_resource "aws_cloudfront_distribution" {
    defaults = {
      arn            = "arn:aws:cloudfront::123456789012:distribution/E2ABCDEF123456"
      id             = "E2ABCDEF123456"
      domain_name    = "d111111abcdef8.cloudfront.net"
      hosted_zone_id = "Z2FDTNDATAQYW2"
    }
  }
}

mock_provider "aws" {
  alias = "us_east_1"

  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"
      key_id = "0a1b2c3d-1111-2222-3333-444455556666"
    }
  }
  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/ecom-dev-cdn/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-ecom-dev-cdn"
    }
  }
  mock_resource "aws_acm_certificate" {
    defaults = {
      arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"
      domain_validation_options = [
        {
          domain_name           = "shop.example.com"
          resource_record_name  = "_a79865eb4cd1a6ab990a45779b4e0b96.shop.example.com."
          resource_record_type  = "CNAME"
          resource_record_value = "_424c7224e9b0146f9a8808af955727d0.acm-validations.aws."
        },
        {
          domain_name           = "www.shop.example.com"
          resource_record_name  = "_b79865eb4cd1a6ab990a45779b4e0b97.www.shop.example.com."
          resource_record_type  = "CNAME"
          resource_record_value = "_524c7224e9b0146f9a8808af955727d1.acm-validations.aws."
        },
      ]
    }
  }
}

variables {
  name                               = "ecom-dev-cdn"
  zone_mode                          = "none"
  static_bucket_regional_domain_name = "ecom-dev-front-static-123456789012-eu-west-1.s3.eu-west-1.amazonaws.com"
  app_alb_dns_name                   = "ecom-dev-front-alb-1234567890.eu-west-1.elb.amazonaws.com"
  api_domain_name                    = "abc123defg.execute-api.eu-west-1.amazonaws.com"
}

run "dev_on_cloudfront_domain" {
  command = plan

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  # --- zone_mode = none: no zone, no certificate, no records ----------------
  assert {
    condition     = length(aws_route53_zone.this) == 0 && length(aws_acm_certificate.this) == 0 && length(aws_acm_certificate_validation.this) == 0
    error_message = "zone_mode = none must create no hosted zone and no certificate."
  }
  assert {
    condition     = length(aws_route53_record.certificate_validation) == 0 && length(aws_route53_record.alias) == 0
    error_message = "zone_mode = none must create no DNS records."
  }
  assert {
    condition     = aws_cloudfront_distribution.this.viewer_certificate[0].cloudfront_default_certificate && length(aws_cloudfront_distribution.this.aliases) == 0
    error_message = "zone_mode = none must use the default CloudFront certificate and no aliases."
  }
  assert {
    condition     = output.zone_id == null && output.certificate_arn == null
    error_message = "zone_mode = none must output null zone_id and certificate_arn."
  }
  assert {
    condition     = one([for o in aws_cloudfront_distribution.this.origin : o.custom_origin_config[0].origin_protocol_policy if o.origin_id == "app-alb"]) == "http-only"
    error_message = "Without a certificate CloudFront must reach the ALB over HTTP."
  }

  # --- S3 origin through OAC ------------------------------------------------
  assert {
    condition = (
      aws_cloudfront_origin_access_control.static.signing_behavior == "always" &&
      aws_cloudfront_origin_access_control.static.signing_protocol == "sigv4" &&
      aws_cloudfront_origin_access_control.static.origin_access_control_origin_type == "s3"
    )
    error_message = "The S3 origin must use an OAC that always signs with SigV4."
  }
  assert {
    condition     = one([for o in aws_cloudfront_distribution.this.origin : o.domain_name if o.origin_id == "static-s3"]) == "ecom-dev-front-static-123456789012-eu-west-1.s3.eu-west-1.amazonaws.com"
    error_message = "The S3 origin must be the static bucket's regional domain."
  }
  assert {
    condition     = length(flatten([for o in aws_cloudfront_distribution.this.origin : o.s3_origin_config if o.origin_id == "static-s3"])) == 0
    error_message = "The S3 origin must not use a legacy origin access identity."
  }

  # --- behaviors --------------------------------------------------------------
  assert {
    condition = (
      aws_cloudfront_distribution.this.default_cache_behavior[0].target_origin_id == "static-s3" &&
      aws_cloudfront_distribution.this.default_cache_behavior[0].viewer_protocol_policy == "redirect-to-https" &&
      aws_cloudfront_distribution.this.default_cache_behavior[0].cache_policy_id == "658327ea-f89d-4fab-a63d-7e88639e58f6" &&
      aws_cloudfront_distribution.this.default_cache_behavior[0].response_headers_policy_id == "67f7725c-6f97-4210-82d7-5512b31e9d03"
    )
    error_message = "The default behavior must serve S3, redirect to HTTPS, use CachingOptimized and SecurityHeadersPolicy."
  }
  assert {
    condition = (
      aws_cloudfront_distribution.this.ordered_cache_behavior[0].path_pattern == "/api/*" &&
      aws_cloudfront_distribution.this.ordered_cache_behavior[0].target_origin_id == "api" &&
      aws_cloudfront_distribution.this.ordered_cache_behavior[1].path_pattern == "/app/*" &&
      aws_cloudfront_distribution.this.ordered_cache_behavior[1].target_origin_id == "app-alb"
    )
    error_message = "/api/* must route to the API and /app/* to the ALB."
  }
  assert {
    condition = alltrue([
      for b in aws_cloudfront_distribution.this.ordered_cache_behavior :
      b.viewer_protocol_policy == "redirect-to-https" &&
      b.cache_policy_id == "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" &&
      b.origin_request_policy_id == "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    ])
    error_message = "Dynamic behaviors must redirect to HTTPS, disable caching and forward all viewer values but Host."
  }
  assert {
    condition     = one([for o in aws_cloudfront_distribution.this.origin : o.custom_origin_config[0].origin_protocol_policy if o.origin_id == "api"]) == "https-only"
    error_message = "The API origin must always be reached over HTTPS."
  }
  assert {
    condition     = length(flatten([for o in aws_cloudfront_distribution.this.origin : o.custom_header if o.origin_id == "app-alb"])) == 0
    error_message = "Without enable_origin_verify no custom origin header must be sent."
  }
  assert {
    condition = (
      aws_cloudfront_function.api_strip_prefix[0].runtime == "cloudfront-js-2.0" &&
      strcontains(aws_cloudfront_function.api_strip_prefix[0].code, "var PREFIX = \"/api\";") &&
      [for b in aws_cloudfront_distribution.this.ordered_cache_behavior : [for f in b.function_association : f.event_type] if b.target_origin_id == "api"] == [["viewer-request"]] &&
      length(flatten([for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.function_association if b.target_origin_id != "api"])) == 0
    )
    error_message = "/api/* must run the strip-prefix function (prefix /api) on viewer request, so /api/orders reaches the API route /orders; no other behavior may run it."
  }

  # --- distribution settings --------------------------------------------------
  assert {
    condition = (
      aws_cloudfront_distribution.this.default_root_object == "index.html" &&
      aws_cloudfront_distribution.this.http_version == "http2and3" &&
      aws_cloudfront_distribution.this.is_ipv6_enabled &&
      aws_cloudfront_distribution.this.price_class == "PriceClass_100"
    )
    error_message = "The distribution must serve index.html, HTTP/2+3, IPv6 and PriceClass_100 by default."
  }
  assert {
    condition     = aws_cloudfront_distribution.this.logging_config[0].prefix == "cloudfront/" && !aws_cloudfront_distribution.this.logging_config[0].include_cookies
    error_message = "The distribution must log to the log bucket without cookies."
  }

  # --- log bucket -------------------------------------------------------------
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
    condition     = aws_s3_bucket_versioning.logs.versioning_configuration[0].status == "Enabled"
    error_message = "The log bucket must be versioned."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.logs.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "aws:kms"
    error_message = "The log bucket must default to SSE-KMS."
  }
  assert {
    condition = anytrue([
      for g in aws_s3_bucket_acl.logs.access_control_policy[0].grant :
      g.permission == "FULL_CONTROL" && one(g.grantee[*].id) == "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0"
    ])
    error_message = "The log bucket ACL must grant the CloudFront log delivery account (awslogsdelivery)."
  }
  assert {
    condition     = alltrue([for g in aws_s3_bucket_acl.logs.access_control_policy[0].grant : g.grantee[0].type == "CanonicalUser"])
    error_message = "The log bucket ACL must grant no group (AllUsers/AuthenticatedUsers)."
  }

  # --- WAF ----------------------------------------------------------------------
  assert {
    condition     = aws_wafv2_web_acl.this.scope == "CLOUDFRONT" && length(aws_wafv2_web_acl.this.default_action[0].allow) == 1
    error_message = "The web ACL must have CLOUDFRONT scope and allow by default."
  }
  assert {
    condition = length(setsubtract(
      ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"],
      flatten([for r in aws_wafv2_web_acl.this.rule : [for s in r.statement : [for m in s.managed_rule_group_statement : m.name if m.vendor_name == "AWS"]]])
    )) == 0
    error_message = "The web ACL must use the Common, KnownBadInputs and AmazonIpReputationList AWS managed rule groups."
  }
  assert {
    condition = (
      one(flatten([for r in aws_wafv2_web_acl.this.rule : [for s in r.statement : [for b in s.rate_based_statement : b.limit]]])) == 2000 &&
      one([for r in aws_wafv2_web_acl.this.rule : length(r.action[0].block) if r.name == "rate-limit-per-ip"]) == 1
    )
    error_message = "The web ACL must block IPs above the rate limit (2000 by default)."
  }
  assert {
    condition     = alltrue([for r in aws_wafv2_web_acl.this.rule : r.visibility_config[0].cloudwatch_metrics_enabled && r.visibility_config[0].sampled_requests_enabled])
    error_message = "Every WAF rule must publish metrics and sampled requests."
  }
  assert {
    condition     = startswith(aws_cloudwatch_log_group.waf.name, "aws-waf-logs-") && aws_cloudwatch_log_group.waf.retention_in_days == 365
    error_message = "WAF logs must go to an aws-waf-logs-* group kept 365 days."
  }
  assert {
    condition     = aws_kms_key.waf_logs.enable_key_rotation && aws_kms_key.logs.enable_key_rotation
    error_message = "The log keys must rotate."
  }
  assert {
    condition     = length(aws_wafv2_web_acl_logging_configuration.this.redacted_fields) == 2
    error_message = "WAF logs must redact the authorization and cookie headers."
  }
}

run "prod_with_created_zone" {
  command = plan

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  variables {
    zone_mode                          = "create"
    domain_name                        = "shop.example.com"
    alternative_names                  = ["www.shop.example.com"]
    price_class                        = "PriceClass_All"
    waf_rate_limit                     = 500
    waf_common_rule_set_excluded_rules = ["SizeRestrictions_BODY"]
    enable_origin_verify               = true
    origin_verify_secret               = "0123456789abcdef0123456789abcdef"
    app_path_patterns                  = ["/app/*", "/account/*"]
  }

  assert {
    condition     = length(aws_route53_zone.this) == 1 && aws_route53_zone.this[0].name == "shop.example.com"
    error_message = "zone_mode = create must create the hosted zone."
  }
  assert {
    condition     = length(aws_acm_certificate.this) == 1 && aws_acm_certificate.this[0].validation_method == "DNS" && length(aws_acm_certificate_validation.this) == 1
    error_message = "A DNS-validated certificate must be requested and validated."
  }
  assert {
    condition     = toset(keys(aws_route53_record.certificate_validation)) == toset(["shop.example.com", "www.shop.example.com"])
    error_message = "One validation record per certificate name must be created."
  }
  assert {
    condition     = toset(keys(aws_route53_record.alias)) == toset(["shop.example.com/A", "shop.example.com/AAAA", "www.shop.example.com/A", "www.shop.example.com/AAAA"])
    error_message = "A and AAAA alias records must exist for every hostname."
  }
  assert {
    condition     = toset(aws_cloudfront_distribution.this.aliases) == toset(["shop.example.com", "www.shop.example.com"])
    error_message = "The distribution must answer for every hostname."
  }
  assert {
    condition = (
      !aws_cloudfront_distribution.this.viewer_certificate[0].cloudfront_default_certificate &&
      aws_cloudfront_distribution.this.viewer_certificate[0].minimum_protocol_version == "TLSv1.2_2021" &&
      aws_cloudfront_distribution.this.viewer_certificate[0].ssl_support_method == "sni-only"
    )
    error_message = "With a certificate the distribution must require TLSv1.2_2021 with SNI."
  }
  assert {
    condition     = one([for o in aws_cloudfront_distribution.this.origin : o.custom_origin_config[0].origin_protocol_policy if o.origin_id == "app-alb"]) == "https-only"
    error_message = "With a certificate CloudFront must reach the ALB over HTTPS only."
  }
  assert {
    condition     = one(flatten([for o in aws_cloudfront_distribution.this.origin : [for h in o.custom_header : h.name] if o.origin_id == "app-alb"])) == "X-Origin-Verify"
    error_message = "enable_origin_verify must add the X-Origin-Verify header with origin_verify_secret to the ALB origin."
  }
  assert {
    condition     = [for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.path_pattern] == ["/api/*", "/app/*", "/account/*"]
    error_message = "app_path_patterns must add one ALB behavior each, after the API."
  }
  assert {
    condition     = aws_cloudfront_distribution.this.price_class == "PriceClass_All"
    error_message = "price_class must reach the distribution."
  }
  assert {
    condition = one(flatten([
      for r in aws_wafv2_web_acl.this.rule : [for s in r.statement : [for b in s.rate_based_statement : b.limit]]
    ])) == 500
    error_message = "waf_rate_limit must drive the rate-based rule."
  }
  assert {
    condition = one(flatten([
      for r in aws_wafv2_web_acl.this.rule : [for s in r.statement : [for m in s.managed_rule_group_statement : [for o in m.rule_action_override : o.name]]]
    ])) == "SizeRestrictions_BODY"
    error_message = "waf_common_rule_set_excluded_rules must switch those rules to count."
  }
}

run "prod_with_existing_zone" {
  command = plan

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  variables {
    zone_mode   = "existing"
    domain_name = "shop.example.com"
    zone_id     = "Z0123456789ABCDEFGHIJ"
  }

  assert {
    condition     = length(aws_route53_zone.this) == 0 && length(aws_acm_certificate.this) == 1
    error_message = "zone_mode = existing must create a certificate but no zone."
  }
  assert {
    condition     = alltrue([for r in aws_route53_record.alias : r.zone_id == "Z0123456789ABCDEFGHIJ"]) && alltrue([for r in aws_route53_record.certificate_validation : r.zone_id == "Z0123456789ABCDEFGHIJ"])
    error_message = "Records must go to the given existing zone."
  }
  assert {
    condition     = output.zone_id == "Z0123456789ABCDEFGHIJ" && length(output.name_servers) == 0
    error_message = "zone_id must be passed through and no name servers reported."
  }
}
