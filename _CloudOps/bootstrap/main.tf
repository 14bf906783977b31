# Account bootstrap: what must exist before the first `tofu init` of an
# environment, and cannot live in the state it holds. Applied once per AWS
# account by an administrator (ADOPTAR.md, paso 1):
#   - the state bucket (versioned, SSE-KMS with its own key, TLS only, no
#     public access) that every env/<env>/backend.tf uses, one key each;
#   - the account's GitHub Actions OIDC provider (also used by the app repos'
#     deploy roles that the environments create);
#   - per environment, the roles terraform-infra.yml assumes: a plan role
#     (read-only, state lock) for GitHub environment <env>-plan and an apply
#     role for GitHub environment <env> (prod: required reviewers).
# outputs.tf gives exactly the GitHub variables of those environments.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  bucket_name = coalesce(var.state_bucket_name, "ecom-tfstate-${local.account_id}-${var.aws_region}")
  bucket_arn  = "arn:${local.partition}:s3:::${local.bucket_name}"

  github_oidc_host  = "token.actions.githubusercontent.com"
  oidc_provider_arn = "arn:${local.partition}:iam::${local.account_id}:oidc-provider/${local.github_oidc_host}"

  # Each environment's state object (env/<env>/backend.tf) and its lock file.
  state_keys = { for e in keys(var.environments) : e => "ecom/${e}/terraform.tfstate" }

  # Names of the roles, known at plan (policies reference them).
  plan_role_names  = { for e in keys(var.environments) : e => "ecom-tf-plan-${e}" }
  apply_role_names = { for e in keys(var.environments) : e => "ecom-tf-apply-${e}" }
  bootstrap_role_arns = [for n in concat(values(local.plan_role_names), values(local.apply_role_names)) :
    "arn:${local.partition}:iam::${local.account_id}:role/${n}"
  ]
}

# The infra repository, validated once (owner, name, OIDC subject format);
# the same module checks the app repositories in the stack.
module "infra_repository" {
  source     = "../modules/github-repository"
  repository = var.infra_repository
}

# ---------------------------------------------------------------- state bucket

resource "aws_kms_key" "state" {
  description             = "ecom: Terraform state in ${local.bucket_name}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      # Use is delegated to IAM policies in this account (the roles below).
      Sid       = "EnableIAMPolicies"
      Effect    = "Allow"
      Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_alias" "state" {
  name          = "alias/ecom-tfstate"
  target_key_id = aws_kms_key.state.key_id
}

