# The permission and trust policies, as HCL objects passed through jsonencode()
# (not aws_iam_policy_document), so they are known at plan time and the tests
# can decode and check them.
#
# Each statement is exactly what the ecom-deploy action (src/deploy/*.rs) or
# the app workflows call, on the narrowest resource AWS authorizes the call
# against (Service Authorization Reference). The README lists them.

locals {
  github_oidc_host = "token.actions.githubusercontent.com"

  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.oidc_provider_arn

  # The repository part of the OIDC sub claim: OWNER/REPO (classic) or
  # OWNER@OWNER_ID/REPO@REPO_ID (immutable subject claims, GitHub's OIDC
  # reference). A renamed or re-registered name cannot match the IDs.
  subject_repositories = { for k, r in var.deploy_roles : k => (
    r.subject_format == "immutable"
    ? format("%s@%s/%s@%s", split("/", r.repository)[0], r.owner_id, split("/", r.repository)[1], r.repository_id)
    : r.repository
  ) }

  trust_policies = { for k, r in var.deploy_roles : k => {
    Version = "2012-10-17"
    Statement = [{
      Sid       = "GitHubActionsOidc"
      Effect    = "Allow"
      Principal = { Federated = local.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      # Exact values (environment names are validated without wildcards), so
      # StringEquals; a token matching any listed sub is accepted.
      Condition = {
        StringEquals = {
          "${local.github_oidc_host}:aud" = "sts.amazonaws.com"
          "${local.github_oidc_host}:sub" = [for e in r.environments : "repo:${local.subject_repositories[k]}:environment:${e}"]
        }
      }
    }]
  } }

  # --- names derived from the ARNs given ------------------------------------------
  ecs = { for k, r in var.deploy_roles : k => r.ecs == null ? null : {
    cluster_arn  = r.ecs.cluster_arn
    cluster_name = element(split("/", r.ecs.cluster_arn), 1)
    # arn:<partition>:ecs:<region>:<account>
    arn_prefix = join(":", slice(split(":", r.ecs.cluster_arn), 0, 5))
    services   = "${join(":", slice(split(":", r.ecs.cluster_arn), 0, 5))}:service/${element(split("/", r.ecs.cluster_arn), 1)}/${r.ecs.service_name_prefix}*"
    tasks      = "${join(":", slice(split(":", r.ecs.cluster_arn), 0, 5))}:task/${element(split("/", r.ecs.cluster_arn), 1)}/*"
    task_definitions = [for f in r.ecs.task_definition_families :
      "${join(":", slice(split(":", r.ecs.cluster_arn), 0, 5))}:task-definition/${f}:*"
    ]
    # arn:<partition>:ssm:<region>:<account>:parameter/<path without the outer slashes>
    ssm_path_arn = r.ecs.ssm_parameter_path == null ? null : format("arn:%s:ssm:%s:%s:parameter/%s",
      element(split(":", r.ecs.cluster_arn), 1), element(split(":", r.ecs.cluster_arn), 3),
    element(split(":", r.ecs.cluster_arn), 4), trim(r.ecs.ssm_parameter_path, "/"))
    listener_arn = r.ecs.listener_arn
    # arn:<partition>:elasticloadbalancing:<region>:<account>:targetgroup/<prefix>*/<id>
    target_groups = r.ecs.listener_arn == null ? null : "${join(":", slice(split(":", r.ecs.listener_arn), 0, 5))}:targetgroup/${r.ecs.target_group_name_prefix}*/*"
    # The rules of that listener only: listener-rule/app/<alb>/<alb id>/<listener id>/<rule id>
    listener_rules = r.ecs.listener_arn == null ? null : "${replace(r.ecs.listener_arn, ":listener/", ":listener-rule/")}/*"
  } }

  # The tag the action puts on every target group it creates:
  # ecom-deploy:service = <cluster input>/<service> (cluster name or ARN).
  tg_tag_key = "ecom-deploy:service"

  # --- statements -------------------------------------------------------------------
  statements = { for k, r in var.deploy_roles : k => concat(
    # src/deploy/lambda.rs. Unqualified ARN for code, versions and aliases;
    # <arn>:* for the calls with a qualifier (GetFunctionConfiguration of the
    # live version, Invoke of the new one).
    [for arns in(length(r.lambda_function_arns) == 0 ? [] : [r.lambda_function_arns]) : {
      Sid    = "LambdaDeployCode"
      Effect = "Allow"
      Action = [
        "lambda:GetFunctionConfiguration", "lambda:GetAlias", "lambda:UpdateFunctionCode", "lambda:PublishVersion",
        "lambda:UpdateAlias", "lambda:CreateAlias", "lambda:DeleteAlias", "lambda:InvokeFunction",
      ]
      Resource = flatten([for a in arns : [a, "${a}:*"]])
    }],

    # Build job: docker login (token for the whole registry; no resource-level
    # permission exists) and push to the given repositories only.
    flatten([for repos in(length(r.ecr_push_repository_arns) == 0 ? [] : [r.ecr_push_repository_arns]) : [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = "*"
      },
      {
        Sid    = "EcrPushImages"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage",
        ]
        Resource = repos
      },
    ]]),

    # src/deploy/ecs.rs, wait.rs
    flatten([for e in(r.ecs == null ? [] : [local.ecs[k]]) : [
      {
        Sid      = "EcsCheckCluster"
        Effect   = "Allow"
        Action   = ["ecs:DescribeClusters"]
        Resource = [e.cluster_arn]
      },
      {
        # No resource-level permissions: ListClusters (error message only),
        # DescribeTaskDefinition (compare with the running revision).
        Sid      = "EcsNoResourceLevel"
        Effect   = "Allow"
        Action   = ["ecs:ListClusters", "ecs:DescribeTaskDefinition"]
        Resource = "*"
      },
      {
        Sid      = "EcsRegisterTaskDefinition"
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition"]
        Resource = e.task_definitions
      },
      {
        # Template tags (RegisterTaskDefinition) are authorized as TagResource.
        Sid      = "EcsTagOnRegisterTaskDefinition"
        Effect   = "Allow"
        Action   = ["ecs:TagResource"]
        Resource = e.task_definitions
        Condition = {
          StringEquals = { "ecs:CreateAction" = "RegisterTaskDefinition" }
        }
      },
      {
        Sid      = "EcsDescribeServices"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices"]
        Resource = [e.services]
      },
      {
        # Only with the allowed families, so the role cannot run another
        # team's task definition (and its task role).
        Sid      = "EcsCreateUpdateService"
        Effect   = "Allow"
        Action   = ["ecs:CreateService", "ecs:UpdateService"]
        Resource = [e.services]
        Condition = {
          ArnLike = { "ecs:task-definition" = e.task_definitions }
        }
      },
      {
        # CreateService tags the service managed-by = ecom-deploy.
        Sid      = "EcsTagOnCreateService"
        Effect   = "Allow"
        Action   = ["ecs:TagResource"]
        Resource = [e.services]
        Condition = {
          StringEquals = { "ecs:CreateAction" = "CreateService" }
        }
      },
      {
        # ListTasks has no usable resource type here; DescribeTasks takes task ARNs.
        Sid      = "EcsListStoppedTasks"
        Effect   = "Allow"
        Action   = ["ecs:ListTasks"]
        Resource = "*"
        Condition = {
          ArnEquals = { "ecs:cluster" = e.cluster_arn }
        }
      },
      {
        Sid      = "EcsDescribeStoppedTasks"
        Effect   = "Allow"
        Action   = ["ecs:DescribeTasks"]
        Resource = [e.tasks]
        Condition = {
          ArnEquals = { "ecs:cluster" = e.cluster_arn }
        }
      },
    ]]),

    # src/deploy/image.rs: tag -> digest (DescribeRepositories without a name,
    # for an error message only, is denied and reported as "unknown").
    [for repos in(r.ecs == null ? [] : length(r.ecs.ecr_repository_arns) == 0 ? [] : [r.ecs.ecr_repository_arns]) : {
      Sid      = "EcrResolveImage"
      Effect   = "Allow"
      Action   = ["ecr:DescribeImages", "ecr:ListImages", "ecr:DescribeRepositories"]
      Resource = repos
    }],

    # RegisterTaskDefinition with executionRoleArn / taskRoleArn.
    [for roles in(r.ecs == null ? [] : length(r.ecs.pass_role_arns) == 0 ? [] : [r.ecs.pass_role_arns]) : {
      Sid      = "PassTaskRolesToEcs"
      Effect   = "Allow"
      Action   = ["iam:PassRole"]
      Resource = roles
      Condition = {
        StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
      }
    }],

    # src/deploy/params.rs: GetParametersByPath is authorized against the
    # path itself (the action sends it without the trailing slash).
    [for e in(r.ecs == null ? [] : r.ecs.ssm_parameter_path == null ? [] : [local.ecs[k]]) : {
      Sid      = "SsmReadInfraParameters"
      Effect   = "Allow"
      Action   = ["ssm:GetParametersByPath"]
      Resource = [e.ssm_path_arn]
    }],

    # src/deploy/elb.rs
    flatten([for e in(r.ecs == null ? [] : r.ecs.listener_arn == null ? [] : [local.ecs[k]]) : [
      {
        # No resource-level permissions for the Describe calls.
        Sid    = "ElbDescribe"
        Effect = "Allow"
        Action = [
          "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeRules",
        ]
        Resource = "*"
      },
      {
        # Only target groups tagged for a service of this cluster, with that tag only.
        Sid      = "ElbCreateTargetGroup"
        Effect   = "Allow"
        Action   = ["elasticloadbalancing:CreateTargetGroup"]
        Resource = [e.target_groups]
        Condition = {
          StringLike = {
            "aws:RequestTag/${local.tg_tag_key}" = ["${e.cluster_name}/*", "${e.cluster_arn}/*"]
          }
          "ForAllValues:StringEquals" = { "aws:TagKeys" = [local.tg_tag_key] }
        }
      },
      {
        # The tag of CreateTargetGroup is authorized as AddTags; no other tagging.
        Sid      = "ElbTagOnCreateTargetGroup"
        Effect   = "Allow"
        Action   = ["elasticloadbalancing:AddTags"]
        Resource = [e.target_groups]
        Condition = {
          StringEquals = { "elasticloadbalancing:CreateAction" = "CreateTargetGroup" }
        }
      },
      {
        # Health check path of target groups this cluster's deploys created.
        Sid      = "ElbModifyOwnTargetGroups"
        Effect   = "Allow"
        Action   = ["elasticloadbalancing:ModifyTargetGroup"]
        Resource = [e.target_groups]
        Condition = {
          StringLike = {
            "aws:ResourceTag/${local.tg_tag_key}" = ["${e.cluster_name}/*", "${e.cluster_arn}/*"]
          }
        }
      },
      {
        Sid      = "ElbCreateRule"
        Effect   = "Allow"
        Action   = ["elasticloadbalancing:CreateRule"]
        Resource = [e.listener_arn]
      },
      {
        Sid      = "ElbModifyRule"
        Effect   = "Allow"
        Action   = ["elasticloadbalancing:ModifyRule"]
        Resource = [e.listener_rules]
      },
    ]]),

    # Storefront workflow: aws s3 sync --delete, then a CloudFront invalidation.
    flatten([for b in(r.s3_static == null ? [] : [r.s3_static]) : [
      {
        Sid      = "S3ListStaticBucket"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [b.bucket_arn]
      },
      {
        Sid      = "S3WriteStaticObjects"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:DeleteObject"]
        Resource = ["${b.bucket_arn}/*"]
      },
    ]]),
    [for b in(r.s3_static == null ? [] : r.s3_static.kms_key_arn == null ? [] : [r.s3_static]) : {
      # SSE-KMS uploads (Decrypt for multipart), only through S3 for this
      # bucket (encryption context: the bucket with S3 Bucket Keys, else the object).
      Sid      = "KmsForStaticBucket"
      Effect   = "Allow"
      Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
      Resource = [b.kms_key_arn]
      Condition = {
        StringEquals = { "kms:ViaService" = "s3.${element(split(":", b.kms_key_arn), 3)}.amazonaws.com" }
        StringLike   = { "kms:EncryptionContext:aws:s3:arn" = [b.bucket_arn, "${b.bucket_arn}/*"] }
      }
    }],
    [for b in(r.s3_static == null ? [] : r.s3_static.cloudfront_distribution_arn == null ? [] : [r.s3_static]) : {
      Sid      = "CloudFrontInvalidate"
      Effect   = "Allow"
      Action   = ["cloudfront:CreateInvalidation"]
      Resource = [b.cloudfront_distribution_arn]
    }],
  ) }

  permission_policies = { for k, s in local.statements : k => {
    Version   = "2012-10-17"
    Statement = s
  } }
}
