# The account bootstrap, planned against a mocked provider: the state
# bucket's protections, who may assume each role (both OIDC subject formats,
# decoded from the policy JSON) and what each role may do.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
      arn        = "arn:aws:iam::123456789012:user/admin"
    }
  }
  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }
  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"
      key_id = "0a1b2c3d-1111-2222-3333-444455556666"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/mock"
    }
  }
}

variables {
  aws_region   = "eu-west-1"
  environments = { dev = "eu-west-1", prod = "eu-west-1" }
  infra_repository = {
    owner          = "ecom-shop"
    name           = "ecom-deploy"
    subject_format = "classic"
  }
}

run "state_bucket_is_versioned_kms_tls_only_and_private" {
  command = plan

  assert {
    condition     = aws_s3_bucket.state.bucket == "ecom-tfstate-123456789012-eu-west-1"
    error_message = "The default bucket name is ecom-tfstate-<account>-<region>."
  }
  assert {
    condition     = aws_s3_bucket_versioning.state.versioning_configuration[0].status == "Enabled"
    error_message = "The state bucket must be versioned."
  }
  assert {
    condition = (
      one(aws_s3_bucket_server_side_encryption_configuration.state.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms" &&
      one(aws_s3_bucket_server_side_encryption_configuration.state.rule).apply_server_side_encryption_by_default[0].kms_master_key_id == aws_kms_key.state.arn &&
      aws_kms_key.state.enable_key_rotation
    )
    error_message = "The state must be encrypted with the bootstrap's own rotating KMS key."
  }
  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.state.block_public_acls,
      aws_s3_bucket_public_access_block.state.block_public_policy,
      aws_s3_bucket_public_access_block.state.ignore_public_acls,
      aws_s3_bucket_public_access_block.state.restrict_public_buckets,
    ])
    error_message = "The state bucket must block every kind of public access."
  }
  assert {
    condition = contains(jsondecode(aws_s3_bucket_policy.state.policy).Statement, {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::ecom-tfstate-123456789012-eu-west-1", "arn:aws:s3:::ecom-tfstate-123456789012-eu-west-1/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    })
    error_message = "The bucket policy must deny every request without TLS."
  }
  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 1 && aws_iam_openid_connect_provider.github[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "The bootstrap must create the GitHub OIDC provider with audience sts.amazonaws.com."
  }
}

