# --- API ----------------------------------------------------------------------

output "api_id" {
  description = "ID of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Base URL of the API's $default stage (https://<id>.execute-api.<region>.amazonaws.com)."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "api_execution_arn" {
  description = "Execution ARN prefix of the HTTP API, for further Lambda permissions."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "vpc_link_id" {
  description = "ID of the API Gateway VPC link into the private app subnets."
  value       = aws_apigatewayv2_vpc_link.this.id
}

# --- Cognito --------------------------------------------------------------------

output "user_pool_id" {
  description = "ID of the Cognito user pool."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  description = "ARN of the Cognito user pool."
  value       = aws_cognito_user_pool.this.arn
}

output "user_pool_issuer" {
  description = "JWT issuer URL of the user pool (what the API's authorizer checks)."
  value       = aws_apigatewayv2_authorizer.cognito.jwt_configuration[0].issuer
}

output "user_pool_client_id" {
  description = "ID of the SPA app client (public, no secret); the storefront's OAuth client_id."
  value       = aws_cognito_user_pool_client.spa.id
}

output "user_pool_domain" {
  description = "Hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`) for the code + PKCE flow, or null when cognito_domain_prefix is null."
  value       = var.cognito_domain_prefix == null ? null : "${aws_cognito_user_pool_domain.this[0].domain}.auth.${local.region}.amazoncognito.com"
}

# --- lambda-catalog ---------------------------------------------------------------

output "lambda_function_name" {
  description = "Name of the lambda-catalog function (input of the deploy action)."
  value       = aws_lambda_function.catalog.function_name
}

output "lambda_function_arn" {
  description = "Unqualified ARN of the lambda-catalog function."
  value       = aws_lambda_function.catalog.arn
}

output "lambda_alias_name" {
  description = "Name of the alias the API invokes and the deploy action moves (`live`)."
  value       = aws_lambda_alias.live.name
}

output "lambda_alias_arn" {
  description = "ARN of the function's `live` alias, the API integration's target."
  value       = aws_lambda_alias.live.arn
}

output "lambda_role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.lambda.arn
}

output "lambda_security_group_id" {
  description = "Security group of the lambda-catalog function when enable_lambda_vpc is true (for the data stores' app_security_group_ids); null when the function runs outside the VPC."
  value       = var.enable_lambda_vpc ? aws_security_group.lambda[0].id : null
}

output "lambda_log_group_name" {
  description = "CloudWatch log group of the lambda-catalog function."
  value       = aws_cloudwatch_log_group.lambda.name
}

# --- ALB and ECS ---------------------------------------------------------------------

output "ecs_cluster_name" {
  description = "Name of the ECS cluster for the backend services (contract parameter `cluster`)."
  value       = aws_ecs_cluster.this.name
}

output "ecs_cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "alb_arn" {
  description = "ARN of the internal ALB."
  value       = aws_lb.internal.arn
}

output "alb_dns_name" {
  description = "Internal DNS name of the ALB (reachable only from inside the VPC)."
  value       = aws_lb.internal.dns_name
}

output "alb_listener_arn" {
  description = "ARN of the listener where services add their rules: HTTPS when enable_alb_https is true, else HTTP (contract parameter `listener-arn`)."
  value       = local.alb_https ? aws_lb_listener.https[0].arn : aws_lb_listener.http.arn
}

output "alb_security_group_id" {
  description = "Security group of the internal ALB."
  value       = aws_security_group.alb.id
}

output "service_security_group_id" {
  description = "Security group for the ECS services' tasks; admits the internal ALB only (contract parameter `security-groups`)."
  value       = aws_security_group.services.id
}

output "task_execution_role_arn" {
  description = "ARN of the ECS task execution role for the services' task definitions (pull images, write logs, read the app secrets)."
  value       = aws_iam_role.task_execution.arn
}

output "task_execution_role_name" {
  description = "Name of the ECS task execution role (`<name_prefix>-ecs-task-execution`)."
  value       = aws_iam_role.task_execution.name
}

output "ecr_repository_urls" {
  description = "ECR repository URLs by service name (images `<url>:<tag>` for the services' task definitions)."
  value       = { for k, r in aws_ecr_repository.services : k => r.repository_url }
}

output "ecr_repository_arns" {
  description = "ECR repository ARNs by service name (for the deploy role's push permissions)."
  value       = { for k, r in aws_ecr_repository.services : k => r.arn }
}

output "service_log_group_names" {
  description = "CloudWatch log groups of the services by service name (`awslogs-group` in the task definitions)."
  value       = { for k, g in aws_cloudwatch_log_group.services : k => g.name }
}

# --- secrets and keys ------------------------------------------------------------------

output "secret_arns" {
  description = "ARNs of the application secrets, by the names given in app_secrets."
  value       = { for k, s in aws_secretsmanager_secret.app : k => s.arn }
}

output "secrets_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the application secrets (task roles reading a secret directly need kms:Decrypt on it)."
  value       = aws_kms_key.secrets.arn
}

output "logs_kms_key_arn" {
  description = "ARN of the KMS key of the module's log groups and ECS Exec sessions."
  value       = aws_kms_key.logs.arn
}

output "task_role_arns" {
  description = "ARN of each service's ECS task role (<cluster>-task-<service>; taskRoleArn of its task definition), by service name."
  value       = { for n, r in aws_iam_role.task : n => r.arn }
}

output "task_role_arn_prefix" {
  description = "ARN of the task roles without the service name (arn:...:role/<cluster>-task-); the contract parameter task-role-arn-prefix."
  value       = local.task_role_arn_prefix
}

output "service_log_group_prefix" {
  description = "Name of the services' log groups without the service name (/ecs/<name_prefix>/); the contract parameter log-group-prefix."
  value       = "/ecs/${var.name_prefix}/"
}

output "custom_domain_target" {
  description = "Regional domain name API Gateway gives custom_domain_name (alias target of its DNS record), or null."
  value       = var.custom_domain_name == null ? null : aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].target_domain_name
}

output "custom_domain_zone_id" {
  description = "Hosted zone ID of custom_domain_target (for the alias record), or null."
  value       = var.custom_domain_name == null ? null : aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].hosted_zone_id
}
