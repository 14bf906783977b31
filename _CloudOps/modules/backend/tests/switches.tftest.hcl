# Feature switches and dev/prod settings of the backend module, plus the
# cross-input checks (preconditions) that a single variable cannot express.

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

override_resource {
  target = aws_lb_listener.http
  values = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/http" }
}

override_resource {
  target = aws_lb_listener.https
  values = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/https" }
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

run "https_on_the_internal_alb" {
  command = plan

  variables {
    enable_alb_https    = true
    alb_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
    alb_tls_server_name = "api-internal.example.com"
  }

  assert {
    condition     = length(aws_lb_listener.https) == 1 && aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06"
    error_message = "A certificate must add an HTTPS listener with a TLS 1.3 policy."
  }
  assert {
    condition     = aws_lb_listener.https[0].default_action[0].type == "fixed-response" && aws_lb_listener.https[0].default_action[0].fixed_response[0].status_code == "404"
    error_message = "The HTTPS listener's default action must be a fixed 404."
  }
  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "redirect" && aws_lb_listener.http.default_action[0].redirect[0].protocol == "HTTPS"
    error_message = "With HTTPS the HTTP listener must redirect."
  }
  assert {
    condition     = aws_apigatewayv2_integration.services.integration_uri == "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/https"
    error_message = "The API must call the HTTPS listener."
  }
  assert {
    condition     = aws_apigatewayv2_integration.services.tls_config[0].server_name_to_verify == "api-internal.example.com"
    error_message = "The API must verify the ALB certificate's host name."
  }
  assert {
    condition     = output.alb_listener_arn == "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/https"
    error_message = "alb_listener_arn must be the HTTPS listener when it exists."
  }
  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.alb_from_vpc_link)) == toset(["80", "443"]) && aws_vpc_security_group_egress_rule.vpc_link_to_alb.from_port == 443
    error_message = "The VPC link must reach the ALB on 443."
  }
}

