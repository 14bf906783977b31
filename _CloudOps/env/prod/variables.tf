# The values an adopter must give this environment, all in terraform.tfvars
# (next to this file; ADOPTAR.md says how to fill it). None has a default and
# the committed terraform.tfvars holds placeholders that fail validation or a
# precondition, so nothing is planned against a repository or domain that is
# not yours. Types are repeated here; the validations live once, in
# _CloudOps/stack/variables.tf. The rest of the environment's values (sizes,
# switches) are written in main.tf.

variable "backend_repository" {
  type = object({
    owner          = string
    name           = string
    subject_format = string
    owner_id       = optional(string)
    repository_id  = optional(string)
  })
  description = "GitHub repository of Backend-repo and its OIDC subject format (see backend_repository in _CloudOps/stack/variables.tf)."
}

variable "frontend_repository" {
  type = object({
    owner          = string
    name           = string
    subject_format = string
    owner_id       = optional(string)
    repository_id  = optional(string)
  })
  description = "GitHub repository of Frontend-repo and its OIDC subject format (see frontend_repository in _CloudOps/stack/variables.tf)."
}

variable "domain_name" {
  type        = string
  description = "Public hostname of the shop, e.g. tienda.<your domain> (see domain_name in _CloudOps/stack/variables.tf)."
}

variable "zone_id" {
  type        = string
  description = "ID of the existing public Route 53 hosted zone of domain_name (see zone_id in _CloudOps/stack/variables.tf)."
}

variable "frontend_alb_certificate_arn" {
  type        = string
  description = "ACM certificate in aws_region for origin-app.<domain_name> (see frontend_alb_certificate_arn in _CloudOps/stack/variables.tf)."
}

variable "cognito_email_source_arn" {
  type        = string
  description = "Verified SES identity Cognito sends mail from (see cognito_email_source_arn in _CloudOps/stack/variables.tf)."
}

variable "cognito_email_from_address" {
  type        = string
  description = "Sender address of that SES identity (see cognito_email_from_address in _CloudOps/stack/variables.tf)."
}
