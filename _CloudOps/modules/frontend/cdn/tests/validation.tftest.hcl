# Every validated variable of frontend/cdn rejects at least one bad value, and
# the cross-variable checks (terraform_data.input_checks) fire.

mock_provider "aws" {
  mock_resource "aws_cloudfront_function" {
    defaults = {
      arn = "arn:aws:cloudfront::123456789012:function/ecom-dev-cdn-api-strip-prefix"
    }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { region = "eu-west-1" }
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

run "rejects_bad_name" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    name = "ECOM_cdn"
  }
  expect_failures = [var.name]
}

run "rejects_bad_zone_mode" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    zone_mode = "import"
  }
  expect_failures = [var.zone_mode]
}

run "rejects_bad_domain_name" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    zone_mode   = "create"
    domain_name = "*.shop.example.com"
  }
  expect_failures = [var.domain_name]
}

run "rejects_domain_name_with_scheme" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    zone_mode   = "create"
    domain_name = "https://shop.example.com"
  }
  expect_failures = [var.domain_name]
}

run "rejects_wildcard_alternative_name" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    zone_mode         = "create"
    domain_name       = "shop.example.com"
    alternative_names = ["*.shop.example.com"]
  }
  expect_failures = [var.alternative_names]
}

run "rejects_bad_zone_id" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    zone_mode   = "existing"
    domain_name = "shop.example.com"
    zone_id     = "zone-123"
  }
  expect_failures = [var.zone_id]
}

run "rejects_bad_static_bucket_domain" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    static_bucket_regional_domain_name = "my-bucket.s3-website-eu-west-1.amazonaws.com"
  }
  expect_failures = [var.static_bucket_regional_domain_name]
}

run "rejects_bad_app_alb_dns_name" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    app_alb_dns_name = "http://my-alb.eu-west-1.elb.amazonaws.com/"
  }
  expect_failures = [var.app_alb_dns_name]
}

run "rejects_bad_api_domain_name" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    api_domain_name = "https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod"
  }
  expect_failures = [var.api_domain_name]
}

run "rejects_bad_api_origin_path" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    api_origin_path = "prod/"
  }
  expect_failures = [var.api_origin_path]
}

run "rejects_catch_all_api_path_pattern" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    api_path_patterns = ["/*"]
  }
  expect_failures = [var.api_path_patterns]
}

run "rejects_empty_app_path_patterns" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    app_path_patterns = []
  }
  expect_failures = [var.app_path_patterns]
}

run "rejects_bad_price_class" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    price_class = "PriceClass_50"
  }
  expect_failures = [var.price_class]
}

run "rejects_short_origin_verify_secret" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    origin_verify_secret = "short"
  }
  expect_failures = [var.origin_verify_secret]
}

run "rejects_waf_rate_limit_below_10" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    waf_rate_limit = 9
  }
  expect_failures = [var.waf_rate_limit]
}

run "rejects_bad_waf_excluded_rule" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    waf_common_rule_set_excluded_rules = ["Size Restrictions"]
  }
  expect_failures = [var.waf_common_rule_set_excluded_rules]
}

run "rejects_bad_waf_log_retention_days" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    waf_log_retention_days = 100
  }
  expect_failures = [var.waf_log_retention_days]
}

run "rejects_bad_log_retention_days" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    log_retention_days = 0
  }
  expect_failures = [var.log_retention_days]
}

run "requires_domain_name_with_a_zone" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    zone_mode = "create"
  }
  expect_failures = [terraform_data.input_checks]
}

run "requires_zone_id_for_existing_zone" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    zone_mode   = "existing"
    domain_name = "shop.example.com"
  }
  expect_failures = [terraform_data.input_checks]
}

run "rejects_alternative_names_without_certificate" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    alternative_names = ["www.shop.example.com"]
  }
  expect_failures = [terraform_data.input_checks]
}

run "rejects_overlapping_path_patterns" {
  command = plan
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  variables {
    app_path_patterns = ["/api/*"]
  }
  expect_failures = [terraform_data.input_checks]
}
