# Origin verify: the secret CloudFront sends in X-Origin-Verify, and the
# regional web ACL on the ALB that lets only requests carrying it through.
# The secret version is mocked as Secrets Manager returns it (AWSCURRENT).

mock_provider "aws" {
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
  mock_data "aws_ec2_managed_prefix_list" {
    defaults = {
      id = "pl-4fa04526"
    }
  }
  mock_data "aws_elb_service_account" {
    defaults = {
      arn = "arn:aws:iam::156460612806:root"
    }
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
  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/ecom-dev-front-origin-verify/0a1b2c3d-1111-2222-3333-444455556666"
    }
  }
  mock_data "aws_secretsmanager_secret_version" {
    defaults = {
      secret_string = "{\"current\":\"current-value-0123456789abcdef0123456789abcdef\",\"previous\":\"\"}"
    }
  }
}

variables {
  name                 = "ecom-dev-front"
  vpc_id               = "vpc-0123456789abcdef0"
  public_subnet_ids    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  enable_origin_verify = true
}

run "alb_admits_only_the_origin_verify_header" {
  command = apply

  assert {
    condition     = aws_wafv2_web_acl.origin_verify[0].scope == "REGIONAL" && length(aws_wafv2_web_acl.origin_verify[0].default_action[0].block) == 1 && length(aws_wafv2_web_acl.origin_verify[0].default_action[0].allow) == 0
    error_message = "The ALB's web ACL must block (403) by default."
  }

  assert {
    condition     = aws_wafv2_web_acl_association.origin_verify[0].resource_arn == aws_lb.this.arn && aws_wafv2_web_acl_association.origin_verify[0].web_acl_arn == aws_wafv2_web_acl.origin_verify[0].arn
    error_message = "The web ACL must be associated with this module's ALB."
  }

  assert {
    condition = (
      length(aws_wafv2_web_acl.origin_verify[0].rule) == 1 &&
      length(one(aws_wafv2_web_acl.origin_verify[0].rule).action[0].allow) == 1
    )
    error_message = "Exactly one rule, and it allows."
  }

  assert {
    condition = [
      for s in one(aws_wafv2_web_acl.origin_verify[0].rule).statement[0].or_statement[0].statement : {
        value  = s.byte_match_statement[0].search_string
        header = s.byte_match_statement[0].field_to_match[0].single_header[0].name
        match  = s.byte_match_statement[0].positional_constraint
      }
      ] == [
      { value = "current-value-0123456789abcdef0123456789abcdef", header = "x-origin-verify", match = "EXACTLY" },
      { value = "current-value-0123456789abcdef0123456789abcdef", header = "x-origin-verify", match = "EXACTLY" },
    ]
    error_message = "Before any rotation the rule must allow exactly the current value in the x-origin-verify header (both statements)."
  }

  assert {
    condition     = output.origin_verify_header_value == "current-value-0123456789abcdef0123456789abcdef"
    error_message = "CloudFront must get the secret's current value."
  }

  assert {
    condition     = aws_secretsmanager_secret.origin_verify[0].kms_key_id == aws_kms_key.origin_verify[0].arn && aws_secretsmanager_secret.origin_verify[0].name == "ecom-dev-front/origin-verify"
    error_message = "The secret must be encrypted with the module's key and named <name>/origin-verify."
  }

  assert {
    condition     = jsondecode(aws_secretsmanager_secret_version.origin_verify[0].secret_string).previous == "" && length(jsondecode(aws_secretsmanager_secret_version.origin_verify[0].secret_string).current) > 0
    error_message = "The first version must hold a generated current value and an empty previous one."
  }
}

run "during_a_rotation_both_values_pass" {
  command = apply

  override_data {
    target = data.aws_secretsmanager_secret_version.origin_verify
    values = {
      secret_string = "{\"current\":\"new-value-0123456789abcdef0123456789abcdef\",\"previous\":\"old-value-0123456789abcdef0123456789abcdef\"}"
    }
  }

  assert {
    condition = [
      for s in one(aws_wafv2_web_acl.origin_verify[0].rule).statement[0].or_statement[0].statement : s.byte_match_statement[0].search_string
    ] == ["new-value-0123456789abcdef0123456789abcdef", "old-value-0123456789abcdef0123456789abcdef"]
    error_message = "After a rotation the ALB must accept the new and the previous value, so CloudFront's switch cuts no request."
  }

  assert {
    condition     = output.origin_verify_header_value == "new-value-0123456789abcdef0123456789abcdef"
    error_message = "CloudFront must send the new (current) value."
  }
}

run "off_by_default" {
  command = plan

  variables {
    enable_origin_verify = false
  }

  assert {
    condition     = length(aws_wafv2_web_acl.origin_verify) == 0 && length(aws_secretsmanager_secret.origin_verify) == 0 && output.origin_verify_header_value == null
    error_message = "Without enable_origin_verify nothing is created."
  }
}
