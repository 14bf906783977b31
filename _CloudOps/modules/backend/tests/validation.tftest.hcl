# Every validated input refuses at least one bad value (expect_failures).
# Plans with a mocked provider; the variables block below is a valid baseline
# and each run breaks exactly one input.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name   = "us-east-1"
      region = "us-east-1"
    }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_elb_service_account" {
    defaults = { arn = "arn:aws:iam::127311923021:root" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555" }
  }
  mock_resource "aws_lambda_alias" {
    defaults = { arn = "arn:aws:lambda:us-east-1:123456789012:function:ecom-test-lambda-catalog:live" }
  }
  mock_resource "aws_apigatewayv2_api" {
    defaults = { execution_arn = "arn:aws:execute-api:us-east-1:123456789012:abc123" }
  }
  # Computed ARNs that other resources' arguments validate as ARNs.
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/ecom-test-alb/0123456789abcdef" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:us-east-1:123456789012:log-group:mock" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
  }
  mock_resource "aws_lambda_function" {
    defaults = {
      arn     = "arn:aws:lambda:us-east-1:123456789012:function:ecom-test-lambda-catalog"
      version = "1"
    }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::ecom-test-alb-logs-123456789012-us-east-1" }
  }
  mock_resource "aws_security_group" {
    defaults = { arn = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0" }
  }
  mock_resource "aws_secretsmanager_secret" {
    defaults = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mock-AbCdEf" }
  }
}

variables {
  name_prefix            = "ecom-test"
  vpc_id                 = "vpc-0123456789abcdef0"
  vpc_cidr_block         = "10.20.0.0/16"
  private_app_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
  cors_allowed_origins   = ["https://shop.example.com"]
  callback_urls          = ["https://shop.example.com/auth/callback"]
  logout_urls            = ["https://shop.example.com/"]
  catalog_table_arn      = "arn:aws:dynamodb:us-east-1:123456789012:table/ecom-test-catalog"
  lambda_package_path    = "build/lambda-placeholder.zip"
}

run "valid_baseline" {
  command = plan

  assert {
    condition     = aws_lambda_function.catalog.function_name == "ecom-test-lambda-catalog"
    error_message = "The baseline variables must plan without errors."
  }
}

# name_prefix: uppercase and underscore
run "rejects_name_prefix" {
  command = plan

  variables {
    name_prefix = "Ecom_Dev"
  }

  expect_failures = [var.name_prefix]
}

# name_prefix: longer than 24 characters
run "rejects_name_prefix_2" {
  command = plan

  variables {
    name_prefix = "ecom-backend-production-eu1"
  }

  expect_failures = [var.name_prefix]
}

# log_retention_days: never expire
run "rejects_log_retention_days" {
  command = plan

  variables {
    log_retention_days = 0
  }

  expect_failures = [var.log_retention_days]
}

# log_retention_days: not a CloudWatch value
run "rejects_log_retention_days_2" {
  command = plan

  variables {
    log_retention_days = 45
  }

  expect_failures = [var.log_retention_days]
}

# kms_deletion_window_days: below 7
run "rejects_kms_deletion_window_days" {
  command = plan

  variables {
    kms_deletion_window_days = 6
  }

  expect_failures = [var.kms_deletion_window_days]
}

# vpc_id: not a VPC ID
run "rejects_vpc_id" {
  command = plan

  variables {
    vpc_id = "vpc-xyz"
  }

  expect_failures = [var.vpc_id]
}

# vpc_cidr_block: no prefix length
run "rejects_vpc_cidr_block" {
  command = plan

  variables {
    vpc_cidr_block = "10.0.0.0"
  }

  expect_failures = [var.vpc_cidr_block]
}

# private_app_subnet_ids: a single subnet
run "rejects_private_app_subnet_ids" {
  command = plan

  variables {
    private_app_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1"]
  }

  expect_failures = [var.private_app_subnet_ids]
}

# cors_allowed_origins: wildcard
run "rejects_cors_allowed_origins" {
  command = plan

  variables {
    cors_allowed_origins = ["*"]
  }

  expect_failures = [var.cors_allowed_origins]
}

# cors_allowed_origins: plain http
run "rejects_cors_allowed_origins_2" {
  command = plan

  variables {
    cors_allowed_origins = ["http://shop.example.com"]
  }

  expect_failures = [var.cors_allowed_origins]
}

# cors_allowed_origins: trailing slash
run "rejects_cors_allowed_origins_3" {
  command = plan

  variables {
    cors_allowed_origins = ["https://shop.example.com/"]
  }

  expect_failures = [var.cors_allowed_origins]
}

# cors_allowed_origins: empty list
run "rejects_cors_allowed_origins_4" {
  command = plan

  variables {
    cors_allowed_origins = []
  }

  expect_failures = [var.cors_allowed_origins]
}

