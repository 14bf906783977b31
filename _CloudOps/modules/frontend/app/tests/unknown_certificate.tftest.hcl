# Regression test: HTTPS can be switched on in the same apply that creates the
# certificate. The ARN is unknown at plan time (see the fixture); the plan must
# still succeed because the listener counts depend on enable_https only
# (with `certificate_arn != null` it failed with "Invalid count argument").

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { region = "eu-west-1" }
  }
  mock_data "aws_ec2_managed_prefix_list" {
    defaults = { id = "pl-4fa04526" }
  }
  mock_data "aws_elb_service_account" {
    defaults = { arn = "arn:aws:iam::156460612806:root" }
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

run "https_with_a_certificate_unknown_at_plan" {
  command = plan

  # No assertion: the test is that the plan succeeds (tofu test shows unknown
  # values as null, so the listeners cannot be inspected here).
  module {
    source = "./tests/fixtures/unknown_certificate"
  }
}
