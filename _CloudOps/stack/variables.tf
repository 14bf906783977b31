# Inputs of the stack: one environment's values, passed by the module "shop"
# call in env/<env>/main.tf. The region, the Repository tag and the state key
# belong to the env (providers.tf, backend.tf), not here.

# ---------------------------------------------------------------- general

variable "environment" {
  type        = string
  description = "Environment name: \"dev\" or \"prod\". It names every resource (ecom-<environment>-...) and the SSM prefix /ecom/<environment>/. The env sets the same name in the Environment tag (provider default_tags)."

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "The variable environment must be \"dev\" or \"prod\"."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Protect the stateful and user-facing resources against deletion (DynamoDB tables, Aurora, ALBs, Cognito user pool) and keep buckets and the hosted zone from being force-destroyed. true in prod; false lets dev be destroyed."
}

variable "log_retention_days" {
  type        = number
  description = "Days every CloudWatch log group (flow logs, API, Lambda, ECS Exec, Aurora, ElastiCache, WAF) and every log bucket keeps its logs. One of the values CloudWatch Logs accepts."

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "The variable log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "kms_key_deletion_window_days" {
  type        = number
  description = "Waiting period, in days (7-30), before AWS deletes a KMS key of the environment after a destroy."
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_days >= 7 && var.kms_key_deletion_window_days <= 30 && floor(var.kms_key_deletion_window_days) == var.kms_key_deletion_window_days
    error_message = "The variable kms_key_deletion_window_days must be a whole number from 7 to 30."
  }
}

# ---------------------------------------------------------------- network

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR block of the VPC (/16 to /24). Give each environment its own block so they can be peered later."

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && can(regex("^[0-9.]+/(1[6-9]|2[0-4])$", var.vpc_cidr))
    error_message = "The variable vpc_cidr must be an IPv4 CIDR block with a prefix from /16 to /24, such as \"10.10.0.0/16\"."
  }
}

variable "azs" {
  type        = list(string)
  description = "Availability Zones of aws_region to spread the subnets over: 2 (dev) or 3 (prod) distinct names. Written out instead of looked up, so the plan does not depend on a data source."

  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) <= 3 && length(distinct(var.azs)) == length(var.azs)
    error_message = "The variable azs must list 2 or 3 distinct Availability Zones."
  }

  validation {
    condition     = alltrue([for az in var.azs : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", az))])
    error_message = "The variable azs must hold Availability Zone names such as \"eu-west-1a\"."
  }
}

variable "nat_mode" {
  type        = string
  description = "NAT gateways of the private app subnets: \"single\" (dev), \"one_per_az\" (prod) or \"none\" (only VPC endpoints)."

  validation {
    condition     = contains(["single", "one_per_az", "none"], var.nat_mode)
    error_message = "The variable nat_mode must be \"single\", \"one_per_az\" or \"none\"."
  }
}

variable "enable_interface_endpoints" {
  type        = bool
  description = "Create interface VPC endpoints (ECR, CloudWatch Logs, Secrets Manager) in the private app subnets. Costs per hour and AZ; worth it in prod."
}

# ---------------------------------------------------------------- data

variable "create_aurora" {
  type        = bool
  description = "Create the Aurora PostgreSQL Serverless v2 cluster."
}

variable "aurora_instance_count" {
  type        = number
  description = "Aurora instances (1 writer plus readers); 2 or more spread over AZs for failover."
  default     = 1

  validation {
    condition     = var.aurora_instance_count >= 1 && var.aurora_instance_count <= 15 && floor(var.aurora_instance_count) == var.aurora_instance_count
    error_message = "The variable aurora_instance_count must be a whole number from 1 to 15."
  }
}

variable "aurora_min_capacity" {
  type        = number
  description = "Minimum Aurora Serverless v2 capacity in ACUs (0-256, steps of 0.5; 0 lets an idle cluster pause)."
  default     = 0.5

  validation {
    condition     = var.aurora_min_capacity >= 0 && var.aurora_min_capacity <= 256 && floor(var.aurora_min_capacity * 2) == var.aurora_min_capacity * 2
    error_message = "The variable aurora_min_capacity must be from 0 to 256 in steps of 0.5."
  }
}

variable "aurora_max_capacity" {
  type        = number
  description = "Maximum Aurora Serverless v2 capacity in ACUs (1-256, steps of 0.5)."
  default     = 4

  validation {
    condition     = var.aurora_max_capacity >= 1 && var.aurora_max_capacity <= 256 && floor(var.aurora_max_capacity * 2) == var.aurora_max_capacity * 2
    error_message = "The variable aurora_max_capacity must be from 1 to 256 in steps of 0.5."
  }
}

variable "create_dax" {
  type        = bool
  description = "Create the DAX cluster in front of the DynamoDB tables."
}

variable "dax_node_type" {
  type        = string
  description = "DAX node type (e.g. \"dax.t3.small\", \"dax.r5.large\")."
  default     = "dax.t3.small"

  validation {
    condition     = can(regex("^dax\\.[a-z0-9]+\\.[a-z0-9]+$", var.dax_node_type))
    error_message = "The variable dax_node_type must be a DAX node type such as \"dax.t3.small\"."
  }
}

variable "dax_replication_factor" {
  type        = number
  description = "DAX nodes (1 = no replica; 3 for prod, spread over AZs)."
  default     = 1

  validation {
    condition     = var.dax_replication_factor >= 1 && var.dax_replication_factor <= 11 && floor(var.dax_replication_factor) == var.dax_replication_factor
    error_message = "The variable dax_replication_factor must be a whole number from 1 to 11."
  }
}

variable "create_elasticache" {
  type        = bool
  description = "Create the ElastiCache Valkey replication group."
}

variable "elasticache_node_type" {
  type        = string
  description = "ElastiCache node type (e.g. \"cache.t4g.micro\", \"cache.r7g.large\")."
  default     = "cache.t4g.micro"

  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.elasticache_node_type))
    error_message = "The variable elasticache_node_type must be an ElastiCache node type such as \"cache.t4g.micro\"."
  }
}

