output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_arn" {
  description = "ARN of the VPC."
  value       = aws_vpc.this.arn
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "azs" {
  description = "Availability Zones used, in the order of the subnet lists."
  value       = var.azs
}

output "default_security_group_id" {
  description = "ID of the VPC default security group, left without any rule."
  value       = aws_default_security_group.this.id
}

output "internet_gateway_id" {
  description = "ID of the Internet gateway."
  value       = aws_internet_gateway.this.id
}

output "public_subnet_ids" {
  description = "IDs of the public subnets (ALBs, NAT gateways), one per AZ."
  value       = aws_subnet.public[*].id
}

output "public_subnet_cidr_blocks" {
  description = "CIDR blocks of the public subnets, one per AZ."
  value       = aws_subnet.public[*].cidr_block
}

output "private_app_subnet_ids" {
  description = "IDs of the private app subnets (ECS tasks, Lambda), one per AZ."
  value       = aws_subnet.private_app[*].id
}

output "private_app_subnet_cidr_blocks" {
  description = "CIDR blocks of the private app subnets, one per AZ."
  value       = aws_subnet.private_app[*].cidr_block
}

output "private_data_subnet_ids" {
  description = "IDs of the private data subnets (databases, caches), one per AZ."
  value       = aws_subnet.private_data[*].id
}

output "private_data_subnet_cidr_blocks" {
  description = "CIDR blocks of the private data subnets, one per AZ."
  value       = aws_subnet.private_data[*].cidr_block
}

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways (1 for single, one per AZ for one_per_az, none for none)."
  value       = aws_nat_gateway.this[*].id
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways (the source address of outbound traffic, e.g. for allow-lists of third parties)."
  value       = aws_eip.nat[*].public_ip
}

output "public_route_table_id" {
  description = "ID of the route table of the public subnets."
  value       = aws_route_table.public.id
}

output "private_app_route_table_ids" {
  description = "IDs of the route tables of the private app subnets, one per AZ."
  value       = aws_route_table.private_app[*].id
}

output "private_data_route_table_id" {
  description = "ID of the route table of the private data subnets (no route out of the VPC)."
  value       = aws_route_table.private_data.id
}

output "private_route_table_ids" {
  description = "IDs of every private route table (app tables, one per AZ, then the data table), e.g. for more gateway endpoints or peering routes."
  value       = local.private_route_table_ids
}

output "s3_vpc_endpoint_id" {
  description = "ID of the S3 gateway endpoint."
  value       = aws_vpc_endpoint.s3.id
}

output "dynamodb_vpc_endpoint_id" {
  description = "ID of the DynamoDB gateway endpoint."
  value       = aws_vpc_endpoint.dynamodb.id
}

output "s3_prefix_list_id" {
  description = "Prefix list ID of the S3 gateway endpoint (for security group egress rules)."
  value       = aws_vpc_endpoint.s3.prefix_list_id
}

output "dynamodb_prefix_list_id" {
  description = "Prefix list ID of the DynamoDB gateway endpoint (for security group egress rules)."
  value       = aws_vpc_endpoint.dynamodb.prefix_list_id
}

output "interface_endpoint_ids" {
  description = "IDs of the interface endpoints by short service name (empty when enable_interface_endpoints is false)."
  value       = { for s, e in aws_vpc_endpoint.interface : s => e.id }
}

output "endpoints_security_group_id" {
  description = "ID of the security group of the interface endpoints, or null when enable_interface_endpoints is false."
  value       = one(aws_security_group.endpoints[*].id)
}

output "flow_log_id" {
  description = "ID of the VPC flow log, or null when enable_flow_logs is false."
  value       = one(aws_flow_log.this[*].id)
}

output "flow_logs_log_group_name" {
  description = "Name of the CloudWatch Logs group of the flow logs, or null when enable_flow_logs is false."
  value       = one(aws_cloudwatch_log_group.flow_logs[*].name)
}

output "flow_logs_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the flow logs, or null when enable_flow_logs is false."
  value       = one(aws_kms_key.flow_logs[*].arn)
}