# throttling_burst_limit: zero burst
run "rejects_throttling_burst_limit" {
  command = plan

  variables {
    throttling_burst_limit = 0
  }

  expect_failures = [var.throttling_burst_limit]
}

# throttling_rate_limit: zero rate
run "rejects_throttling_rate_limit" {
  command = plan

  variables {
    throttling_rate_limit = 0
  }

  expect_failures = [var.throttling_rate_limit]
}

# catalog_routes: a write method on a public route
run "rejects_catalog_routes" {
  command = plan

  variables {
    catalog_routes = ["POST /catalog"]
  }

  expect_failures = [var.catalog_routes]
}

# service_route_prefixes: path parameter in a prefix
run "rejects_service_route_prefixes" {
  command = plan

  variables {
    service_route_prefixes = ["/orders/{proxy+}"]
  }

  expect_failures = [var.service_route_prefixes]
}

# service_route_prefixes: trailing slash
run "rejects_service_route_prefixes_2" {
  command = plan

  variables {
    service_route_prefixes = ["/orders/"]
  }

  expect_failures = [var.service_route_prefixes]
}

# service_route_methods: ANY would catch the CORS preflight
run "rejects_service_route_methods" {
  command = plan

  variables {
    service_route_methods = ["ANY"]
  }

  expect_failures = [var.service_route_methods]
}

# service_route_methods: OPTIONS would catch the CORS preflight
run "rejects_service_route_methods_2" {
  command = plan

  variables {
    service_route_methods = ["GET", "OPTIONS"]
  }

  expect_failures = [var.service_route_methods]
}

# mfa_configuration: unknown mode
run "rejects_mfa_configuration" {
  command = plan

  variables {
    mfa_configuration = "REQUIRED"
  }

  expect_failures = [var.mfa_configuration]
}

# advanced_security_mode: unknown mode
run "rejects_advanced_security_mode" {
  command = plan

  variables {
    advanced_security_mode = "ON"
  }

  expect_failures = [var.advanced_security_mode]
}

# cognito_domain_prefix: reserved word
run "rejects_cognito_domain_prefix" {
  command = plan

  variables {
    cognito_domain_prefix = "my-cognito-shop"
  }

  expect_failures = [var.cognito_domain_prefix]
}

# callback_urls: plain http outside localhost
run "rejects_callback_urls" {
  command = plan

  variables {
    callback_urls = ["http://shop.example.com/callback"]
  }

  expect_failures = [var.callback_urls]
}

# logout_urls: wildcard
run "rejects_logout_urls" {
  command = plan

  variables {
    logout_urls = ["https://*.example.com/"]
  }

  expect_failures = [var.logout_urls]
}

# explicit_auth_flows: plain-password flow
run "rejects_explicit_auth_flows" {
  command = plan

  variables {
    explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"]
  }

  expect_failures = [var.explicit_auth_flows]
}

# access_token_validity_minutes: below 5 minutes
run "rejects_access_token_validity_minutes" {
  command = plan

  variables {
    access_token_validity_minutes = 2
  }

  expect_failures = [var.access_token_validity_minutes]
}

# id_token_validity_minutes: above 24 hours
run "rejects_id_token_validity_minutes" {
  command = plan

  variables {
    id_token_validity_minutes = 1441
  }

  expect_failures = [var.id_token_validity_minutes]
}

# refresh_token_validity_days: zero days
run "rejects_refresh_token_validity_days" {
  command = plan

  variables {
    refresh_token_validity_days = 0
  }

  expect_failures = [var.refresh_token_validity_days]
}

# email_source_arn: not an SES identity
run "rejects_email_source_arn" {
  command = plan

  variables {
    email_source_arn = "arn:aws:sns:us-east-1:123456789012:topic"
  }

  expect_failures = [var.email_source_arn]
}

# email_from_address: not an address
run "rejects_email_from_address" {
  command = plan

  variables {
    email_from_address = "no-reply"
  }

  expect_failures = [var.email_from_address]
}

# catalog_table_arn: an index ARN
run "rejects_catalog_table_arn" {
  command = plan

  variables {
    catalog_table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/catalog/index/by-category"
  }

  expect_failures = [var.catalog_table_arn]
}

# catalog_table_kms_key_arn: an alias, not a key ARN
run "rejects_catalog_table_kms_key_arn" {
  command = plan

  variables {
    catalog_table_kms_key_arn = "alias/aws/dynamodb"
  }

  expect_failures = [var.catalog_table_kms_key_arn]
}

# lambda_package_path: not a zip
run "rejects_lambda_package_path" {
  command = plan

  variables {
    lambda_package_path = "build/lambda.tar.gz"
  }

  expect_failures = [var.lambda_package_path]
}