variable "cache_multi_az" {
  type        = bool
  description = "ElastiCache primary plus a replica in another AZ with automatic failover. false (dev) gives one node."
}

# ---------------------------------------------------------------- backend

variable "backend_services" {
  type        = list(string)
  description = "ECS services of the backend stack (each gets an ECR repository ecom-<env>-<name> and a log group); the deploy action creates the services themselves."

  validation {
    condition     = length(distinct(var.backend_services)) == length(var.backend_services) && alltrue([for n in var.backend_services : can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", n))])
    error_message = "The variable backend_services must hold distinct names of 2-32 lowercase letters, digits or hyphens, starting with a letter (e.g. \"orders\")."
  }
}

variable "backend_fargate_spot_weight" {
  type        = number
  description = "Weight of FARGATE_SPOT in the backend cluster's default strategy (FARGATE keeps base 1, weight 1). 0 = on-demand only."

  validation {
    condition     = var.backend_fargate_spot_weight >= 0 && var.backend_fargate_spot_weight <= 1000 && floor(var.backend_fargate_spot_weight) == var.backend_fargate_spot_weight
    error_message = "The variable backend_fargate_spot_weight must be a whole number from 0 to 1000."
  }
}

variable "lambda_reserved_concurrency" {
  type        = number
  description = "Reserved concurrency of lambda-catalog; -1 reserves nothing (needed in new accounts whose concurrency quota is 10)."

  validation {
    condition     = var.lambda_reserved_concurrency == -1 || (var.lambda_reserved_concurrency >= 1 && var.lambda_reserved_concurrency <= 3000 && floor(var.lambda_reserved_concurrency) == var.lambda_reserved_concurrency)
    error_message = "The variable lambda_reserved_concurrency must be -1 or a whole number from 1 to 3000."
  }
}

variable "lambda_package_path" {
  type        = string
  description = "Placeholder zip the lambda-catalog function is created with, relative to the env directory (the root module, path.root). Built from modules/backend/placeholder/app.py before plan (scripts/env-plan.sh, the infra workflow); never committed. The deploy action owns the real code."
  default     = "build/lambda-placeholder.zip"

  validation {
    condition     = endswith(var.lambda_package_path, ".zip")
    error_message = "The variable lambda_package_path must be the path of a .zip file (e.g. \"build/lambda-placeholder.zip\")."
  }
}

variable "cognito_domain_prefix" {
  type        = string
  description = "Prefix of the Cognito hosted sign-in domain (<prefix>.auth.<region>.amazoncognito.com); unique per Region across all AWS accounts. null creates no domain."
  default     = null

  validation {
    condition     = var.cognito_domain_prefix == null ? true : (can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.cognito_domain_prefix)) && !can(regex("aws|amazon|cognito", var.cognito_domain_prefix)))
    error_message = "The variable cognito_domain_prefix must be null or 1-63 lowercase letters, digits or hyphens without \"aws\", \"amazon\" or \"cognito\"."
  }
}

