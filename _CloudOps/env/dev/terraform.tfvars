# dev: the values you must fill before the first plan (ADOPTAR.md, paso 3).
# The placeholders in <...> are not valid GitHub names, so the plan stops
# with a validation error naming each one until you replace it. Never leave
# an organization you do not own here: its workflows could deploy to the shop.
#
# subject_format: "immutable" for repositories created (or renamed) since
# GitHub turned on immutable OIDC subject claims, with the numeric IDs from
#   gh api repos/OWNER/REPO --jq '.owner.id, .id'
# or "classic" (and no IDs) for older repositories. Check which one a
# repository gets in ADOPTAR.md.

backend_repository = {
  owner          = "<github-org>"
  name           = "<backend-repo>"
  subject_format = "<classic-or-immutable>"
  # owner_id      = "<owner-id>"
  # repository_id = "<repository-id>"
}

frontend_repository = {
  owner          = "<github-org>"
  name           = "<frontend-repo>"
  subject_format = "<classic-or-immutable>"
  # owner_id      = "<owner-id>"
  # repository_id = "<repository-id>"
}
