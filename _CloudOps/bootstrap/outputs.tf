# Exactly what the environments and the infra workflow need: the backend
# settings of env/<env> (passed by terraform-infra.yml with -backend-config)
# and the variables of each GitHub environment of this repository.

output "state_bucket" {
  description = "State bucket of every env/<env>/backend.tf (GitHub variable TF_STATE_BUCKET)."
  value       = aws_s3_bucket.state.bucket
}

output "state_region" {
  description = "Region of the state bucket (GitHub variable TF_STATE_REGION)."
  value       = var.aws_region
}

output "state_kms_key_arn" {
  description = "KMS key the state is written with (GitHub variable TF_STATE_KMS_KEY_ARN; backend kms_key_id)."
  value       = aws_kms_key.state.arn
}

output "github_oidc_provider_arn" {
  description = "The account's GitHub Actions OIDC provider; the environments' deploy roles trust it (stack create_github_oidc_provider = false)."
  value       = local.oidc_provider_arn
}

output "plan_role_arns" {
  description = "Plan role of each environment (GitHub environment <env>-plan, variable TF_ROLE_ARN)."
  value       = { for e, r in aws_iam_role.plan : e => r.arn }
}

output "apply_role_arns" {
  description = "Apply role of each environment (GitHub environment <env>, variable TF_ROLE_ARN)."
  value       = { for e, r in aws_iam_role.apply : e => r.arn }
}

output "github_environment_variables" {
  description = "Variables to set in each GitHub environment of this repository, by environment name (<env>-plan and <env>): gh variable set NAME --env ENV --body VALUE (ADOPTAR.md, paso 4)."
  value = merge([for e, region in var.environments : {
    "${e}-plan" = {
      TF_ROLE_ARN          = aws_iam_role.plan[e].arn
      TF_STATE_BUCKET      = aws_s3_bucket.state.bucket
      TF_STATE_REGION      = var.aws_region
      TF_STATE_KMS_KEY_ARN = aws_kms_key.state.arn
      AWS_REGION           = region
    }
    (e) = {
      TF_ROLE_ARN          = aws_iam_role.apply[e].arn
      TF_STATE_BUCKET      = aws_s3_bucket.state.bucket
      TF_STATE_REGION      = var.aws_region
      TF_STATE_KMS_KEY_ARN = aws_kms_key.state.arn
      AWS_REGION           = region
    }
  }]...)
}
