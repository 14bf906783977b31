output "ecs_cluster_name" {
  description = "Name of the ECS cluster (contract parameter `cluster`)."
  value       = aws_ecs_cluster.this.name
}

output "ecs_cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "task_execution_role_arn" {
  description = "ARN of the ECS task execution role for the services' task definitions (executionRoleArn): pull the module's images, write to the service log groups."
  value       = aws_iam_role.task_execution.arn
}

output "task_execution_role_name" {
  description = "Name of the ECS task execution role (`<name>-ecs-task-execution`)."
  value       = aws_iam_role.task_execution.name
}

output "service_log_group_names" {
  description = "CloudWatch log groups of the services by service name (`awslogs-group` in the task definitions)."
  value       = { for k, g in aws_cloudwatch_log_group.services : k => g.name }
}

output "logs_kms_key_arn" {
  description = "ARN of the KMS key of the service log groups, or null when ecs_service_names is empty."
  value       = one(aws_kms_key.logs[*].arn)
}

output "alb_arn" {
  description = "ARN of the public ALB."
  value       = aws_lb.this.arn
}

output "alb_dns_name" {
  description = "DNS name of the ALB (module frontend/cdn, input app_alb_dns_name, when no custom origin hostname is used)."
  value       = aws_lb.this.dns_name
}

output "alb_zone_id" {
  description = "Route 53 hosted zone ID of the ALB, for an alias record to it (e.g. an origin hostname covered by the ALB certificate)."
  value       = aws_lb.this.zone_id
}

output "alb_listener_arn" {
  description = "ARN of the listener where services add their rules: the HTTPS one when enable_https is true, else the HTTP one (contract parameter `listener-arn`)."
  value       = local.https_enabled ? aws_lb_listener.https[0].arn : aws_lb_listener.http[0].arn
}

output "alb_security_group_id" {
  description = "ID of the ALB security group (ingress only from the CloudFront origin-facing prefix list)."
  value       = aws_security_group.alb.id
}

output "service_security_group_id" {
  description = "ID of the security group for the ECS service tasks; admits traffic only from the ALB (contract parameter `security-groups`)."
  value       = aws_security_group.services.id
}

output "static_bucket_name" {
  description = "Name of the static-site bucket (where the deploy action uploads the static build)."
  value       = aws_s3_bucket.static.id
}

output "static_bucket_arn" {
  description = "ARN of the static-site bucket."
  value       = aws_s3_bucket.static.arn
}

output "static_bucket_regional_domain_name" {
  description = "Regional domain name of the static-site bucket (module frontend/cdn, input static_bucket_regional_domain_name)."
  value       = aws_s3_bucket.static.bucket_regional_domain_name
}

output "static_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the static bucket; the deploy role needs kms:GenerateDataKey and kms:Decrypt on it to upload."
  value       = aws_kms_key.static.arn
}

output "logs_bucket_name" {
  description = "Name of the bucket holding the ALB access logs (prefix alb/) and the static bucket's S3 access logs (prefix s3-access/)."
  value       = aws_s3_bucket.logs.id
}

output "ecr_repository_urls" {
  description = "Map of ECR repository name to repository URL."
  value       = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}

output "ecr_repository_arns" {
  description = "Map of ECR repository name to repository ARN (to grant the CI role push access)."
  value       = { for k, r in aws_ecr_repository.this : k => r.arn }
}

output "task_role_arns" {
  description = "ARN of each service's ECS task role (<name>-task-<service>; taskRoleArn of its task definition), by service name."
  value       = { for n, r in aws_iam_role.task : n => r.arn }
}

output "task_role_arn_prefix" {
  description = "ARN of the task roles without the service name (arn:...:role/<name>-task-); the contract parameter task-role-arn-prefix."
  value       = local.task_role_arn_prefix
}

output "service_log_group_prefix" {
  description = "Name of the services' log groups without the service name (/ecs/<name>/); the contract parameter log-group-prefix."
  value       = "/ecs/${var.name}/"
}

output "origin_verify_header_value" {
  description = "Value CloudFront must send in X-Origin-Verify (the secret's current value), or null without enable_origin_verify. Sensitive."
  value       = var.enable_origin_verify ? local.origin_verify_values.current : null
  sensitive   = true
}

output "origin_verify_secret_arn" {
  description = "ARN of the origin-verify secret ({\"current\", \"previous\"}), or null; rotate it as the README says."
  value       = var.enable_origin_verify ? aws_secretsmanager_secret.origin_verify[0].arn : null
}

output "origin_verify_web_acl_arn" {
  description = "ARN of the regional web ACL on the ALB that enforces the origin-verify header, or null."
  value       = var.enable_origin_verify ? aws_wafv2_web_acl.origin_verify[0].arn : null
}