run "https_needs_a_server_name" {
  command = plan

  variables {
    enable_alb_https    = true
    alb_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  expect_failures = [aws_apigatewayv2_integration.services]
}

run "https_needs_a_certificate" {
  command = plan

  variables {
    enable_alb_https    = true
    alb_tls_server_name = "api-internal.example.com"
  }

  expect_failures = [aws_lb_listener.https]
}

# The switch, not the ARN, decides: a certificate given ahead of time (e.g.
# created before the switch is turned on) changes nothing.
run "certificate_without_the_switch_keeps_http" {
  command = plan

  variables {
    alb_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  assert {
    condition     = length(aws_lb_listener.https) == 0 && aws_lb_listener.http.default_action[0].type == "fixed-response"
    error_message = "Without enable_alb_https there must be no HTTPS listener and no redirect, even with a certificate."
  }
  assert {
    condition     = output.alb_listener_arn == "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/http" && length(aws_apigatewayv2_integration.services.tls_config) == 0
    error_message = "Without enable_alb_https the API must call the HTTP listener without TLS."
  }
}

run "lambda_outside_the_vpc" {
  command = plan

  variables {
    enable_lambda_vpc = false
  }

  assert {
    condition     = length(aws_lambda_function.catalog.vpc_config) == 0 && length(aws_security_group.lambda) == 0
    error_message = "enable_lambda_vpc = false must drop the VPC config and the function's security group."
  }
  assert {
    condition     = !anytrue([for a in flatten([for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Action]) : startswith(a, "ec2:")])
    error_message = "Outside the VPC the role needs no EC2 permissions."
  }
  assert {
    condition     = output.lambda_security_group_id == null
    error_message = "Outside the VPC lambda_security_group_id must be null."
  }
}

run "lambda_vpc_permissions_are_scoped" {
  command = plan

  assert {
    condition = toset([
      for r in one([for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Resource if s.Sid == "ManageFunctionEnis"]) : r if startswith(r, "arn:aws:ec2:us-east-1:123456789012:subnet/")
      ]) == toset([
      "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0aaaaaaaaaaaaaaa1",
      "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0bbbbbbbbbbbbbbb2",
    ])
    error_message = "ENI management must be limited to the private app subnets."
  }
}

run "catalog_table_with_a_customer_key" {
  command = plan

  variables {
    catalog_table_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  assert {
    condition = one([
      for s in jsondecode(aws_iam_role_policy.lambda.policy).Statement : s.Condition.StringEquals["kms:ViaService"]
      if contains(s.Action, "kms:Decrypt")
    ]) == "dynamodb.us-east-1.amazonaws.com"
    error_message = "kms:Decrypt on the table key must be limited to calls through DynamoDB."
  }
}

run "powertools_layer" {
  command = plan

  variables {
    powertools_layer_version = 27
    lambda_architecture      = "arm64"
    lambda_log_level         = "DEBUG"
  }

  assert {
    condition     = toset(aws_lambda_function.catalog.layers) == toset(["arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:27"])
    error_message = "The Powertools layer must match the region, the architecture and the version given."
  }
  assert {
    condition     = aws_lambda_function.catalog.environment[0].variables["POWERTOOLS_LOG_LEVEL"] == "DEBUG"
    error_message = "lambda_log_level must reach POWERTOOLS_LOG_LEVEL."
  }
}

run "no_ecs_services_yet" {
  command = plan

  variables {
    ecs_service_names = []
  }

  assert {
    condition     = length(aws_ecr_repository.services) == 0 && length(aws_cloudwatch_log_group.services) == 0 && length(output.ecr_repository_urls) == 0
    error_message = "No service names means no repositories or service log groups."
  }
  assert {
    condition     = length(jsondecode(aws_kms_key.logs.policy).Statement[1].Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"]) == 3
    error_message = "The logs key must then cover only the module's three own log groups."
  }
}

run "dev_settings" {
  command = plan

  variables {
    mfa_configuration             = "OFF"
    advanced_security_mode        = "OFF"
    user_pool_deletion_protection = false
    alb_deletion_protection       = false
    log_retention_days            = 30
    kms_deletion_window_days      = 7
    container_insights            = "enhanced"
    fargate_spot_weight           = 3
    lambda_reserved_concurrency   = -1
    cognito_domain_prefix         = "ecom-dev-shop"
    cors_allowed_origins          = ["https://dev.shop.example.com", "http://localhost:5173"]
    callback_urls                 = ["http://localhost:5173/callback", "https://dev.shop.example.com/callback"]
    logout_urls                   = ["http://localhost:5173/"]
    throttling_burst_limit        = 20
    throttling_rate_limit         = 10
  }

  assert {
    condition     = aws_cognito_user_pool.this.mfa_configuration == "OFF" && length(aws_cognito_user_pool.this.software_token_mfa_configuration) == 0
    error_message = "MFA OFF must remove the software token block."
  }
  assert {
    condition     = aws_cognito_user_pool.this.user_pool_tier == "ESSENTIALS" && aws_cognito_user_pool.this.user_pool_add_ons[0].advanced_security_mode == "OFF"
    error_message = "Without threat protection the pool uses the ESSENTIALS plan."
  }
  assert {
    condition     = aws_cognito_user_pool.this.deletion_protection == "INACTIVE" && !aws_lb.internal.enable_deletion_protection
    error_message = "Deletion protection switches must reach the user pool and the ALB."
  }
  assert {
    condition     = aws_cloudwatch_log_group.api.retention_in_days == 30 && aws_cloudwatch_log_group.lambda.retention_in_days == 30 && aws_cloudwatch_log_group.exec.retention_in_days == 30
    error_message = "log_retention_days must apply to every log group."
  }
  assert {
    condition     = aws_kms_key.logs.deletion_window_in_days == 7
    error_message = "kms_deletion_window_days must reach the keys."
  }
  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enhanced"
    error_message = "container_insights must reach the cluster."
  }
  assert {
    condition     = one([for s in aws_ecs_cluster_capacity_providers.this.default_capacity_provider_strategy : s.weight if s.capacity_provider == "FARGATE_SPOT"]) == 3
    error_message = "fargate_spot_weight must add FARGATE_SPOT to the default strategy."
  }
  assert {
    condition     = aws_lambda_function.catalog.reserved_concurrent_executions == -1
    error_message = "-1 must leave the function without reserved concurrency."
  }
  assert {
    condition     = aws_cognito_user_pool_domain.this[0].domain == "ecom-dev-shop" && output.user_pool_domain == "ecom-dev-shop.auth.us-east-1.amazoncognito.com"
    error_message = "cognito_domain_prefix must create the hosted domain."
  }
  assert {
    condition     = toset(aws_apigatewayv2_api.this.cors_configuration[0].allow_origins) == toset(["https://dev.shop.example.com", "http://localhost:5173"])
    error_message = "CORS origins must be exactly the ones given."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.default_route_settings[0].throttling_burst_limit == 20 && aws_apigatewayv2_stage.default.default_route_settings[0].throttling_rate_limit == 10
    error_message = "Throttling inputs must reach the stage."
  }
  assert {
    condition     = length(aws_secretsmanager_secret.app) == 0 && length(aws_iam_role_policy.task_execution_secrets) == 0 && length(output.secret_arns) == 0
    error_message = "No app_secrets means no secrets and no secrets policy."
  }
}

run "mfa_required" {
  command = plan

  variables {
    mfa_configuration      = "ON"
    advanced_security_mode = "AUDIT"
  }

  assert {
    condition     = aws_cognito_user_pool.this.mfa_configuration == "ON" && aws_cognito_user_pool.this.software_token_mfa_configuration[0].enabled
    error_message = "MFA ON must enable TOTP."
  }
  assert {
    condition     = aws_cognito_user_pool.this.user_pool_tier == "PLUS"
    error_message = "AUDIT threat protection needs the PLUS plan."
  }
}

run "ses_sender" {
  command = plan

  variables {
    email_source_arn   = "arn:aws:ses:us-east-1:123456789012:identity/example.com"
    email_from_address = "Shop <no-reply@example.com>"
  }

  assert {
    condition     = aws_cognito_user_pool.this.email_configuration[0].email_sending_account == "DEVELOPER" && aws_cognito_user_pool.this.email_configuration[0].from_email_address == "Shop <no-reply@example.com>"
    error_message = "An SES identity must switch Cognito to DEVELOPER sending."
  }
}

run "existing_log_bucket" {
  command = plan

  variables {
    create_alb_logs_bucket = false
    alb_logs_bucket_name   = "central-elb-logs"
  }

  assert {
    condition     = length(aws_s3_bucket.alb_logs) == 0 && length(aws_s3_bucket_policy.alb_logs) == 0
    error_message = "create_alb_logs_bucket = false must not create a bucket."
  }
  assert {
    condition     = aws_lb.internal.access_logs[0].bucket == "central-elb-logs"
    error_message = "The ALB must log to the given bucket."
  }
}

run "existing_log_bucket_needs_a_name" {
  command = plan

  variables {
    create_alb_logs_bucket = false
  }

  expect_failures = [aws_lb.internal]
}

run "custom_routes" {
  command = plan

  variables {
    catalog_routes         = ["GET /catalog", "GET /catalog/{id}", "GET /categories"]
    service_route_prefixes = ["/orders", "/payments"]
    service_route_methods  = ["GET", "POST"]
    service_port_range     = { from = 3000, to = 3001 }
  }

  assert {
    condition     = length(aws_lambda_permission.catalog) == 3 && aws_lambda_permission.catalog["GET /categories"].qualifier == "live"
    error_message = "Every catalog route needs its own permission on the alias."
  }
  assert {
    condition = toset(keys(aws_apigatewayv2_route.services)) == toset([
      "GET /orders", "GET /orders/{proxy+}", "POST /orders", "POST /orders/{proxy+}",
      "GET /payments", "GET /payments/{proxy+}", "POST /payments", "POST /payments/{proxy+}",
    ])
    error_message = "Service routes must be every method on every prefix and its {proxy+} subpaths."
  }
  assert {
    condition     = aws_vpc_security_group_egress_rule.alb_to_services.from_port == 3000 && aws_vpc_security_group_egress_rule.alb_to_services.to_port == 3001 && aws_vpc_security_group_ingress_rule.services_from_alb.to_port == 3001
    error_message = "service_port_range must reach both sides of the ALB-to-services rules."
  }
}

run "a_route_cannot_be_both_public_and_protected" {
  command = plan

  variables {
    catalog_routes = ["GET /catalog", "GET /orders"]
  }

  expect_failures = [aws_apigatewayv2_api.this]
}