variable "cognito_mfa_configuration" {
  type        = string
  description = "MFA of the user pool: OFF, OPTIONAL or ON (TOTP only)."

  validation {
    condition     = contains(["OFF", "OPTIONAL", "ON"], var.cognito_mfa_configuration)
    error_message = "The variable cognito_mfa_configuration must be \"OFF\", \"OPTIONAL\" or \"ON\"."
  }
}

variable "cognito_advanced_security_mode" {
  type        = string
  description = "Cognito threat protection: OFF (ESSENTIALS plan), AUDIT or ENFORCED (PLUS plan, billed per monthly active user)."

  validation {
    condition     = contains(["OFF", "AUDIT", "ENFORCED"], var.cognito_advanced_security_mode)
    error_message = "The variable cognito_advanced_security_mode must be \"OFF\", \"AUDIT\" or \"ENFORCED\"."
  }
}

variable "cognito_allow_self_signup" {
  type        = bool
  description = "Let shoppers create their own accounts in the user pool (true for a public shop); false lets only administrators create users. No default: a deliberate choice per environment (see _CloudOps/README.md, Cognito)."
}

variable "cognito_email_source_arn" {
  type        = string
  description = "ARN of a verified SES identity (domain or address) in the stack's region that Cognito sends sign-up, verification and password-reset mail from. null uses Cognito's built-in sender, which AWS limits to a few dozen emails a day: dev only; the stack refuses it in prod."
  default     = null

  validation {
    condition     = var.cognito_email_source_arn == null ? true : can(regex("^arn:aws[a-z-]*:ses:[a-z0-9-]+:[0-9]{12}:identity/.+$", var.cognito_email_source_arn))
    error_message = "The variable cognito_email_source_arn must be null or an SES identity ARN such as \"arn:aws:ses:eu-west-1:<account>:identity/tienda.<your domain>\"."
  }
}

variable "cognito_email_from_address" {
  type        = string
  description = "Sender of Cognito's mail with cognito_email_source_arn, e.g. \"Tienda <no-reply@tienda.<your domain>>\" (an address of that SES identity). Required with cognito_email_source_arn."
  default     = null
}

variable "local_dev_origins" {
  type        = list(string)
  description = "Origins of a developer's machine (e.g. \"http://localhost:8000\") added to the API's CORS origins and to the Cognito callback and sign-out URLs. Empty in prod."
  default     = []

  validation {
    condition     = alltrue([for o in var.local_dev_origins : can(regex("^http://localhost(:[0-9]{1,5})?$", o))])
    error_message = "The variable local_dev_origins may only hold origins like \"http://localhost:8000\" (no path, no trailing slash)."
  }
}

variable "app_secrets" {
  type        = map(string)
  description = "Empty Secrets Manager secrets for the backend services, name => description (values are set out of band, never through Terraform)."
  default     = {}
}

# ---------------------------------------------------------------- frontend

variable "frontend_services" {
  type        = list(string)
  description = "ECS services of the frontend stack; each gets an ECR repository ecom-<env>-<name> and a log group /ecs/ecom-<env>-frontend/<name>."

  validation {
    condition     = length(distinct(var.frontend_services)) == length(var.frontend_services) && alltrue([for n in var.frontend_services : can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", n))])
    error_message = "The variable frontend_services must hold distinct names of 2-32 lowercase letters, digits or hyphens, starting with a letter (e.g. \"storefront-web\")."
  }
}

variable "frontend_capacity_provider" {
  type        = string
  description = "Default capacity provider of the frontend ECS cluster: FARGATE or FARGATE_SPOT."

  validation {
    condition     = contains(["FARGATE", "FARGATE_SPOT"], var.frontend_capacity_provider)
    error_message = "The variable frontend_capacity_provider must be \"FARGATE\" or \"FARGATE_SPOT\"."
  }
}

variable "zone_mode" {
  type        = string
  description = "Public DNS of the shop: \"none\" (dev: *.cloudfront.net, CloudFront reaches the ALB over HTTP), \"existing\" (zone_id) or \"create\" (a new hosted zone for domain_name). With a zone, frontend_alb_certificate_arn is required."

  validation {
    condition     = contains(["none", "existing", "create"], var.zone_mode)
    error_message = "The variable zone_mode must be \"none\", \"existing\" or \"create\"."
  }
}

variable "domain_name" {
  type        = string
  description = "Public hostname of the shop (e.g. \"tienda.example.com\"); required unless zone_mode = \"none\". The ALB origin is published as origin-app.<domain_name>."
  default     = null

  validation {
    condition     = var.domain_name == null ? true : can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain_name))
    error_message = "The variable domain_name must be null or a lowercase domain name such as \"tienda.example.com\"."
  }
}

