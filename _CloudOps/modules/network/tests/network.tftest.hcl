# Behaviour of the network module with a mocked AWS provider (plan only).

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      region = "eu-west-1"
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }

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

# Mocked IDs are the same for every instance of a resource type, so each
# tier gets its own fixed IDs to tell the tiers apart in the assertions.
override_resource {
  target = aws_subnet.public
  values = { id = "subnet-public" }
}

override_resource {
  target = aws_subnet.private_app
  values = { id = "subnet-app" }
}

override_resource {
  target = aws_subnet.private_data
  values = { id = "subnet-data" }
}

override_resource {
  target = aws_route_table.public
  values = { id = "rtb-public" }
}

override_resource {
  target = aws_route_table.private_app
  values = { id = "rtb-app" }
}

override_resource {
  target = aws_route_table.private_data
  values = { id = "rtb-data" }
}

variables {
  name = "ecom-test"
  azs  = ["eu-west-1a", "eu-west-1b"]
}

run "defaults_are_secure_and_cheap" {
  command = plan

  # VPC
  assert {
    condition     = aws_vpc.this.cidr_block == "10.0.0.0/16"
    error_message = "The VPC must use the default CIDR 10.0.0.0/16."
  }

  assert {
    condition     = aws_vpc.this.enable_dns_support && aws_vpc.this.enable_dns_hostnames
    error_message = "DNS support and DNS hostnames must be on (interface endpoints need private DNS)."
  }

  # Default security group closed
  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0
    error_message = "The default security group must have no ingress rule."
  }

  assert {
    condition     = length(aws_default_security_group.this.egress) == 0
    error_message = "The default security group must have no egress rule."
  }

  # Subnets: one per AZ and tier, computed with cidrsubnet
  assert {
    condition     = length(aws_subnet.public) == 2 && length(aws_subnet.private_app) == 2 && length(aws_subnet.private_data) == 2
    error_message = "There must be one public, one private app and one private data subnet per AZ."
  }

  assert {
    condition     = aws_subnet.public[*].cidr_block == ["10.0.0.0/20", "10.0.16.0/20"]
    error_message = "The public subnets must be the first /20 blocks of the VPC."
  }

  assert {
    condition     = aws_subnet.private_app[*].cidr_block == ["10.0.64.0/20", "10.0.80.0/20"]
    error_message = "The private app subnets must start at slot 4 of 16 (10.0.64.0/20)."
  }

  assert {
    condition     = aws_subnet.private_data[*].cidr_block == ["10.0.128.0/20", "10.0.144.0/20"]
    error_message = "The private data subnets must start at slot 8 of 16 (10.0.128.0/20)."
  }

  assert {
    condition     = length(distinct(concat(aws_subnet.public[*].cidr_block, aws_subnet.private_app[*].cidr_block, aws_subnet.private_data[*].cidr_block))) == 6
    error_message = "Subnet CIDR blocks must not repeat."
  }

  assert {
    condition     = tolist(aws_subnet.public[*].availability_zone) == tolist(var.azs) && tolist(aws_subnet.private_app[*].availability_zone) == tolist(var.azs) && tolist(aws_subnet.private_data[*].availability_zone) == tolist(var.azs)
    error_message = "Each tier must place its subnets in the given AZs, in order."
  }

  assert {
    condition     = alltrue([for s in aws_subnet.public : s.map_public_ip_on_launch == false])
    error_message = "Public subnets must not give public IPs on launch."
  }

  assert {
    condition     = alltrue([for s in concat(aws_subnet.public, aws_subnet.private_app, aws_subnet.private_data) : s.tags["Name"] != null && startswith(s.tags["Name"], "ecom-test-")])
    error_message = "Every subnet must have a Name tag starting with the module name."
  }

  # NAT: single by default
  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_eip.nat) == 1
    error_message = "nat_mode single (default) must create exactly one NAT gateway and one EIP."
  }

  assert {
    condition     = aws_eip.nat[0].domain == "vpc"
    error_message = "NAT EIPs must be VPC addresses."
  }

  assert {
    condition     = length(aws_route.private_app_nat) == 2
    error_message = "Every private app route table must have a default route to the NAT gateway."
  }

  assert {
    condition     = alltrue([for r in aws_route.private_app_nat : r.destination_cidr_block == "0.0.0.0/0"])
    error_message = "The NAT routes must be default routes."
  }

  assert {
    condition     = length(aws_route_table.private_app) == 2 && length(aws_route_table_association.private_app) == 2
    error_message = "There must be one private app route table per AZ, each associated with its subnet."
  }

  assert {
    condition     = length(aws_route_table_association.private_data) == 2 && length(aws_route_table_association.public) == 2
    error_message = "Every public and private data subnet must be associated with its route table."
  }

  assert {
    condition     = aws_route.public_internet.destination_cidr_block == "0.0.0.0/0"
    error_message = "The public route table must send 0.0.0.0/0 to the Internet gateway."
  }

  # Gateway endpoints on every private route table
  assert {
    condition     = aws_vpc_endpoint.s3.service_name == "com.amazonaws.eu-west-1.s3" && aws_vpc_endpoint.s3.vpc_endpoint_type == "Gateway"
    error_message = "There must be an S3 gateway endpoint."
  }

  assert {
    condition     = aws_vpc_endpoint.dynamodb.service_name == "com.amazonaws.eu-west-1.dynamodb" && aws_vpc_endpoint.dynamodb.vpc_endpoint_type == "Gateway"
    error_message = "There must be a DynamoDB gateway endpoint."
  }

  assert {
    condition     = length(output.private_route_table_ids) == 3 && aws_vpc_endpoint.s3.route_table_ids == toset(output.private_route_table_ids) && aws_vpc_endpoint.dynamodb.route_table_ids == toset(output.private_route_table_ids)
    error_message = "The gateway endpoints must be on the 2 private app route tables and the private data route table."
  }

  assert {
    condition = (
      jsondecode(aws_vpc_endpoint.dynamodb.policy).Statement == [{
        Sid       = "OnlyThisAccountsPrincipals", Effect = "Allow", Principal = "*", Action = "*", Resource = "*"
        Condition = { StringEquals = { "aws:PrincipalAccount" = "123456789012" } }
      }] &&
      jsondecode(aws_vpc_endpoint.s3.policy).Statement[0].Condition == { StringEquals = { "aws:PrincipalAccount" = "123456789012" } } &&
      jsondecode(aws_vpc_endpoint.s3.policy).Statement[1] == {
        Sid      = "EcrImageLayers", Effect = "Allow", Principal = "*", Action = ["s3:GetObject"]
        Resource = ["arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"]
      } &&
      length(jsondecode(aws_vpc_endpoint.s3.policy).Statement) == 2
    )
    error_message = "Gateway endpoint policies: only this account's principals, plus (S3) reading ECR's image layer bucket."
  }

  assert {
    condition     = aws_vpc_endpoint.s3.route_table_ids == toset(["rtb-app", "rtb-data"]) && aws_vpc_endpoint.dynamodb.route_table_ids == toset(["rtb-app", "rtb-data"])
    error_message = "The gateway endpoints must be on the app and data route tables, not on the public one."
  }

  assert {
    condition     = alltrue([for a in aws_route_table_association.private_app : a.subnet_id == "subnet-app" && a.route_table_id == "rtb-app"]) && alltrue([for a in aws_route_table_association.private_data : a.subnet_id == "subnet-data" && a.route_table_id == "rtb-data"]) && alltrue([for a in aws_route_table_association.public : a.subnet_id == "subnet-public" && a.route_table_id == "rtb-public"])
    error_message = "Each tier's subnets must be associated with that tier's route tables."
  }

  assert {
    condition     = alltrue([for r in aws_route.private_app_nat : r.route_table_id == "rtb-app"]) && aws_route.public_internet.route_table_id == "rtb-public"
    error_message = "NAT routes must be on the app route tables only (the data tier has no way out), the Internet route on the public one."
  }

  assert {
    condition     = alltrue([for n in aws_nat_gateway.this : n.subnet_id == "subnet-public"])
    error_message = "NAT gateways must sit in public subnets."
  }

  # Interface endpoints off by default
  assert {
    condition     = length(aws_vpc_endpoint.interface) == 0 && length(aws_security_group.endpoints) == 0
    error_message = "Interface endpoints must be off by default."
  }

  assert {
    condition     = output.endpoints_security_group_id == null && length(output.interface_endpoint_ids) == 0
    error_message = "Without interface endpoints the endpoint outputs must be empty."
  }

  # Flow logs on by default, encrypted, retained, written by a scoped role
  assert {
    condition     = length(aws_flow_log.this) == 1 && aws_flow_log.this[0].traffic_type == "ALL"
    error_message = "Flow logs must be on by default and record ALL traffic."
  }

  assert {
    condition     = aws_flow_log.this[0].log_destination_type == "cloud-watch-logs"
    error_message = "Flow logs must go to CloudWatch Logs."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs[0].retention_in_days == 365
    error_message = "Flow logs must be retained 365 days by default."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs[0].name == "/aws/vpc/ecom-test/flow-logs"
    error_message = "The flow log group must be named /aws/vpc/<name>/flow-logs."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs[0].kms_key_id != null
    error_message = "The flow log group must be encrypted with the module's KMS key."
  }

  assert {
    condition     = aws_kms_key.flow_logs[0].enable_key_rotation && aws_kms_key.flow_logs[0].deletion_window_in_days == 30
    error_message = "The flow logs KMS key must rotate and have a 30-day deletion window."
  }

  assert {
    condition     = contains(flatten([for p in data.aws_iam_policy_document.flow_logs_kms[0].statement[1].principals : p.identifiers]), "logs.eu-west-1.amazonaws.com")
    error_message = "The key policy must let the CloudWatch Logs service of the Region use the key."
  }

  assert {
    condition     = flatten([for c in data.aws_iam_policy_document.flow_logs_kms[0].statement[1].condition : c.values]) == ["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/ecom-test/flow-logs"]
    error_message = "The key policy must limit the logs service to the flow log group (encryption context)."
  }

  assert {
    condition     = toset(data.aws_iam_policy_document.flow_logs_write[0].statement[0].resources) == toset(["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/ecom-test/flow-logs", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/ecom-test/flow-logs:*"])
    error_message = "The flow logs role may only write to its own log group."
  }

  assert {
    condition     = !contains(data.aws_iam_policy_document.flow_logs_write[0].statement[0].actions, "logs:CreateLogGroup")
    error_message = "The flow logs role must not create log groups (the module creates the encrypted one)."
  }

  assert {
    condition     = flatten([for p in data.aws_iam_policy_document.flow_logs_assume[0].statement[0].principals : p.identifiers]) == ["vpc-flow-logs.amazonaws.com"]
    error_message = "Only the VPC Flow Logs service may assume the flow logs role."
  }

  assert {
    condition     = contains([for c in data.aws_iam_policy_document.flow_logs_assume[0].statement[0].condition : c.variable], "aws:SourceAccount")
    error_message = "The flow logs trust policy must be limited to the own account (confused deputy)."
  }
}

run "one_nat_per_az_in_three_azs" {
  command = plan

  variables {
    azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    nat_mode = "one_per_az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 3 && length(aws_eip.nat) == 3
    error_message = "nat_mode one_per_az must create one NAT gateway (and EIP) per AZ."
  }

  assert {
    condition     = aws_nat_gateway.this[*].connectivity_type == ["public", "public", "public"]
    error_message = "NAT gateways must be public."
  }

  assert {
    condition     = length(aws_route.private_app_nat) == 3
    error_message = "Each AZ's app route table must have a NAT route."
  }

  assert {
    condition     = length(aws_subnet.public) == 3 && length(aws_subnet.private_app) == 3 && length(aws_subnet.private_data) == 3
    error_message = "Three AZs must give three subnets per tier."
  }

  assert {
    condition     = aws_subnet.private_data[2].cidr_block == "10.0.160.0/20" && aws_subnet.public[2].cidr_block == "10.0.32.0/20"
    error_message = "The third AZ must take the third slot of each tier."
  }

  assert {
    condition     = length(output.private_route_table_ids) == 4 && aws_vpc_endpoint.s3.route_table_ids == toset(output.private_route_table_ids)
    error_message = "The S3 endpoint must be on the 3 app route tables and the data route table."
  }

  assert {
    condition     = length(output.nat_gateway_ids) == 3
    error_message = "The nat_gateway_ids output must list the 3 NAT gateways."
  }
}

run "no_nat" {
  command = plan

  variables {
    nat_mode = "none"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 0 && length(aws_eip.nat) == 0
    error_message = "nat_mode none must create no NAT gateway and no EIP."
  }

  assert {
    condition     = length(aws_route.private_app_nat) == 0
    error_message = "nat_mode none must add no default route to the app route tables."
  }

  assert {
    condition     = length(aws_route_table.private_app) == 2
    error_message = "The app route tables must exist whatever the nat_mode."
  }

  assert {
    condition     = length(output.nat_gateway_ids) == 0
    error_message = "The nat_gateway_ids output must be empty."
  }

  assert {
    condition     = length(aws_internet_gateway.this[*]) == 1
    error_message = "The Internet gateway must exist for the ALBs even without NAT."
  }
}

run "prod_like_with_interface_endpoints" {
  command = plan

  variables {
    name                       = "ecom-prod"
    vpc_cidr                   = "10.20.0.0/16"
    azs                        = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    nat_mode                   = "one_per_az"
    enable_interface_endpoints = true
    flow_logs_retention_days   = 731
    tags                       = { CostCenter = "shop" }
  }

  assert {
    condition     = toset(keys(aws_vpc_endpoint.interface)) == toset(["ecr.api", "ecr.dkr", "logs", "secretsmanager"])
    error_message = "The default interface endpoints must be ecr.api, ecr.dkr, logs and secretsmanager."
  }

  assert {
    condition     = aws_vpc_endpoint.interface["ecr.dkr"].service_name == "com.amazonaws.eu-west-1.ecr.dkr"
    error_message = "Interface endpoint service names must be com.amazonaws.<region>.<service>."
  }

  assert {
    condition     = alltrue([for e in aws_vpc_endpoint.interface : jsondecode(e.policy).Statement[0].Condition == { StringEquals = { "aws:PrincipalAccount" = "123456789012" } } && length(jsondecode(e.policy).Statement) == 1])
    error_message = "Every interface endpoint must have a policy admitting only this account's principals."
  }

  assert {
    condition     = alltrue([for e in aws_vpc_endpoint.interface : e.vpc_endpoint_type == "Interface" && e.private_dns_enabled])
    error_message = "Interface endpoints must be of type Interface with private DNS."
  }

  assert {
    condition     = alltrue([for e in aws_vpc_endpoint.interface : e.subnet_ids == toset(["subnet-app"])])
    error_message = "Interface endpoints must sit in the private app subnets."
  }

  assert {
    condition     = length(aws_security_group.endpoints) == 1 && length(aws_vpc_security_group_ingress_rule.endpoints_https) == 1
    error_message = "The interface endpoints must get their own security group with one ingress rule."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.endpoints_https[0].from_port == 443 && aws_vpc_security_group_ingress_rule.endpoints_https[0].to_port == 443 && aws_vpc_security_group_ingress_rule.endpoints_https[0].ip_protocol == "tcp"
    error_message = "The endpoint security group must admit only TCP 443."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.endpoints_https[0].cidr_ipv4 == "10.20.0.0/16"
    error_message = "The endpoint security group must admit only the VPC CIDR."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs[0].retention_in_days == 731
    error_message = "flow_logs_retention_days must set the log group retention."
  }

  assert {
    condition     = aws_vpc.this.tags["CostCenter"] == "shop" && aws_vpc.this.tags["Name"] == "ecom-prod"
    error_message = "The tags input must be merged with the Name tag."
  }

  assert {
    condition     = aws_subnet.private_app[0].cidr_block == "10.20.64.0/20"
    error_message = "Subnets must be carved out of vpc_cidr."
  }
}

run "small_vpc_still_fits" {
  command = plan

  variables {
    vpc_cidr = "10.1.2.0/24"
    azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  }

  assert {
    condition     = aws_subnet.private_data[*].cidr_block == ["10.1.2.128/28", "10.1.2.144/28", "10.1.2.160/28"]
    error_message = "A /24 VPC must give /28 subnets."
  }
}

run "flow_logs_off" {
  command = plan

  variables {
    enable_flow_logs = false
  }

  assert {
    condition     = length(aws_flow_log.this) == 0 && length(aws_cloudwatch_log_group.flow_logs) == 0 && length(aws_kms_key.flow_logs) == 0 && length(aws_iam_role.flow_logs) == 0
    error_message = "enable_flow_logs = false must create no flow log, log group, key or role."
  }

  assert {
    condition     = output.flow_log_id == null && output.flow_logs_kms_key_arn == null && output.flow_logs_log_group_name == null
    error_message = "The flow log outputs must be null when flow logs are off."
  }
}
