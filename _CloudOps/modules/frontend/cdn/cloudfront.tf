# ---------------------------------------------------------------------------
# CloudFront distribution: S3 (OAC) by default, /api/* to the API, the app
# paths to the ALB.
# ---------------------------------------------------------------------------

resource "aws_cloudfront_origin_access_control" "static" {
  name                              = "${var.name}-static"
  description                       = "${var.name}: CloudFront access to the static-site bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

locals {
  # Without a custom certificate CloudFront reaches the ALB over HTTP (dev);
  # with one, over HTTPS only.
  app_origin_protocol_policy = local.use_certificate ? "https-only" : "http-only"

  dynamic_behaviors = concat(
    [for p in var.api_path_patterns : { path_pattern = p, origin_id = local.api_origin_id }],
    [for p in var.app_path_patterns : { path_pattern = p, origin_id = local.app_origin_id }],
  )
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV2_AWS_47:The attached web ACL has AWSManagedRulesKnownBadInputsRuleSet, which holds the Log4j (Log4JRCE) rules; the check also demands AWSManagedRulesAnonymousIpList, which would block shoppers behind VPNs and privacy relays.
  #checkov:skip=CKV_AWS_310:Origin failover needs a second copy of each origin (replicated bucket, second-region ALB/API); the shop runs in one region by design.
  #checkov:skip=CKV_AWS_374:The shop sells worldwide; no geo restriction is wanted (abuse is handled by the WAF rate limit and IP reputation rules).
  #checkov:skip=CKV_AWS_174:With a certificate (zone_mode create/existing) minimum_protocol_version is TLSv1.2_2021. Only zone_mode = none (dev on *.cloudfront.net) uses the default CloudFront certificate, for which AWS fixes the policy at TLSv1; checkov does not resolve the conditional when scanning an environment.
  #checkov:skip=CKV2_AWS_32:Every behavior attaches the AWS-managed SecurityHeadersPolicy (67f7725c-6f97-4210-82d7-5512b31e9d03) by ID; checkov only recognises a policy resource or data source, and the data source is not used because the local AWS emulator does not implement it.
  enabled             = true
  comment             = "${var.name}: shop frontend"
  aliases             = local.site_domains
  default_root_object = "index.html"
  price_class         = var.price_class
  http_version        = "http2and3"
  is_ipv6_enabled     = true
  web_acl_id          = aws_wafv2_web_acl.this.arn
  tags                = var.tags

  origin {
    origin_id                = local.s3_origin_id
    domain_name              = var.static_bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.static.id
  }

  origin {
    origin_id   = local.app_origin_id
    domain_name = var.app_alb_dns_name

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = local.app_origin_protocol_policy
      origin_ssl_protocols   = ["TLSv1.2"]
    }

    dynamic "custom_header" {
      for_each = var.enable_origin_verify ? [1] : []
      content {
        name  = "X-Origin-Verify"
        value = var.origin_verify_secret
      }
    }
  }

  origin {
    origin_id   = local.api_origin_id
    domain_name = var.api_domain_name
    origin_path = var.api_origin_path

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  # Static site: cached, compressed, security headers.
  default_cache_behavior {
    target_origin_id           = local.s3_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = local.cache_policy_caching_optimized
    response_headers_policy_id = local.response_headers_security_headers
  }

  # API and app: not cached, every viewer value but Host forwarded (API
  # Gateway and the ALB answer for their own hostname).
  dynamic "ordered_cache_behavior" {
    for_each = local.dynamic_behaviors
    content {
      path_pattern               = ordered_cache_behavior.value.path_pattern
      target_origin_id           = ordered_cache_behavior.value.origin_id
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = local.cache_policy_caching_disabled
      origin_request_policy_id   = local.origin_request_all_viewer_except_host
      response_headers_policy_id = local.response_headers_security_headers

      dynamic "function_association" {
        for_each = ordered_cache_behavior.value.origin_id == local.api_origin_id && var.api_strip_path_prefix != null ? [1] : []
        content {
          event_type   = "viewer-request"
          function_arn = aws_cloudfront_function.api_strip_prefix[0].arn
        }
      }
    }
  }

  logging_config {
    bucket          = aws_s3_bucket.logs.bucket_domain_name
    prefix          = local.logs_prefix
    include_cookies = false
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = !local.use_certificate
    acm_certificate_arn            = local.use_certificate ? aws_acm_certificate_validation.this[0].certificate_arn : null
    ssl_support_method             = local.use_certificate ? "sni-only" : null
    minimum_protocol_version       = local.use_certificate ? "TLSv1.2_2021" : "TLSv1"
  }

  # CloudFront checks the log bucket's ACL when logging is turned on.
  depends_on = [aws_s3_bucket_acl.logs]
}

# /api/* -> the API's own routes: strip api_strip_path_prefix before the
# request goes to the API origin (tests/strip_path_prefix_test.js runs the code).
resource "aws_cloudfront_function" "api_strip_prefix" {
  count = var.api_strip_path_prefix == null ? 0 : 1

  name    = "${var.name}-api-strip-prefix"
  runtime = "cloudfront-js-2.0"
  comment = "${var.name}: ${var.api_strip_path_prefix}/<path> -> /<path> for the API origin"
  publish = true
  code    = templatefile("${path.module}/functions/strip-path-prefix.js", { prefix = var.api_strip_path_prefix })
}
