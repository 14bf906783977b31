# prod: the values you must fill before the first plan (ADOPTAR.md, paso 3).
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

# The shop's domain. These example values (the reserved example.com, a zone
# ID with EXAMPLE, account 000000000000) make the plan fail on a precondition
# until you set your domain, the ID of its public hosted zone and an ACM
# certificate in aws_region (main.tf) for origin-app.<domain_name>.
domain_name                  = "tienda.example.com"
zone_id                      = "Z0000000000000EXAMPLE"
frontend_alb_certificate_arn = "arn:aws:acm:eu-west-1:000000000000:certificate/00000000-0000-0000-0000-000000000000"

# Cognito's mail (sign-up codes, password resets) through SES: a verified
# identity in aws_region and an address of it. Example values, refused by
# the same precondition until replaced.
cognito_email_source_arn   = "arn:aws:ses:eu-west-1:000000000000:identity/tienda.example.com"
cognito_email_from_address = "Tienda <no-reply@tienda.example.com>"
