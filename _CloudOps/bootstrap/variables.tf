# Inputs of the account bootstrap, filled in terraform.tfvars (ADOPTAR.md,
# paso 1). Applied once per AWS account by an administrator, from a machine.

variable "aws_region" {
  type        = string
  description = "Region of the state bucket and its KMS key (e.g. \"eu-west-1\"); the environments' region is the one in env/<env>/main.tf."

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "The variable aws_region must be a region name such as \"eu-west-1\"."
  }
}

variable "environments" {
  type        = map(string)
  description = "Environments whose state lives in this account, each with the region its resources (and workflow credentials) use: e.g. { dev = \"eu-west-1\", prod = \"eu-west-1\" }. Each gets a plan role (GitHub environment <env>-plan) and an apply role (GitHub environment <env>)."

  validation {
    condition     = length(var.environments) > 0 && alltrue([for e in keys(var.environments) : contains(["dev", "prod"], e)])
    error_message = "The variable environments must map one or more of \"dev\" and \"prod\" (the directories under _CloudOps/env) to their region."
  }

  validation {
    condition     = alltrue([for r in values(var.environments) : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", r))])
    error_message = "Every region in environments must be a region name such as \"eu-west-1\"."
  }
}

variable "infra_repository" {
  type = object({
    owner          = string
    name           = string
    subject_format = string
    owner_id       = optional(string)
    repository_id  = optional(string)
  })
  description = "GitHub repository of this code (the one that runs .github/workflows/terraform-infra.yml): owner, name and the format of its OIDC subject claim, \"classic\" (repo:OWNER/REPO:...) or \"immutable\" (repo:OWNER@OWNER_ID/REPO@REPO_ID:...) with the numeric owner_id and repository_id (gh api repos/OWNER/REPO --jq '.owner.id, .id'). No default; validated by module github-repository (module.infra_repository)."

}

variable "state_bucket_name" {
  type        = string
  description = "Name of the state bucket; null names it ecom-tfstate-<account>-<region> (bucket names are global)."
  default     = null

  validation {
    condition     = var.state_bucket_name == null ? true : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.state_bucket_name))
    error_message = "The variable state_bucket_name must be null or a valid S3 bucket name (3-63 lowercase letters, digits, '.' or '-')."
  }
}

variable "create_github_oidc_provider" {
  type        = bool
  description = "Create the account's GitHub Actions OIDC provider (token.actions.githubusercontent.com). false if the account already has one (an account holds one per URL); the environments' deploy roles use it either way."
  default     = true
}

variable "plan_max_session_duration" {
  type        = number
  description = "Maximum session of the plan roles, in seconds."
  default     = 3600

  validation {
    condition     = var.plan_max_session_duration >= 3600 && var.plan_max_session_duration <= 43200
    error_message = "The variable plan_max_session_duration must be from 3600 to 43200 seconds."
  }
}

variable "apply_max_session_duration" {
  type        = number
  description = "Maximum session of the apply roles, in seconds. A first prod apply (Aurora, DAX, Valkey, CloudFront) takes over an hour; the workflow asks for 4 h (14400)."
  default     = 14400

  validation {
    condition     = var.apply_max_session_duration >= 14400 && var.apply_max_session_duration <= 43200
    error_message = "The variable apply_max_session_duration must be from 14400 (a first prod apply) to 43200 seconds."
  }
}

variable "permissions_boundary_arn" {
  type        = string
  description = "Managed policy set as permissions boundary of the plan and apply roles, or null."
  default     = null

  validation {
    condition     = var.permissions_boundary_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:iam::([0-9]{12}|aws):policy/[A-Za-z0-9+=,.@_/-]+$", var.permissions_boundary_arn))
    error_message = "The variable permissions_boundary_arn must be null or an IAM policy ARN."
  }
}

variable "noncurrent_state_version_days" {
  type        = number
  description = "Days an overwritten state version is kept (to roll back a broken state) before S3 deletes it."
  default     = 90

  validation {
    condition     = var.noncurrent_state_version_days >= 30 && floor(var.noncurrent_state_version_days) == var.noncurrent_state_version_days
    error_message = "The variable noncurrent_state_version_days must be a whole number of at least 30."
  }
}