variable "zone_id" {
  type        = string
  description = "ID of the existing public hosted zone of domain_name (zone_mode = \"existing\")."
  default     = null

  validation {
    condition     = var.zone_id == null ? true : can(regex("^Z[A-Z0-9]{1,31}$", var.zone_id))
    error_message = "The variable zone_id must be null or a hosted zone ID such as \"Z0123456789ABCDEFGHIJ\"."
  }
}

variable "frontend_alb_certificate_arn" {
  type        = string
  description = "ARN of an existing ACM certificate in aws_region that covers origin-app.<domain_name> and origin-api.<domain_name>; the frontend ALB and the API's custom domain (CloudFront's two dynamic origins) then serve TLS with it, and the API's default execute-api endpoint is turned off. Required with a zone, null with zone_mode = \"none\". The module's HTTPS switch (enable_https) follows zone_mode, not this ARN, so a certificate created in the same apply would also work."
  default     = null

  validation {
    condition     = var.frontend_alb_certificate_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.frontend_alb_certificate_arn))
    error_message = "The variable frontend_alb_certificate_arn must be null or an ACM certificate ARN such as \"arn:aws:acm:eu-west-1:<account>:certificate/<uuid>\"."
  }
}

variable "price_class" {
  type        = string
  description = "CloudFront price class: PriceClass_100, PriceClass_200 or PriceClass_All."
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "The variable price_class must be \"PriceClass_100\", \"PriceClass_200\" or \"PriceClass_All\"."
  }
}

variable "waf_rate_limit" {
  type        = number
  description = "Requests per client IP in 5 minutes that the CloudFront WAF allows before blocking it."
  default     = 2000

  validation {
    condition     = var.waf_rate_limit >= 10 && floor(var.waf_rate_limit) == var.waf_rate_limit
    error_message = "The variable waf_rate_limit must be a whole number of at least 10."
  }
}

# ---------------------------------------------------------------- deploy roles

variable "backend_repository" {
  type = object({
    owner          = string
    name           = string
    subject_format = string
    owner_id       = optional(string)
    repository_id  = optional(string)
  })
  description = "GitHub repository of Backend-repo: owner (organization or user), name, and the format of its OIDC subject claim, subject_format = \"classic\" (repo:OWNER/REPO:...) or \"immutable\" (repo:OWNER@OWNER_ID/REPO@REPO_ID:..., the default for repositories created or renamed since GitHub turned immutable subject claims on) with owner_id and repository_id (gh api repos/OWNER/REPO --jq '.owner.id, .id'). Its workflows' jobs in the GitHub environment named like this environment may assume the backend deploy role. No default: set it in env/<env>/terraform.tfvars (ADOPTAR.md). Validated by module github-repository (module.backend_repository)."

}

variable "frontend_repository" {
  type = object({
    owner          = string
    name           = string
    subject_format = string
    owner_id       = optional(string)
    repository_id  = optional(string)
  })
  description = "GitHub repository of Frontend-repo, in the shape of backend_repository (owner, name, subject_format and, with \"immutable\", owner_id and repository_id). Its workflows' jobs in the GitHub environment named like this environment may assume the frontend deploy role. No default: set it in env/<env>/terraform.tfvars (ADOPTAR.md). Validated by module github-repository (module.frontend_repository)."

}

variable "create_github_oidc_provider" {
  type        = bool
  description = "Create the GitHub Actions OIDC provider (token.actions.githubusercontent.com) in this account. false (default) uses the one the account bootstrap already created for the Terraform roles; an account holds only one, so at most one environment per account may set true."
  default     = false
}
