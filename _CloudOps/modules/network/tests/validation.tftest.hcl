# Every validated variable of the network module rejects a bad value.

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{}"
    }
  }

  # The provider still validates ARN arguments, so the mocked ARNs must parse.
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/mock/flow-logs"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/mock"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
    }
  }
}

variables {
  name = "ecom-test"
  azs  = ["eu-west-1a", "eu-west-1b"]
}

run "rejects_name_uppercase" {
  command = plan

  variables {
    name = "Ecom-Dev"
  }

  expect_failures = [var.name]
}

run "rejects_name_underscore" {
  command = plan

  variables {
    name = "ecom_dev"
  }

  expect_failures = [var.name]
}

run "rejects_name_trailing_hyphen" {
  command = plan

  variables {
    name = "ecom-dev-"
  }

  expect_failures = [var.name]
}

run "rejects_name_too_long" {
  command = plan

  variables {
    name = "ecom-a-very-long-environment-name-x"
  }

  expect_failures = [var.name]
}

run "rejects_vpc_cidr_not_a_cidr" {
  command = plan

  variables {
    vpc_cidr = "10.0.0.0"
  }

  expect_failures = [var.vpc_cidr]
}

run "rejects_vpc_cidr_too_big" {
  command = plan

  variables {
    vpc_cidr = "10.0.0.0/8"
  }

  expect_failures = [var.vpc_cidr]
}

run "rejects_vpc_cidr_too_small" {
  command = plan

  variables {
    vpc_cidr = "10.0.0.0/26"
  }

  expect_failures = [var.vpc_cidr]
}

run "rejects_vpc_cidr_host_bits" {
  command = plan

  variables {
    vpc_cidr = "10.0.0.1/16"
  }

  expect_failures = [var.vpc_cidr]
}

run "rejects_azs_one" {
  command = plan

  variables {
    azs = ["eu-west-1a"]
  }

  expect_failures = [var.azs]
}

run "rejects_azs_four" {
  command = plan

  variables {
    azs = ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"]
  }

  expect_failures = [var.azs]
}

run "rejects_azs_repeated" {
  command = plan

  variables {
    azs = ["eu-west-1a", "eu-west-1a"]
  }

  expect_failures = [var.azs]
}

run "rejects_azs_zone_ids" {
  command = plan

  variables {
    azs = ["euw1-az1", "euw1-az2"]
  }

  expect_failures = [var.azs]
}

run "rejects_nat_mode_unknown" {
  command = plan

  variables {
    nat_mode = "per_az"
  }

  expect_failures = [var.nat_mode]
}

run "rejects_interface_endpoint_services_empty" {
  command = plan

  variables {
    interface_endpoint_services = []
  }

  expect_failures = [var.interface_endpoint_services]
}

run "rejects_interface_endpoint_services_full_name" {
  command = plan

  variables {
    interface_endpoint_services = ["com.amazonaws.eu-west-1.logs"]
  }

  expect_failures = [var.interface_endpoint_services]
}

run "rejects_interface_endpoint_services_gateway" {
  command = plan

  variables {
    interface_endpoint_services = ["logs", "s3"]
  }

  expect_failures = [var.interface_endpoint_services]
}

run "rejects_flow_logs_retention_days_not_allowed" {
  command = plan

  variables {
    flow_logs_retention_days = 10
  }

  expect_failures = [var.flow_logs_retention_days]
}

run "rejects_flow_logs_retention_days_never" {
  command = plan

  variables {
    flow_logs_retention_days = 0
  }

  expect_failures = [var.flow_logs_retention_days]
}

run "rejects_flow_logs_traffic_type_lower" {
  command = plan

  variables {
    flow_logs_traffic_type = "all"
  }

  expect_failures = [var.flow_logs_traffic_type]
}

run "rejects_kms_key_deletion_window_days_short" {
  command = plan

  variables {
    kms_key_deletion_window_days = 5
  }

  expect_failures = [var.kms_key_deletion_window_days]
}

run "rejects_kms_key_deletion_window_days_long" {
  command = plan

  variables {
    kms_key_deletion_window_days = 31
  }

  expect_failures = [var.kms_key_deletion_window_days]
}

run "rejects_tags_aws_prefix" {
  command = plan

  variables {
    tags = { "aws:owner" = "me" }
  }

  expect_failures = [var.tags]
}
