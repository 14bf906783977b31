# The account bootstrap's values (ADOPTAR.md, paso 1). The placeholders in
# <...> are not valid GitHub names: the plan stops on a validation error
# naming each one until you replace it.

aws_region = "eu-west-1"

# One account for both environments; in an account per environment, apply
# the bootstrap in each with only its environment.
environments = {
  dev  = "eu-west-1"
  prod = "eu-west-1"
}

# Your copy of this repository (the one that runs terraform-infra.yml).
# subject_format "immutable" (repositories created or renamed since GitHub
# turned it on) needs owner_id and repository_id:
#   gh api repos/OWNER/REPO --jq '.owner.id, .id'
infra_repository = {
  owner          = "<github-org>"
  name           = "<ecom-deploy-repo>"
  subject_format = "<classic-or-immutable>"
  # owner_id      = "<owner-id>"
  # repository_id = "<repository-id>"
}
