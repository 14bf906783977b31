# Every validated variable of frontend/app rejects at least one bad value.

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

variables {
  name              = "ecom-dev-front"
  vpc_id            = "vpc-0123456789abcdef0"
  public_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "Ecom_Front"
  }
  expect_failures = [var.name]
}

run "rejects_too_long_name" {
  command = plan
  variables {
    name = "ecom-frontend-production-eu"
  }
  expect_failures = [var.name]
}

run "rejects_bad_vpc_id" {
  command = plan
  variables {
    vpc_id = "vpc-xyz"
  }
  expect_failures = [var.vpc_id]
}

run "rejects_single_public_subnet" {
  command = plan
  variables {
    public_subnet_ids = ["subnet-0123456789abcdef0"]
  }
  expect_failures = [var.public_subnet_ids]
}

run "rejects_bad_subnet_id" {
  command = plan
  variables {
    public_subnet_ids = ["subnet-0123456789abcdef0", "sg-0123456789abcdef1"]
  }
  expect_failures = [var.public_subnet_ids]
}

run "rejects_bad_certificate_arn" {
  command = plan
  variables {
    certificate_arn = "arn:aws:iam::123456789012:server-certificate/shop"
  }
  expect_failures = [var.certificate_arn]
}

run "rejects_bad_cloudfront_distribution_arn" {
  command = plan
  variables {
    cloudfront_distribution_arn = "E2ABCDEF123456"
  }
  expect_failures = [var.cloudfront_distribution_arn]
}

run "rejects_disabled_container_insights" {
  command = plan
  variables {
    container_insights = "disabled"
  }
  expect_failures = [var.container_insights]
}

run "rejects_bad_default_capacity_provider" {
  command = plan
  variables {
    default_capacity_provider = "EC2"
  }
  expect_failures = [var.default_capacity_provider]
}

run "rejects_bad_ecr_repository_name" {
  command = plan
  variables {
    ecr_repositories = ["Ecom/Web"]
  }
  expect_failures = [var.ecr_repositories]
}

run "rejects_duplicate_ecr_repositories" {
  command = plan
  variables {
    ecr_repositories = ["ecom/web", "ecom/web"]
  }
  expect_failures = [var.ecr_repositories]
}

run "rejects_zero_ecr_keep_last_images" {
  command = plan
  variables {
    ecr_keep_last_images = 0
  }
  expect_failures = [var.ecr_keep_last_images]
}

run "rejects_fractional_log_retention_days" {
  command = plan
  variables {
    log_retention_days = 0.5
  }
  expect_failures = [var.log_retention_days]
}

run "rejects_bad_static_noncurrent_version_days" {
  command = plan
  variables {
    static_noncurrent_version_days = 0
  }
  expect_failures = [var.static_noncurrent_version_days]
}

run "rejects_bad_ecs_service_name" {
  command = plan
  variables {
    ecs_service_names = ["Storefront_Web"]
  }
  expect_failures = [var.ecs_service_names]
}

run "rejects_duplicate_ecs_service_names" {
  command = plan
  variables {
    ecs_service_names = ["storefront-web", "storefront-web"]
  }
  expect_failures = [var.ecs_service_names]
}

run "rejects_bad_service_log_retention_days" {
  command = plan
  variables {
    service_log_retention_days = 0
  }
  expect_failures = [var.service_log_retention_days]
}

# Cross-variable check (precondition on the HTTPS listener).
run "rejects_enable_https_without_certificate" {
  command = plan
  variables {
    enable_https = true
  }
  expect_failures = [aws_lb_listener.https]
}
