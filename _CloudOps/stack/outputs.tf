# Everything an environment exposes; env/<env>/outputs.tf re-exports each one
# under the same name for people and the app repos' GitHub variables.

# ---------------------------------------------------------------- shop

output "site_url" {
  description = "HTTPS URL of the shop (custom domain, or the CloudFront domain when zone_mode = \"none\")."
  value       = module.frontend_cdn.site_url
}

output "name_servers" {
  description = "Name servers of the hosted zone when zone_mode = \"create\" (delegate the domain to them); empty otherwise."
  value       = module.frontend_cdn.name_servers
}

# ---------------------------------------------------------------- contract

output "ssm_parameter_names" {
  description = "Names of the SSM parameters of the deploy contract, by \"<stack>/<name>\"."
  value       = { for k, p in aws_ssm_parameter.contract : k => p.name }
}

output "ssm_prefixes" {
  description = "Value of the deploy action's input infra-parameters for each stack."
  value       = { for stack in keys(local.contract_values) : stack => "/ecom/${var.environment}/${stack}/" }
}

# ---------------------------------------------------------------- Frontend-repo variables

output "storefront_bucket" {
  description = "Static-site bucket (Frontend-repo variable STOREFRONT_BUCKET)."
  value       = module.frontend_app.static_bucket_name
}

output "storefront_distribution_id" {
  description = "CloudFront distribution ID (Frontend-repo variable STOREFRONT_DISTRIBUTION_ID)."
  value       = module.frontend_cdn.distribution_id
}

output "frontend_deploy_role_arn" {
  description = "Role the Frontend-repo workflows assume through GitHub OIDC (Frontend-repo variable AWS_DEPLOY_ROLE_ARN of this GitHub environment)."
  value       = module.deploy_roles.role_arns["frontend"]
}

output "storefront_kms_key_arn" {
  description = "KMS key of the static bucket; the storefront deploy role needs kms:GenerateDataKey and kms:Decrypt on it."
  value       = module.frontend_app.static_kms_key_arn
}

output "frontend_ecr_repository_urls" {
  description = "ECR repositories of the frontend services, by repository name."
  value       = module.frontend_app.ecr_repository_urls
}

output "frontend_task_execution_role_arn" {
  description = "ECS task execution role of the frontend services (executionRoleArn of their task definitions)."
  value       = module.frontend_app.task_execution_role_arn
}

output "frontend_service_log_group_names" {
  description = "CloudWatch log groups of the frontend services (awslogs-group of their task definitions)."
  value       = module.frontend_app.service_log_group_names
}

# ---------------------------------------------------------------- Backend-repo

output "api_endpoint" {
  description = "Base URL of the HTTP API (CloudFront also serves it under /api)."
  value       = module.backend.api_endpoint
}

output "backend_deploy_role_arn" {
  description = "Role the Backend-repo workflows assume through GitHub OIDC (Backend-repo variable AWS_DEPLOY_ROLE_ARN of this GitHub environment)."
  value       = module.deploy_roles.role_arns["backend"]
}

output "lambda_function_name" {
  description = "Name of the catalog function (deploy action input function-name)."
  value       = module.backend.lambda_function_name
}

output "backend_ecr_repository_urls" {
  description = "ECR repositories of the backend services, by service name."
  value       = module.backend.ecr_repository_urls
}

output "backend_task_execution_role_arn" {
  description = "ECS task execution role of the backend services (executionRoleArn of their task definitions)."
  value       = module.backend.task_execution_role_arn
}

output "backend_service_log_group_names" {
  description = "CloudWatch log groups of the backend services (awslogs-group of their task definitions)."
  value       = module.backend.service_log_group_names
}

output "user_pool_id" {
  description = "Cognito user pool ID."
  value       = module.backend.user_pool_id
}

output "user_pool_client_id" {
  description = "OAuth client_id of the storefront (public SPA client)."
  value       = module.backend.user_pool_client_id
}

output "user_pool_domain" {
  description = "Hosted sign-in domain, or null without cognito_domain_prefix."
  value       = module.backend.user_pool_domain
}

# ---------------------------------------------------------------- data

output "catalog_table_name" {
  description = "DynamoDB catalog table."
  value       = module.data.catalog_table_name
}

output "aurora_endpoint" {
  description = "Aurora writer endpoint, or null when create_aurora is false."
  value       = module.data.aurora_endpoint
}

output "aurora_master_user_secret_arn" {
  description = "Secret (managed by RDS) with the Aurora master credentials, or null."
  value       = module.data.aurora_master_user_secret_arn
}

output "elasticache_primary_endpoint" {
  description = "Valkey primary endpoint (TLS), or null when create_elasticache is false."
  value       = module.data.elasticache_primary_endpoint
}

output "dax_cluster_endpoint" {
  description = "DAX discovery endpoint (TLS), or null when create_dax is false."
  value       = module.data.dax_cluster_endpoint
}

# ---------------------------------------------------------------- network

output "vpc_id" {
  description = "ID of the VPC."
  value       = module.network.vpc_id
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways (source of outbound traffic, for third-party allow-lists)."
  value       = module.network.nat_public_ips
}