resource "aws_s3_bucket" "state" {
  #checkov:skip=CKV_AWS_18:Access logs would need a second bucket outside any state; every state access is an API call recorded by CloudTrail (data events can be enabled for this bucket).
  #checkov:skip=CKV_AWS_144:One-region state by design; versioning keeps every previous state and deletion is denied to the apply roles.
  #checkov:skip=CKV2_AWS_62:Nothing reacts to state writes; no event notifications are wanted.
  bucket = local.bucket_name

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.state.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    id     = "old-state-versions"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_state_version_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.state]
}

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.bucket_arn, "${local.bucket_arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "DenySseS3"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "${local.bucket_arn}/*"
        Condition = { StringEquals = { "s3:x-amz-server-side-encryption" = "AES256" } }
      },
      {
        # Objects are written with this bucket's key only (the backend passes
        # kms_key_id; the bucket default uses it too).
        Sid       = "DenyOtherEncryption"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "${local.bucket_arn}/*"
        Condition = {
          StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption-aws-kms-key-id" = aws_kms_key.state.arn }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.state]
}

# ---------------------------------------------------------------- GitHub OIDC

# IAM validates token.actions.githubusercontent.com against its trusted root
# CAs, so no thumbprint is pinned (provider 6: thumbprint_list is optional).
resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 1 : 0

  url            = "https://${local.github_oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

# ---------------------------------------------------------------- roles

# Trust: only this repository's jobs in one GitHub environment. Plan roles:
# <env>-plan (pull requests and the drift schedule plan dev/prod there);
# apply roles: <env>, which for prod has required reviewers and main only.
locals {
  trust = {
    for kind, suffix in { plan = "-plan", apply = "" } : kind => {
      for e in keys(var.environments) : e => {
        Version = "2012-10-17"
        Statement = [{
          Sid       = "GitHubActionsOidc"
          Effect    = "Allow"
          Principal = { Federated = local.oidc_provider_arn }
          Action    = "sts:AssumeRoleWithWebIdentity"
          Condition = {
            StringEquals = {
              "${local.github_oidc_host}:aud" = "sts.amazonaws.com"
              "${local.github_oidc_host}:sub" = "${module.infra_repository.subject_prefix}${e}${suffix}"
            }
          }
        }]
      }
    }
  }
}

resource "aws_iam_role" "plan" {
  for_each = var.environments

  name                 = local.plan_role_names[each.key]
  description          = "terraform-infra.yml: plan ${each.key} (read-only, state lock) from GitHub environment ${each.key}-plan"
  assume_role_policy   = jsonencode(local.trust.plan[each.key])
  max_session_duration = var.plan_max_session_duration
  permissions_boundary = var.permissions_boundary_arn

  depends_on = [aws_iam_openid_connect_provider.github]
}

resource "aws_iam_role" "apply" {
  for_each = var.environments

  name                 = local.apply_role_names[each.key]
  description          = "terraform-infra.yml: apply ${each.key} from GitHub environment ${each.key} (reviewed plan)"
  assume_role_policy   = jsonencode(local.trust.apply[each.key])
  max_session_duration = var.apply_max_session_duration
  permissions_boundary = var.permissions_boundary_arn

  depends_on = [aws_iam_openid_connect_provider.github]
}

# Plan: read everything (refresh), nothing written but the lock file.
resource "aws_iam_role_policy_attachment" "plan_read_only" {
  for_each = var.environments

  role       = aws_iam_role.plan[each.key].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"
}

locals {
  # The state of one environment: read it, write it (apply only) and take
  # its lock (<key>.tflock, S3-native locking) with the bucket's key.
  state_statements = { for e, key in local.state_keys : e => {
    read = [
      {
        Sid      = "ListState"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [local.bucket_arn]
        Condition = {
          StringLike = { "s3:prefix" = ["ecom/${e}/*"] }
        }
      },
      {
        Sid      = "ReadState"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${local.bucket_arn}/${key}"]
      },
      {
        Sid      = "StateLock"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["${local.bucket_arn}/${key}.tflock"]
      },
      {
        Sid      = "StateKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
        Resource = [aws_kms_key.state.arn]
      },
    ]
    # Same account, another environment: its state is not this role's
    # business (ReadOnlyAccess would otherwise read it).
    others = [for other in setsubtract(keys(local.state_keys), [e]) : {
      Sid      = "NotTheStateOf${title(other)}"
      Effect   = "Deny"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      Resource = ["${local.bucket_arn}/ecom/${other}/*"]
    }]
    write = [{
      Sid      = "WriteState"
      Effect   = "Allow"
      Action   = ["s3:PutObject"]
      Resource = ["${local.bucket_arn}/${key}"]
    }]
  } }
}

resource "aws_iam_role_policy" "plan" {
  for_each = var.environments

  name = "plan"
  role = aws_iam_role.plan[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(local.state_statements[each.key].read, local.state_statements[each.key].others, [
      {
        # Data sources the stack reads on every plan: generated secrets
        # (module data's Valkey AUTH token, frontend/app's origin-verify
        # secret). GetRandomPassword has no resource type.
        Sid      = "GeneratePasswordsForPlan"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetRandomPassword"]
        Resource = "*"
      },
      {
        # Refreshing the secrets the stack owns (names start with ecom-<env>)
        # and reading the origin-verify value CloudFront must send.
        Sid      = "ReadStackSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = ["arn:${local.partition}:secretsmanager:${each.value}:${local.account_id}:secret:ecom-${each.key}*"]
      },
      {
        Sid      = "DecryptStackSecrets"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = ["arn:${local.partition}:kms:${each.value}:${local.account_id}:key/*"]
        Condition = {
          StringEquals = { "kms:ViaService" = "secretsmanager.${each.value}.amazonaws.com" }
          StringLike   = { "kms:EncryptionContext:SecretARN" = "arn:${local.partition}:secretsmanager:${each.value}:${local.account_id}:secret:ecom-${each.key}*" }
        }
      },
    ])
  })
}

# Apply: creates and changes everything the stack holds, IAM roles included,
# which amounts to administrator access; what limits it is who can assume it
# (a reviewed run in the protected GitHub environment). It may not undo the
# bootstrap: the state bucket's protections, its key, the OIDC provider and
# the Terraform roles themselves.
resource "aws_iam_role_policy_attachment" "apply_admin" {
  #checkov:skip=CKV_AWS_274:The apply role creates the whole stack, IAM roles and policies included, which is administrator access in effect; it is limited by its trust (one repository, one protected GitHub environment with reviewers) and by the Deny statements of aws_iam_role_policy.apply.
  for_each = var.environments

  role       = aws_iam_role.apply[each.key].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role_policy" "apply" {
  for_each = var.environments

  name = "apply"
  role = aws_iam_role.apply[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(local.state_statements[each.key].read, local.state_statements[each.key].write, local.state_statements[each.key].others, [
      {
        Sid    = "KeepStateBucket"
        Effect = "Deny"
        Action = [
          "s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketVersioning",
          "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock", "s3:PutLifecycleConfiguration",
          "s3:PutBucketOwnershipControls", "s3:DeleteObjectVersion",
        ]
        Resource = [local.bucket_arn, "${local.bucket_arn}/*"]
      },
      {
        Sid      = "KeepStateKey"
        Effect   = "Deny"
        Action   = ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy", "kms:DeleteAlias", "kms:UpdateAlias"]
        Resource = [aws_kms_key.state.arn, "arn:${local.partition}:kms:${var.aws_region}:${local.account_id}:alias/ecom-tfstate"]
      },
      {
        Sid    = "KeepGitHubOidcProvider"
        Effect = "Deny"
        Action = [
          "iam:DeleteOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint",
          "iam:AddClientIDToOpenIDConnectProvider", "iam:RemoveClientIDFromOpenIDConnectProvider",
        ]
        Resource = [local.oidc_provider_arn]
      },
      {
        Sid    = "KeepTerraformRoles"
        Effect = "Deny"
        Action = [
          "iam:UpdateAssumeRolePolicy", "iam:DeleteRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy",
          "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
          "iam:DeleteRolePermissionsBoundary", "iam:UpdateRole",
        ]
        Resource = local.bootstrap_role_arns
      },
    ])
  })
}
