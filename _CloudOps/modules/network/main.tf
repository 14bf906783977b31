# VPC with three tiers of subnets spread over 2-3 AZs:
#   public        ALBs and NAT gateways (route to the Internet gateway)
#   private app   ECS tasks and Lambda (route to NAT, per nat_mode)
#   private data  databases and caches (no route out of the VPC)

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  az_count = length(var.azs)

  # Each subnet is 1/16 of the VPC (newbits 4). Fixed blocks of four slots per
  # tier leave room for a fourth AZ without renumbering:
  #   public 0-3, private app 4-7, private data 8-11, 12-15 spare.
  public_subnet_cidrs       = [for i in range(local.az_count) : cidrsubnet(var.vpc_cidr, 4, i)]
  private_app_subnet_cidrs  = [for i in range(local.az_count) : cidrsubnet(var.vpc_cidr, 4, 4 + i)]
  private_data_subnet_cidrs = [for i in range(local.az_count) : cidrsubnet(var.vpc_cidr, 4, 8 + i)]

  nat_count = {
    single     = 1
    one_per_az = local.az_count
    none       = 0
  }[var.nat_mode]

  region     = data.aws_region.current.region
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
}

resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true # needed by the private DNS names of the interface endpoints

  tags = merge(var.tags, { Name = var.name })
}

# Takes over the default security group and removes all its rules, so that
# nothing placed in the VPC without an explicit group gets any traffic.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  # Explicitly empty: Terraform deletes any rule found on the group.
  ingress = []
  egress  = []

  tags = merge(var.tags, { Name = "${var.name}-default-closed" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = var.name })
}

# ---------------------------------------------------------------- subnets

resource "aws_subnet" "public" {
  count = local.az_count

  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = local.public_subnet_cidrs[count.index]
  # ALBs and NAT gateways get their public addresses explicitly; nothing
  # launched here gets a public IP by accident.
  map_public_ip_on_launch = false

  tags = merge(var.tags, {
    Name = "${var.name}-public-${var.azs[count.index]}"
    Tier = "public"
  })
}

resource "aws_subnet" "private_app" {
  count = local.az_count

  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = local.private_app_subnet_cidrs[count.index]

  tags = merge(var.tags, {
    Name = "${var.name}-app-${var.azs[count.index]}"
    Tier = "private-app"
  })
}

resource "aws_subnet" "private_data" {
  count = local.az_count

  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = local.private_data_subnet_cidrs[count.index]

  tags = merge(var.tags, {
    Name = "${var.name}-data-${var.azs[count.index]}"
    Tier = "private-data"
  })
}

# ---------------------------------------------------------------- NAT

resource "aws_eip" "nat" {
  count = local.nat_count

  domain = "vpc"

  tags = merge(var.tags, { Name = "${var.name}-nat-${var.azs[count.index]}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_nat_gateway" "this" {
  count = local.nat_count

  allocation_id     = aws_eip.nat[count.index].id
  subnet_id         = aws_subnet.public[count.index].id
  connectivity_type = "public"

  tags = merge(var.tags, { Name = "${var.name}-nat-${var.azs[count.index]}" })

  depends_on = [aws_internet_gateway.this]
}

# ---------------------------------------------------------------- routes

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-public" })
}

resource "aws_route" "public_internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  count = local.az_count

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

# One route table per AZ for the app tier whatever the nat_mode, so that
# moving from "single" to "one_per_az" only changes routes.
resource "aws_route_table" "private_app" {
  count = local.az_count

  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-app-${var.azs[count.index]}" })
}

resource "aws_route" "private_app_nat" {
  count = local.nat_count > 0 ? local.az_count : 0

  route_table_id         = aws_route_table.private_app[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  # single: every AZ uses the one NAT gateway; one_per_az: the one in its AZ.
  nat_gateway_id = aws_nat_gateway.this[var.nat_mode == "one_per_az" ? count.index : 0].id
}

resource "aws_route_table_association" "private_app" {
  count = local.az_count

  subnet_id      = aws_subnet.private_app[count.index].id
  route_table_id = aws_route_table.private_app[count.index].id
}

# The data tier has no route out of the VPC (only the gateway endpoints).
resource "aws_route_table" "private_data" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-data" })
}

resource "aws_route_table_association" "private_data" {
  count = local.az_count

  subnet_id      = aws_subnet.private_data[count.index].id
  route_table_id = aws_route_table.private_data.id
}