run "classic_subjects_plan_and_apply_per_environment" {
  command = plan

  assert {
    condition = {
      for e in ["dev", "prod"] : e => jsondecode(aws_iam_role.plan[e].assume_role_policy).Statement[0].Condition.StringEquals
      } == {
      dev = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:ecom-shop/ecom-deploy:environment:dev-plan"
      }
      prod = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:ecom-shop/ecom-deploy:environment:prod-plan"
      }
    }
    error_message = "Each plan role must trust only GitHub environment <env>-plan of the infra repository (classic subject)."
  }
  assert {
    condition = [for e in ["dev", "prod"] : jsondecode(aws_iam_role.apply[e].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"]] == [
      "repo:ecom-shop/ecom-deploy:environment:dev",
      "repo:ecom-shop/ecom-deploy:environment:prod",
    ]
    error_message = "Each apply role must trust only the protected GitHub environment <env>."
  }
  assert {
    condition     = jsondecode(aws_iam_role.apply["prod"].assume_role_policy).Statement[0].Principal == { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
    error_message = "Only the GitHub OIDC provider may assume the roles."
  }
  assert {
    condition     = aws_iam_role.apply["prod"].max_session_duration >= 14400 && aws_iam_role.plan["prod"].max_session_duration == 3600
    error_message = "The apply role must allow a 4 h session (first prod apply); the plan role 1 h."
  }
  assert {
    condition     = keys(output.github_environment_variables) == ["dev", "dev-plan", "prod", "prod-plan"] && keys(output.github_environment_variables["prod-plan"]) == ["AWS_REGION", "TF_ROLE_ARN", "TF_STATE_BUCKET", "TF_STATE_KMS_KEY_ARN", "TF_STATE_REGION"]
    error_message = "The outputs must give the variables of the four GitHub environments the infra workflow uses."
  }
}

run "immutable_subjects" {
  command = plan

  variables {
    infra_repository = {
      owner          = "ecom-shop"
      name           = "ecom-deploy"
      subject_format = "immutable"
      owner_id       = "123456"
      repository_id  = "456789"
    }
  }

  assert {
    condition = [for r in [aws_iam_role.plan["dev"], aws_iam_role.apply["prod"]] : jsondecode(r.assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"]] == [
      "repo:ecom-shop@123456/ecom-deploy@456789:environment:dev-plan",
      "repo:ecom-shop@123456/ecom-deploy@456789:environment:prod",
    ]
    error_message = "With subject_format = \"immutable\" the roles must trust repo:OWNER@OWNER_ID/REPO@REPO_ID:environment:ENV."
  }
}

run "plan_role_reads_and_locks_only" {
  command = plan

  assert {
    condition     = aws_iam_role_policy_attachment.plan_read_only["dev"].policy_arn == "arn:aws:iam::aws:policy/ReadOnlyAccess" && length([for a in [aws_iam_role_policy_attachment.plan_read_only["dev"]] : a if strcontains(a.policy_arn, "Administrator")]) == 0
    error_message = "The plan role must be read-only (ReadOnlyAccess)."
  }
  assert {
    condition = (
      one([for s in jsondecode(aws_iam_role_policy.plan["dev"].policy).Statement : s.Resource if s.Sid == "StateLock"]) == ["arn:aws:s3:::ecom-tfstate-123456789012-eu-west-1/ecom/dev/terraform.tfstate.tflock"] &&
      length([for s in jsondecode(aws_iam_role_policy.plan["dev"].policy).Statement : s if s.Sid == "WriteState"]) == 0
    )
    error_message = "The plan role may write only its lock file, never the state."
  }
  assert {
    condition = (
      one([for s in jsondecode(aws_iam_role_policy.plan["dev"].policy).Statement : s.Action if s.Sid == "GeneratePasswordsForPlan"]) == ["secretsmanager:GetRandomPassword"] &&
      one([for s in jsondecode(aws_iam_role_policy.plan["dev"].policy).Statement : s.Resource if s.Sid == "ReadStackSecrets"]) == ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecom-dev*"]
    )
    error_message = "Planning needs GetRandomPassword (generated secrets) and GetSecretValue on the stack's own secrets only."
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.plan["dev"].policy).Statement : s if s.Sid == "NotTheStateOfProd"]).Effect == "Deny"
    error_message = "dev's plan role must not read prod's state."
  }
}

run "apply_role_cannot_undo_the_bootstrap" {
  command = plan

  assert {
    condition     = toset([for s in jsondecode(aws_iam_role_policy.apply["prod"].policy).Statement : s.Sid if s.Effect == "Deny"]) == toset(["KeepStateBucket", "KeepStateKey", "KeepGitHubOidcProvider", "KeepTerraformRoles", "NotTheStateOfDev"])
    error_message = "The apply role must be denied undoing the bucket, its key, the OIDC provider and the Terraform roles, and the other environment's state."
  }
  assert {
    condition     = contains(one([for s in jsondecode(aws_iam_role_policy.apply["prod"].policy).Statement : s.Resource if s.Sid == "KeepTerraformRoles"]), "arn:aws:iam::123456789012:role/ecom-tf-apply-prod")
    error_message = "The apply role must not change its own trust or permissions."
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.apply["prod"].policy).Statement : s.Resource if s.Sid == "WriteState"]) == ["arn:aws:s3:::ecom-tfstate-123456789012-eu-west-1/ecom/prod/terraform.tfstate"]
    error_message = "The apply role writes its own environment's state."
  }
}

run "existing_oidc_provider" {
  command = plan

  variables {
    create_github_oidc_provider = false
    environments                = { dev = "eu-west-1" }
  }

  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 0 && output.github_oidc_provider_arn == "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    error_message = "With create_github_oidc_provider = false the account's provider is referenced, not created."
  }
  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.plan["dev"].policy).Statement : s if startswith(s.Sid, "NotTheStateOf")]) == 0
    error_message = "With one environment there is no other state to deny."
  }
}

run "rejects_unknown_environment" {
  command = plan

  variables {
    environments = { staging = "eu-west-1" }
  }

  expect_failures = [var.environments]
}
