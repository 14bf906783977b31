variable "name" {
  description = "Name prefix for every resource of the frontend app stack (e.g. \"ecom-dev-front\"). 2-24 characters: lowercase letters, digits and hyphens, starting with a letter; it becomes part of bucket, ALB and cluster names."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,22}[a-z0-9]$", var.name))
    error_message = "name must be 2-24 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen (e.g. \"ecom-dev-front\")."
  }
}

variable "vpc_id" {
  description = "ID of the VPC where the ALB and the security groups live (module network, output vpc_id)."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8}([0-9a-f]{9})?$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as \"vpc-0123456789abcdef0\"."
  }
}

variable "public_subnet_ids" {
  description = "Public subnet IDs (at least two, in different AZs) for the internet-facing ALB."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2 && alltrue([for s in var.public_subnet_ids : can(regex("^subnet-[0-9a-f]{8}([0-9a-f]{9})?$", s))]) && length(distinct(var.public_subnet_ids)) == length(var.public_subnet_ids)
    error_message = "public_subnet_ids must hold at least two distinct subnet IDs such as \"subnet-0123456789abcdef0\" (an ALB needs two AZs)."
  }
}

variable "enable_https" {
  description = "Give the ALB an HTTPS:443 listener (certificate_arn, ELBSecurityPolicy-TLS13-1-2-2021-06) with HTTP:80 redirecting to it, and admit only 443 from CloudFront; false (dev) keeps a single HTTP:80 listener. A plain boolean so the plan knows the listeners even when the certificate is created in the same apply; true requires certificate_arn."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ARN of an ACM certificate in the ALB's region for the HTTPS:443 listener. Required when enable_https is true; ignored otherwise. May be unknown at plan time (e.g. a certificate created in the same apply)."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.certificate_arn))
    error_message = "certificate_arn must be null or an ACM certificate ARN such as \"arn:aws:acm:eu-west-1:<account>:certificate/<uuid>\"."
  }
}

variable "cloudfront_distribution_arn" {
  description = "ARN of the CloudFront distribution that serves the static bucket (module frontend/cdn, output distribution_arn). When null the bucket policy only enforces TLS and no CloudFront read access is granted yet; set it to admit that distribution's OAC (condition AWS:SourceArn)."
  type        = string
  default     = null

  validation {
    condition     = var.cloudfront_distribution_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:cloudfront::[0-9]{12}:distribution/[A-Z0-9]+$", var.cloudfront_distribution_arn))
    error_message = "cloudfront_distribution_arn must be null or a distribution ARN such as \"arn:aws:cloudfront::<account>:distribution/E2ABCDEF123456\"."
  }
}

variable "enable_deletion_protection" {
  description = "Turn on ALB deletion protection. Keep true in prod; dev may set false so the stack can be destroyed."
  type        = bool
  default     = true
}

variable "container_insights" {
  description = "CloudWatch Container Insights mode for the ECS cluster: \"enabled\" or \"enhanced\"."
  type        = string
  default     = "enabled"

  validation {
    condition     = contains(["enabled", "enhanced"], var.container_insights)
    error_message = "container_insights must be \"enabled\" or \"enhanced\" (disabling it is not allowed)."
  }
}

variable "default_capacity_provider" {
  description = "Capacity provider of the cluster's default strategy (services may override it): \"FARGATE\" or \"FARGATE_SPOT\"."
  type        = string
  default     = "FARGATE"

  validation {
    condition     = contains(["FARGATE", "FARGATE_SPOT"], var.default_capacity_provider)
    error_message = "default_capacity_provider must be \"FARGATE\" or \"FARGATE_SPOT\"."
  }
}

variable "ecr_repositories" {
  description = "Names of the ECR repositories to create for the frontend services (e.g. [\"ecom/web\"]). Empty creates none."
  type        = list(string)
  default     = []

  validation {
    condition = alltrue([
      for r in var.ecr_repositories :
      length(r) >= 2 && length(r) <= 256 && can(regex("^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$", r))
    ]) && length(distinct(var.ecr_repositories)) == length(var.ecr_repositories)
    error_message = "ecr_repositories must be distinct ECR names of 2-256 characters: lowercase letters and digits, separated by single '.', '_', '-' or '/' (e.g. \"ecom/web\")."
  }
}

variable "ecr_keep_last_images" {
  description = "ECR lifecycle policy: how many most recent images each repository keeps (older ones expire)."
  type        = number
  default     = 30

  validation {
    condition     = var.ecr_keep_last_images >= 1 && var.ecr_keep_last_images <= 1000 && floor(var.ecr_keep_last_images) == var.ecr_keep_last_images
    error_message = "ecr_keep_last_images must be a whole number between 1 and 1000."
  }
}

variable "ecs_service_names" {
  description = "Short names of the ECS services the ecom-deploy action runs on the cluster. Each gets a CloudWatch log group `/ecs/<name>/<service>` (the awslogs-group of its task definition), the only log groups the task execution role `<name>-ecs-task-execution` may write to. Empty creates no log groups and no logs key."
  type        = list(string)
  default     = ["storefront-web"]

  validation {
    condition     = length(distinct(var.ecs_service_names)) == length(var.ecs_service_names) && alltrue([for n in var.ecs_service_names : can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", n))])
    error_message = "ecs_service_names must be distinct names of 2-32 lowercase letters, digits or hyphens, starting with a letter (e.g. \"storefront-web\")."
  }
}

variable "service_log_retention_days" {
  description = "Retention in days of the services' CloudWatch log groups. Must be a value CloudWatch Logs accepts; 0 (never expire) is not allowed."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.service_log_retention_days)
    error_message = "service_log_retention_days must be one of the CloudWatch Logs values 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "log_retention_days" {
  description = "Days the log bucket keeps ALB access logs and S3 server access logs before they expire."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days >= 1 && var.log_retention_days <= 3650 && floor(var.log_retention_days) == var.log_retention_days
    error_message = "log_retention_days must be a whole number of days between 1 and 3650."
  }
}

variable "static_noncurrent_version_days" {
  description = "Days the static bucket keeps non-current object versions (rollback window for static deploys) before they expire."
  type        = number
  default     = 90

  validation {
    condition     = var.static_noncurrent_version_days >= 1 && var.static_noncurrent_version_days <= 3650 && floor(var.static_noncurrent_version_days) == var.static_noncurrent_version_days
    error_message = "static_noncurrent_version_days must be a whole number of days between 1 and 3650."
  }
}

variable "enable_origin_verify" {
  description = "Create the origin-verify secret (Secrets Manager) and a regional WAF web ACL on the ALB that blocks (403) every request without the header X-Origin-Verify holding it; pass output origin_verify_header_value to frontend/cdn. The stack turns it on; false leaves the ALB guarded by the CloudFront prefix list only."
  type        = bool
  default     = false
}

variable "force_destroy" {
  description = "Let `tofu destroy` delete the buckets and ECR repositories even when they hold objects or images. Only for throwaway dev stacks."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags for the module's resources, on top of the provider default_tags set by the environment."
  type        = map(string)
  default     = {}
}
