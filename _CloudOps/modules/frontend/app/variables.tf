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

variable "certificate_arn" {
  description = "ARN of an ACM certificate in the ALB's region. When set the ALB gets an HTTPS:443 listener (ELBSecurityPolicy-TLS13-1-2-2021-06) and HTTP:80 redirects to it; when null (dev) only an HTTP:80 listener exists."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.certificate_arn))
    error_message = "certificate_arn must be null or an ACM certificate ARN such as \"arn:aws:acm:eu-west-1:123456789012:certificate/<uuid>\"."
  }
}

variable "cloudfront_distribution_arn" {
  description = "ARN of the CloudFront distribution that serves the static bucket (module frontend/cdn, output distribution_arn). When null the bucket policy only enforces TLS and no CloudFront read access is granted yet; set it to admit that distribution's OAC (condition AWS:SourceArn)."
  type        = string
  default     = null

  validation {
    condition     = var.cloudfront_distribution_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:cloudfront::[0-9]{12}:distribution/[A-Z0-9]+$", var.cloudfront_distribution_arn))
    error_message = "cloudfront_distribution_arn must be null or a distribution ARN such as \"arn:aws:cloudfront::123456789012:distribution/E2ABCDEF123456\"."
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
