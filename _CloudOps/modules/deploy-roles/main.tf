# deploy-roles: the IAM roles that the app repositories' GitHub workflows
# assume through OIDC to deploy with the ecom-deploy action (and to push
# images and upload the static site). One role per entry of deploy_roles;
# the policies are in policies.tf.

# Checks across variables (a variable validation may only look at its own
# variable before OpenTofu 1.9 / Terraform 1.9).
resource "terraform_data" "input_checks" {
  lifecycle {
    precondition {
      condition     = var.create_oidc_provider == (var.oidc_provider_arn == null)
      error_message = "Set oidc_provider_arn exactly when create_oidc_provider is false: either the module creates the GitHub OIDC provider or it uses the existing one given."
    }
  }
}

# The account's trust in GitHub Actions tokens. With provider 6 the thumbprint
# list is optional: IAM validates token.actions.githubusercontent.com against
# its library of trusted root CAs.
resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url             = "https://${local.github_oidc_host}"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = length(var.oidc_thumbprints) > 0 ? [for t in var.oidc_thumbprints : lower(t)] : null
  tags            = var.tags
}

resource "aws_iam_role" "deploy" {
  for_each = var.deploy_roles

  name                 = "${var.name_prefix}-deploy-${each.key}"
  description          = "ecom-deploy: deploys of ${each.value.repository} (GitHub environments ${join(", ", each.value.environments)}) through GitHub OIDC"
  assume_role_policy   = jsonencode(local.trust_policies[each.key])
  max_session_duration = var.max_session_duration
  permissions_boundary = var.permissions_boundary_arn
  tags                 = var.tags

  depends_on = [terraform_data.input_checks]
}

# Inline, so the permissions live and die with the role and no other
# principal can be attached to them.
resource "aws_iam_role_policy" "deploy" {
  for_each = var.deploy_roles

  name   = "ecom-deploy"
  role   = aws_iam_role.deploy[each.key].id
  policy = jsonencode(local.permission_policies[each.key])
}
