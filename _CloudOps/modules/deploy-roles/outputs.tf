output "role_arns" {
  description = "ARN of each deploy role, by the key of deploy_roles (the app repository's GitHub variable AWS_DEPLOY_ROLE_ARN)."
  value       = { for k, r in aws_iam_role.deploy : k => r.arn }
}

output "role_names" {
  description = "Name of each deploy role (<name_prefix>-deploy-<key>), by the key of deploy_roles."
  value       = { for k, r in aws_iam_role.deploy : k => r.name }
}

output "oidc_provider_arn" {
  description = "ARN of the GitHub Actions OIDC provider the roles trust (created here, or the one given in oidc_provider_arn)."
  value       = local.oidc_provider_arn
}
