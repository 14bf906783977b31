# Inputs of deploy-roles. Every permission a role gets is derived from the
# ARNs given here; nothing is looked up, so the policies are known at plan time.

variable "name_prefix" {
  type        = string
  description = "Prefix of the role names: each role is <name_prefix>-deploy-<key of deploy_roles> (e.g. \"ecom-dev\" gives ecom-dev-deploy-backend)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,22}[a-z0-9]$", var.name_prefix))
    error_message = "The variable name_prefix must be 2-24 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen (e.g. \"ecom-dev\")."
  }
}

variable "create_oidc_provider" {
  type        = bool
  description = "Create the IAM OIDC provider for GitHub Actions (https://token.actions.githubusercontent.com, audience sts.amazonaws.com). An account holds only one provider per URL: set false where it already exists (e.g. created by the account bootstrap, or by another environment in the same account) and pass oidc_provider_arn."
  default     = true
}

variable "oidc_provider_arn" {
  type        = string
  description = "ARN of an existing GitHub Actions OIDC provider (arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com). Required when create_oidc_provider is false; must be null when it is true."
  default     = null

  validation {
    condition     = var.oidc_provider_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:iam::[0-9]{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$", var.oidc_provider_arn))
    error_message = "The variable oidc_provider_arn must be null or the ARN of the GitHub Actions provider, such as \"arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com\"."
  }
}

variable "oidc_thumbprints" {
  type        = list(string)
  description = "Server certificate thumbprints of the OIDC provider (SHA-1, 40 hex characters). Empty lets IAM use its trusted certificate authorities, which is what AWS does for GitHub; set them only for an account that requires pinning."
  default     = []

  validation {
    condition     = length(var.oidc_thumbprints) <= 5 && alltrue([for t in var.oidc_thumbprints : can(regex("^[0-9a-fA-F]{40}$", t))])
    error_message = "The variable oidc_thumbprints must hold at most 5 SHA-1 thumbprints of 40 hexadecimal characters each."
  }
}

variable "max_session_duration" {
  type        = number
  description = "Maximum session length of the roles, in seconds (3600-43200). The deploy action asks for role-duration-seconds (900 by default) and cannot get more than this."
  default     = 3600

  validation {
    condition     = var.max_session_duration >= 3600 && var.max_session_duration <= 43200 && floor(var.max_session_duration) == var.max_session_duration
    error_message = "The variable max_session_duration must be a whole number of seconds from 3600 to 43200."
  }
}

variable "permissions_boundary_arn" {
  type        = string
  description = "ARN of a managed policy set as permissions boundary of every role, or null for none."
  default     = null

  validation {
    condition     = var.permissions_boundary_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:iam::([0-9]{12}|aws):policy/[A-Za-z0-9+=,.@_/-]+$", var.permissions_boundary_arn))
    error_message = "The variable permissions_boundary_arn must be null or an IAM policy ARN such as \"arn:aws:iam::<account>:policy/deploy-boundary\"."
  }
}

variable "deploy_roles" {
  type = map(object({
    # GitHub repository whose workflows may assume the role, "owner/name".
    repository = string
    # GitHub environments of those workflows' jobs (trust: sub = repo:<repository>:environment:<env>).
    environments = list(string)
    # Format of the repository's OIDC subject claim: "classic"
    # (repo:OWNER/REPO:environment:ENV) or "immutable"
    # (repo:OWNER@OWNER_ID/REPO@REPO_ID:environment:ENV, the default for
    # repositories created or renamed since GitHub turned it on); the IDs are
    # GitHub's numeric owner and repository IDs, required with "immutable" only.
    subject_format = optional(string, "classic")
    owner_id       = optional(string)
    repository_id  = optional(string)
    # Lambda functions (unqualified ARNs) the action deploys: code, versions, alias, check invoke.
    lambda_function_arns = optional(list(string), [])
    # ECR repositories the build job pushes images to (docker login + push).
    ecr_push_repository_arns = optional(list(string), [])
    # ECS deploys with the action (mode: ecs).
    ecs = optional(object({
      cluster_arn = string
      # Services the action may create/update: service/<cluster>/<prefix>*; "" = any in the cluster.
      service_name_prefix = optional(string, "")
      # Task definition families the action registers (the `family` of the templates).
      task_definition_families = list(string)
      # Listener where the action adds rules; null = services without load balancer.
      listener_arn = optional(string)
      # Target groups the action creates: targetgroup/<prefix>*; "" = any name (still limited by tag).
      target_group_name_prefix = optional(string, "")
      # Repositories whose tags the action resolves to digests.
      ecr_repository_arns = optional(list(string), [])
      # Task execution and task roles named in the templates (iam:PassRole to ecs-tasks only).
      pass_role_arns = optional(list(string), [])
      # SSM prefix of the input infra-parameters (e.g. /ecom/dev/backend/); null = not used.
      ssm_parameter_path = optional(string)
    }))
    # Static site upload (aws s3 sync) and CloudFront invalidation.
    s3_static = optional(object({
      bucket_arn                  = string
      kms_key_arn                 = optional(string)
      cloudfront_distribution_arn = optional(string)
    }))
  }))
  description = "One deploy role per app repository, by a short key (e.g. backend, frontend). Each entry names the repository and GitHub environments it trusts and what the role may deploy: lambda_function_arns, ecr_push_repository_arns, ecs { cluster_arn, service_name_prefix, task_definition_families, listener_arn, target_group_name_prefix, ecr_repository_arns, pass_role_arns, ssm_parameter_path } and s3_static { bucket_arn, kms_key_arn, cloudfront_distribution_arn }. Only the permissions of the parts given are granted."

  validation {
    condition     = length(var.deploy_roles) > 0 && alltrue([for k in keys(var.deploy_roles) : can(regex("^[a-z][a-z0-9-]{0,22}[a-z0-9]$", k))])
    error_message = "The variable deploy_roles must hold at least one role, keyed by 2-24 lowercase letters, digits or hyphens (e.g. \"backend\")."
  }

  validation {
    condition     = alltrue([for r in values(var.deploy_roles) : can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$", r.repository))])
    error_message = "Every repository in deploy_roles must be a GitHub repository \"owner/name\" (e.g. \"<owner>/<repo>\"), without wildcards."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      contains(["classic", "immutable"], r.subject_format) && (
        r.subject_format == "classic"
        ? r.owner_id == null && r.repository_id == null
        : can(regex("^[1-9][0-9]{0,19}$", r.owner_id)) && can(regex("^[1-9][0-9]{0,19}$", r.repository_id))
      )
    ])
    error_message = "Every subject_format in deploy_roles must be \"classic\" (no owner_id or repository_id) or \"immutable\" with owner_id and repository_id, GitHub's numeric IDs of the owner and the repository (gh api repos/OWNER/REPO --jq '.owner.id, .id')."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      length(r.environments) > 0 && length(distinct(r.environments)) == length(r.environments) &&
      alltrue([for e in r.environments : can(regex("^[A-Za-z0-9._-]{1,255}$", e))])
    ])
    error_message = "Every environments list in deploy_roles must hold one or more distinct GitHub environment names of letters, digits, '.', '_' or '-' (no wildcards), e.g. [\"dev\"]."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      length(r.lambda_function_arns) > 0 || length(r.ecr_push_repository_arns) > 0 || r.ecs != null || r.s3_static != null
    ])
    error_message = "Every role in deploy_roles must be allowed to deploy something: set lambda_function_arns, ecr_push_repository_arns, ecs or s3_static."
  }

  validation {
    condition = alltrue(flatten([for r in values(var.deploy_roles) : [
      for a in r.lambda_function_arns : can(regex("^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}$", a))
    ]]))
    error_message = "Every lambda_function_arns entry in deploy_roles must be an unqualified function ARN such as \"arn:aws:lambda:eu-west-1:<account>:function:ecom-dev-lambda-catalog\" (no version or alias)."
  }

  validation {
    condition = alltrue(flatten([for r in values(var.deploy_roles) : [
      for a in concat(r.ecr_push_repository_arns, r.ecs == null ? [] : r.ecs.ecr_repository_arns) :
      can(regex("^arn:aws[a-zA-Z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/[a-z0-9][a-z0-9._/-]*$", a))
    ]]))
    error_message = "Every ecr_push_repository_arns and ecs.ecr_repository_arns entry in deploy_roles must be an ECR repository ARN such as \"arn:aws:ecr:eu-west-1:<account>:repository/ecom-dev-orders\" (no wildcards)."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.ecs == null ? true : can(regex("^arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}$", r.ecs.cluster_arn))
    ])
    error_message = "Every ecs.cluster_arn in deploy_roles must be an ECS cluster ARN such as \"arn:aws:ecs:eu-west-1:<account>:cluster/ecom-dev-backend\"."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.ecs == null ? true : can(regex("^[A-Za-z0-9_-]{0,200}$", r.ecs.service_name_prefix))
    ])
    error_message = "Every ecs.service_name_prefix in deploy_roles must be empty or letters, digits, '-' and '_' (the start of the ECS service names, without wildcards)."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.ecs == null ? true : (
        length(r.ecs.task_definition_families) > 0 &&
        alltrue([for f in r.ecs.task_definition_families : can(regex("^[A-Za-z0-9_-]{1,255}$", f))])
      )
    ])
    error_message = "Every ecs block in deploy_roles needs task_definition_families: one or more task definition family names (letters, digits, '-' and '_'), e.g. [\"ecom-dev-orders\"]."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.ecs == null ? true : (r.ecs.listener_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/[A-Za-z0-9-]{1,32}/[0-9a-f]+/[0-9a-f]+$", r.ecs.listener_arn)))
    ])
    error_message = "Every ecs.listener_arn in deploy_roles must be null or an ALB listener ARN such as \"arn:aws:elasticloadbalancing:eu-west-1:<account>:listener/app/ecom-dev-alb/50dc6c495c0c9188/f2f7dc8efc522ab2\"."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.ecs == null ? true : can(regex("^[A-Za-z0-9-]{0,23}$", r.ecs.target_group_name_prefix))
    ])
    error_message = "Every ecs.target_group_name_prefix in deploy_roles must be empty or up to 23 letters, digits or hyphens (the action names target groups <service>-<hash>)."
  }

  validation {
    condition = alltrue(flatten([for r in values(var.deploy_roles) : [
      for a in(r.ecs == null ? [] : r.ecs.pass_role_arns) : can(regex("^arn:aws[a-zA-Z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$", a))
    ]]))
    error_message = "Every ecs.pass_role_arns entry in deploy_roles must be an IAM role ARN such as \"arn:aws:iam::<account>:role/ecom-dev-ecs-task-execution\" (no wildcards)."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.ecs == null ? true : (r.ecs.ssm_parameter_path == null ? true : can(regex("^(/[A-Za-z0-9_.-]+)+/$", r.ecs.ssm_parameter_path)))
    ])
    error_message = "Every ecs.ssm_parameter_path in deploy_roles must be null or an SSM path with leading and trailing slash, as given to the action's infra-parameters (e.g. \"/ecom/dev/backend/\")."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.s3_static == null ? true : can(regex("^arn:aws[a-zA-Z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", r.s3_static.bucket_arn))
    ])
    error_message = "Every s3_static.bucket_arn in deploy_roles must be an S3 bucket ARN such as \"arn:aws:s3:::ecom-dev-frontend-static-<account>-eu-west-1\"."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.s3_static == null ? true : (r.s3_static.kms_key_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", r.s3_static.kms_key_arn)))
    ])
    error_message = "Every s3_static.kms_key_arn in deploy_roles must be null or a KMS key ARN (not an alias) such as \"arn:aws:kms:eu-west-1:<account>:key/0a1b2c3d-1111-2222-3333-444455556666\"."
  }

  validation {
    condition = alltrue([for r in values(var.deploy_roles) :
      r.s3_static == null ? true : (r.s3_static.cloudfront_distribution_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:cloudfront::[0-9]{12}:distribution/[A-Z0-9]+$", r.s3_static.cloudfront_distribution_arn)))
    ])
    error_message = "Every s3_static.cloudfront_distribution_arn in deploy_roles must be null or a CloudFront distribution ARN such as \"arn:aws:cloudfront::<account>:distribution/E2QWRUHAPOMQZL\"."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for the roles and the OIDC provider (the environment's provider default_tags already apply)."
  default     = {}
}
