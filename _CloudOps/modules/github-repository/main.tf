# github-repository: one GitHub repository as AWS trust policies name it.
# Validates owner, name and the OIDC subject format once (the account
# bootstrap and the stack both call it) and builds the repository part of
# the sub claim, per GitHub's OIDC reference:
#   classic    repo:OWNER/REPO:environment:ENV
#   immutable  repo:OWNER@OWNER_ID/REPO@REPO_ID:environment:ENV

locals {
  full_name = "${var.repository.owner}/${var.repository.name}"

  subject_repository = (
    var.repository.subject_format == "immutable"
    ? "${var.repository.owner}@${var.repository.owner_id}/${var.repository.name}@${var.repository.repository_id}"
    : local.full_name
  )
}
