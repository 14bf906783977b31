# Regression test: HTTPS on the internal ALB can be switched on in the same
# apply that creates its certificate. The ARN is unknown at plan time (see the
# fixture); the plan must still succeed because the listener count and the
# ingress ports depend on enable_alb_https only (with
# `alb_certificate_arn != null` it failed with "Invalid count argument").

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
  target = module.backend.aws_lb_listener.http
  values = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/http" }
}

override_resource {
  target = module.backend.aws_lb_listener.https
  values = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/ecom-test-alb/abc/https" }
}

run "https_with_a_certificate_unknown_at_plan" {
  command = plan

  # No assertion: the test is that the plan succeeds (tofu test shows unknown
  # values as null, so the listeners cannot be inspected here).
  module {
    source = "./tests/fixtures/unknown_certificate"
  }
}