# lambda_handler: no module
run "rejects_lambda_handler" {
  command = plan

  variables {
    lambda_handler = "handler"
  }

  expect_failures = [var.lambda_handler]
}

# lambda_memory_size: below 128 MB
run "rejects_lambda_memory_size" {
  command = plan

  variables {
    lambda_memory_size = 64
  }

  expect_failures = [var.lambda_memory_size]
}

# lambda_timeout: at the API Gateway limit
run "rejects_lambda_timeout" {
  command = plan

  variables {
    lambda_timeout = 30
  }

  expect_failures = [var.lambda_timeout]
}

# lambda_architecture: unknown architecture
run "rejects_lambda_architecture" {
  command = plan

  variables {
    lambda_architecture = "arm"
  }

  expect_failures = [var.lambda_architecture]
}

# lambda_reserved_concurrency: zero stops the function
run "rejects_lambda_reserved_concurrency" {
  command = plan

  variables {
    lambda_reserved_concurrency = 0
  }

  expect_failures = [var.lambda_reserved_concurrency]
}

# alb_certificate_arn: not an ACM certificate
run "rejects_alb_certificate_arn" {
  command = plan

  variables {
    alb_certificate_arn = "arn:aws:iam::123456789012:server-certificate/shop"
  }

  expect_failures = [var.alb_certificate_arn]
}

# alb_tls_server_name: a URL, not a host name
run "rejects_alb_tls_server_name" {
  command = plan

  variables {
    alb_tls_server_name = "https://api.example.com"
  }

  expect_failures = [var.alb_tls_server_name]
}

# alb_ssl_policy: allows TLS 1.0
run "rejects_alb_ssl_policy" {
  command = plan

  variables {
    alb_ssl_policy = "ELBSecurityPolicy-2016-08"
  }

  expect_failures = [var.alb_ssl_policy]
}

# alb_logs_bucket_name: invalid bucket name
run "rejects_alb_logs_bucket_name" {
  command = plan

  variables {
    alb_logs_bucket_name = "My_Bucket"
  }

  expect_failures = [var.alb_logs_bucket_name]
}

# alb_logs_expiration_days: zero days
run "rejects_alb_logs_expiration_days" {
  command = plan

  variables {
    alb_logs_expiration_days = 0
  }

  expect_failures = [var.alb_logs_expiration_days]
}

# service_port_range: from above to
run "rejects_service_port_range" {
  command = plan

  variables {
    service_port_range = { from = 9000, to = 8000 }
  }

  expect_failures = [var.service_port_range]
}

# container_insights: turned off
run "rejects_container_insights" {
  command = plan

  variables {
    container_insights = "disabled"
  }

  expect_failures = [var.container_insights]
}

# fargate_spot_weight: negative weight
run "rejects_fargate_spot_weight" {
  command = plan

  variables {
    fargate_spot_weight = -1
  }

  expect_failures = [var.fargate_spot_weight]
}

# app_secrets: invalid name
run "rejects_app_secrets" {
  command = plan

  variables {
    app_secrets = { "bad name!" = "desc" }
  }

  expect_failures = [var.app_secrets]
}

# app_secrets: empty description
run "rejects_app_secrets_2" {
  command = plan

  variables {
    app_secrets = { "payment-api-key" = "" }
  }

  expect_failures = [var.app_secrets]
}

# secret_recovery_window_days: immediate deletion
run "rejects_secret_recovery_window_days" {
  command = plan

  variables {
    secret_recovery_window_days = 0
  }

  expect_failures = [var.secret_recovery_window_days]
}

# catalog_index_name: too short
run "rejects_catalog_index_name" {
  command = plan

  variables {
    catalog_index_name = "ix"
  }

  expect_failures = [var.catalog_index_name]
}

# lambda_log_level: not a Powertools level
run "rejects_lambda_log_level" {
  command = plan

  variables {
    lambda_log_level = "TRACE"
  }

  expect_failures = [var.lambda_log_level]
}

# powertools_layer_version: a Powertools release, not a layer version
run "rejects_powertools_layer_version" {
  command = plan

  variables {
    powertools_layer_version = 3.37
  }

  expect_failures = [var.powertools_layer_version]
}

# ecs_service_names: uppercase
run "rejects_ecs_service_names" {
  command = plan

  variables {
    ecs_service_names = ["Orders"]
  }

  expect_failures = [var.ecs_service_names]
}

# ecs_service_names: duplicate
run "rejects_ecs_service_names_2" {
  command = plan

  variables {
    ecs_service_names = ["orders", "orders"]
  }

  expect_failures = [var.ecs_service_names]
}

# ecr_keep_last_images: keeps nothing
run "rejects_ecr_keep_last_images" {
  command = plan

  variables {
    ecr_keep_last_images = 0
  }

  expect_failures = [var.ecr_keep_last_images]
}
