variable "repository" {
  type = object({
    owner          = string
    name           = string
    subject_format = string
    owner_id       = optional(string)
    repository_id  = optional(string)
  })
  description = "A GitHub repository that workflows assume AWS roles from: owner (organization or user), name, and the format of its OIDC subject claim, subject_format = \"classic\" (repo:OWNER/REPO:...) or \"immutable\" (repo:OWNER@OWNER_ID/REPO@REPO_ID:..., GitHub's immutable subject claims) with owner_id and repository_id, the numeric IDs from gh api repos/OWNER/REPO --jq '.owner.id, .id'."

  validation {
    condition     = can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$", var.repository.owner)) && can(regex("^[A-Za-z0-9._-]{1,100}$", var.repository.name))
    error_message = "The repository needs owner and name of your real GitHub repository (owner: letters, digits and hyphens; name: letters, digits, '.', '_' or '-'; no wildcards). Replace the <...> placeholders of the variable named like this module call (backend_repository, frontend_repository: _CloudOps/env/<env>/terraform.tfvars; infra_repository: _CloudOps/bootstrap/terraform.tfvars; ADOPTAR.md)."
  }

  validation {
    condition = contains(["classic", "immutable"], var.repository.subject_format) && (
      var.repository.subject_format == "classic"
      ? var.repository.owner_id == null && var.repository.repository_id == null
      : can(regex("^[1-9][0-9]{0,19}$", var.repository.owner_id)) && can(regex("^[1-9][0-9]{0,19}$", var.repository.repository_id))
    )
    error_message = "The repository's subject_format must be \"classic\" (without owner_id and repository_id) or \"immutable\" with owner_id and repository_id, the numeric IDs from: gh api repos/OWNER/REPO --jq '.owner.id, .id'."
  }
}
