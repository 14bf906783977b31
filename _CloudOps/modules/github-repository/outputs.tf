output "full_name" {
  description = "OWNER/REPO."
  value       = local.full_name
}

output "subject_repository" {
  description = "The repository part of the OIDC sub claim: OWNER/REPO (classic) or OWNER@OWNER_ID/REPO@REPO_ID (immutable)."
  value       = local.subject_repository
}

output "subject_format" {
  description = "\"classic\" or \"immutable\"."
  value       = var.repository.subject_format
}

output "owner_id" {
  description = "Numeric owner ID (immutable format), or null."
  value       = var.repository.owner_id
}

output "repository_id" {
  description = "Numeric repository ID (immutable format), or null."
  value       = var.repository.repository_id
}

output "subject_prefix" {
  description = "The sub claim of a job in GitHub environment ENV is this prefix followed by ENV: \"repo:<subject_repository>:environment:\"."
  value       = "repo:${local.subject_repository}:environment:"
}
