# Gateway endpoints (free) for S3 and DynamoDB on every private route table:
# ECR image layers (S3) and the shop tables (DynamoDB) never go through NAT.

locals {
  private_route_table_ids = concat(aws_route_table.private_app[*].id, [aws_route_table.private_data.id])

  interface_endpoint_services = var.enable_interface_endpoints ? toset(var.interface_endpoint_services) : toset([])

  # Endpoint policies: only principals of this account may use the endpoints
  # (a stolen credential of another account cannot exfiltrate through them).
  # The S3 gateway also serves ECR image layers, which come from the
  # AWS-owned bucket prod-<region>-starport-layer-bucket through a presigned
  # URL (Amazon ECR User Guide, "Create the Amazon S3 gateway endpoint").
  own_account_statement = {
    Sid       = "OnlyThisAccountsPrincipals"
    Effect    = "Allow"
    Principal = "*"
    Action    = "*"
    Resource  = "*"
    Condition = { StringEquals = { "aws:PrincipalAccount" = local.account_id } }
  }
  endpoint_policy = jsonencode({ Version = "2012-10-17", Statement = [local.own_account_statement] })
  s3_endpoint_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      local.own_account_statement,
      {
        Sid       = "EcrImageLayers"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["s3:GetObject"]
        Resource  = ["arn:${data.aws_partition.current.partition}:s3:::prod-${local.region}-starport-layer-bucket/*"]
      },
    ]
  })
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${local.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = local.private_route_table_ids
  policy            = local.s3_endpoint_policy

  tags = merge(var.tags, { Name = "${var.name}-s3" })
}

resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${local.region}.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = local.private_route_table_ids
  policy            = local.endpoint_policy

  tags = merge(var.tags, { Name = "${var.name}-dynamodb" })
}

# ---------------------------------------------------------------- interface endpoints

resource "aws_security_group" "endpoints" {
  count = var.enable_interface_endpoints ? 1 : 0

  name        = "${var.name}-vpc-endpoints"
  description = "Interface VPC endpoints of ${var.name}: HTTPS from inside the VPC only"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-vpc-endpoints" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  count = var.enable_interface_endpoints ? 1 : 0

  security_group_id = aws_security_group.endpoints[0].id
  description       = "HTTPS from the VPC CIDR to the interface endpoints"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.this.cidr_block

  tags = merge(var.tags, { Name = "${var.name}-vpc-endpoints-https" })
}

resource "aws_vpc_endpoint" "interface" {
  for_each = local.interface_endpoint_services

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${local.region}.${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private_app[*].id
  security_group_ids  = [aws_security_group.endpoints[0].id]
  private_dns_enabled = true
  policy              = local.endpoint_policy

  tags = merge(var.tags, { Name = "${var.name}-${replace(each.value, ".", "-")}" })
}
