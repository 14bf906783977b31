# What people and the app repos' GitHub variables need from this environment:
# the outputs of _CloudOps/stack, under the same names (descriptions there).

output "site_url" {
  description = "HTTPS URL of the shop (custom domain, or the CloudFront domain when zone_mode = \"none\")."
  value       = module.shop.site_url
}

output "name_servers" {
  description = "Name servers of the hosted zone when zone_mode = \"create\" (delegate the domain to them); empty otherwise."
  value       = module.shop.name_servers
}

output "ssm_parameter_names" {
  description = "Names of the SSM parameters of the deploy contract, by \"<stack>/<name>\"."
  value       = module.shop.ssm_parameter_names
}

output "ssm_prefixes" {
  description = "Value of the deploy action's input infra-parameters for each stack."
  value       = module.shop.ssm_prefixes
}

output "storefront_bucket" {
  description = "Static-site bucket (Frontend-repo variable STOREFRONT_BUCKET)."
  value       = module.shop.storefront_bucket
}

output "storefront_distribution_id" {
  description = "CloudFront distribution ID (Frontend-repo variable STOREFRONT_DISTRIBUTION_ID)."
  value       = module.shop.storefront_distribution_id
}

output "frontend_deploy_role_arn" {
  description = "Role the Frontend-repo workflows assume through GitHub OIDC (Frontend-repo variable AWS_DEPLOY_ROLE_ARN of this GitHub environment)."
  value       = module.shop.frontend_deploy_role_arn
}

output "storefront_kms_key_arn" {
  description = "KMS key of the static bucket; the storefront deploy role needs kms:GenerateDataKey and kms:Decrypt on it."
  value       = module.shop.storefront_kms_key_arn
}

output "frontend_ecr_repository_urls" {
  description = "ECR repositories of the frontend services, by repository name."
  value       = module.shop.frontend_ecr_repository_urls
}

output "frontend_task_execution_role_arn" {
  description = "ECS task execution role of the frontend services (executionRoleArn of their task definitions)."
  value       = module.shop.frontend_task_execution_role_arn
}

output "frontend_service_log_group_names" {
  description = "CloudWatch log groups of the frontend services (awslogs-group of their task definitions)."
  value       = module.shop.frontend_service_log_group_names
}

output "api_endpoint" {
  description = "Base URL of the HTTP API (CloudFront also serves it under /api)."
  value       = module.shop.api_endpoint
}

output "backend_deploy_role_arn" {
  description = "Role the Backend-repo workflows assume through GitHub OIDC (Backend-repo variable AWS_DEPLOY_ROLE_ARN of this GitHub environment)."
  value       = module.shop.backend_deploy_role_arn
}

output "lambda_function_name" {
  description = "Name of the catalog function (deploy action input function-name)."
  value       = module.shop.lambda_function_name
}

output "backend_ecr_repository_urls" {
  description = "ECR repositories of the backend services, by service name."
  value       = module.shop.backend_ecr_repository_urls
}

output "backend_task_execution_role_arn" {
  description = "ECS task execution role of the backend services (executionRoleArn of their task definitions)."
  value       = module.shop.backend_task_execution_role_arn
}

output "backend_service_log_group_names" {
  description = "CloudWatch log groups of the backend services (awslogs-group of their task definitions)."
  value       = module.shop.backend_service_log_group_names
}

output "user_pool_id" {
  description = "Cognito user pool ID."
  value       = module.shop.user_pool_id
}

output "user_pool_client_id" {
  description = "OAuth client_id of the storefront (public SPA client)."
  value       = module.shop.user_pool_client_id
}

output "user_pool_domain" {
  description = "Hosted sign-in domain, or null without cognito_domain_prefix."
  value       = module.shop.user_pool_domain
}

output "catalog_table_name" {
  description = "DynamoDB catalog table."
  value       = module.shop.catalog_table_name
}

output "aurora_endpoint" {
  description = "Aurora writer endpoint, or null when create_aurora is false."
  value       = module.shop.aurora_endpoint
}

output "aurora_master_user_secret_arn" {
  description = "Secret (managed by RDS) with the Aurora master credentials, or null."
  value       = module.shop.aurora_master_user_secret_arn
}

output "elasticache_primary_endpoint" {
  description = "Valkey primary endpoint (TLS), or null when create_elasticache is false."
  value       = module.shop.elasticache_primary_endpoint
}

output "dax_cluster_endpoint" {
  description = "DAX discovery endpoint (TLS), or null when create_dax is false."
  value       = module.shop.dax_cluster_endpoint
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = module.shop.vpc_id
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways (source of outbound traffic, for third-party allow-lists)."
  value       = module.shop.nat_public_ips
}
