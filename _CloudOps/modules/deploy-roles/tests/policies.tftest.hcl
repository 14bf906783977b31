# What the roles may do, read back from the planned JSON: trust, every
# statement's actions, resources and conditions, and nothing more.

mock_provider "aws" {
  mock_resource "aws_iam_openid_connect_provider" {
    defaults = {
      arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/ecom-dev-deploy-mock"
    }
  }
}

variables {
  name_prefix          = "ecom-dev"
  create_oidc_provider = false
  oidc_provider_arn    = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"

  deploy_roles = {
    backend = {
      repository               = "ecom-shop/backend"
      environments             = ["dev"]
      lambda_function_arns     = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      ecr_push_repository_arns = ["arn:aws:ecr:eu-west-1:123456789012:repository/ecom-dev-orders"]
      ecs = {
        cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
        task_definition_families = ["ecom-dev-orders"]
        listener_arn             = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/ecom-dev-alb/50dc6c495c0c9188/f2f7dc8efc522ab2"
        ecr_repository_arns      = ["arn:aws:ecr:eu-west-1:123456789012:repository/ecom-dev-orders"]
        pass_role_arns           = ["arn:aws:iam::123456789012:role/ecom-dev-ecs-task-execution"]
        ssm_parameter_path       = "/ecom/dev/backend/"
      }
    }
    frontend = {
      repository   = "ecom-shop/frontend"
      environments = ["dev"]
      s3_static = {
        bucket_arn                  = "arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1"
        kms_key_arn                 = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"
        cloudfront_distribution_arn = "arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL"
      }
    }
  }
}

run "trust_is_one_repo_environment_and_audience" {
  command = plan

  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 0 && output.oidc_provider_arn == var.oidc_provider_arn
    error_message = "With create_oidc_provider = false the module must create no provider and use oidc_provider_arn."
  }

  assert {
    condition     = aws_iam_role.deploy["backend"].name == "ecom-dev-deploy-backend" && aws_iam_role.deploy["frontend"].name == "ecom-dev-deploy-frontend"
    error_message = "Roles must be named <name_prefix>-deploy-<key>."
  }

  assert {
    condition     = aws_iam_role.deploy["backend"].max_session_duration == 3600 && aws_iam_role.deploy["backend"].permissions_boundary == null
    error_message = "Defaults: 1 h maximum session, no permissions boundary."
  }

  assert {
    condition     = length(jsondecode(aws_iam_role.deploy["backend"].assume_role_policy).Statement) == 1
    error_message = "The trust policy must have a single statement."
  }

  assert {
    condition = (
      jsondecode(aws_iam_role.deploy["backend"].assume_role_policy).Statement[0].Effect == "Allow" &&
      jsondecode(aws_iam_role.deploy["backend"].assume_role_policy).Statement[0].Action == "sts:AssumeRoleWithWebIdentity" &&
      jsondecode(aws_iam_role.deploy["backend"].assume_role_policy).Statement[0].Principal == { Federated = var.oidc_provider_arn }
    )
    error_message = "Only the GitHub OIDC provider may assume the role, with AssumeRoleWithWebIdentity."
  }

  assert {
    condition = jsondecode(aws_iam_role.deploy["backend"].assume_role_policy).Statement[0].Condition == {
      StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = ["repo:ecom-shop/backend:environment:dev"]
      }
    }
    error_message = "Trust must require aud = sts.amazonaws.com and sub = repo:ecom-shop/backend:environment:dev, with StringEquals and nothing else."
  }

  assert {
    condition     = jsondecode(aws_iam_role.deploy["frontend"].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == ["repo:ecom-shop/frontend:environment:dev"]
    error_message = "Each role must trust only its own repository."
  }

  assert {
    condition     = output.role_arns == { backend = "arn:aws:iam::123456789012:role/ecom-dev-deploy-mock", frontend = "arn:aws:iam::123456789012:role/ecom-dev-deploy-mock" }
    error_message = "role_arns must map every key of deploy_roles to its role ARN."
  }
}

run "backend_policy_is_exactly_what_the_action_calls" {
  command = plan

  assert {
    condition     = aws_iam_role_policy.deploy["backend"].name == "ecom-deploy"
    error_message = "The permissions must be one inline policy named ecom-deploy."
  }

  # The complete list: Lambda, image push, ECS, ECR, ELB, PassRole, SSM.
  assert {
    condition = toset(flatten([for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Action])) == toset([
      "lambda:GetFunctionConfiguration", "lambda:GetAlias", "lambda:UpdateFunctionCode", "lambda:PublishVersion",
      "lambda:UpdateAlias", "lambda:CreateAlias", "lambda:DeleteAlias", "lambda:InvokeFunction",
      "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
      "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage",
      "ecs:DescribeClusters", "ecs:ListClusters", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
      "ecs:TagResource", "ecs:DescribeServices", "ecs:CreateService", "ecs:UpdateService", "ecs:ListTasks", "ecs:DescribeTasks",
      "ecr:DescribeImages", "ecr:ListImages", "ecr:DescribeRepositories",
      "iam:PassRole", "ssm:GetParametersByPath",
      "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:AddTags", "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:CreateRule", "elasticloadbalancing:ModifyRule",
    ])
    error_message = "The backend role must allow exactly the calls of the action (lambda and ecs modes) and of the image push, no more."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement :
    s.Effect == "Allow" && alltrue([for a in s.Action : !strcontains(a, "*")])])
    error_message = "No action may be a wildcard."
  }

  # "*" only where AWS has no resource-level permission for the action.
  assert {
    condition = toset(flatten([for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Action if s.Resource == "*"])) == toset([
      "ecr:GetAuthorizationToken", "ecs:ListClusters", "ecs:DescribeTaskDefinition", "ecs:ListTasks",
      "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeRules",
    ])
    error_message = "Resource \"*\" is only allowed for GetAuthorizationToken, ListClusters, DescribeTaskDefinition, ListTasks (with ecs:cluster) and the ELB Describe calls."
  }

  assert {
    condition = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["LambdaDeployCode"] == [
      "arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog",
      "arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog:*",
    ]
    error_message = "Lambda permissions must cover only the given function and its versions/aliases."
  }

  assert {
    condition     = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["EcrPushImages"] == ["arn:aws:ecr:eu-west-1:123456789012:repository/ecom-dev-orders"]
    error_message = "Image push must be limited to ecr_push_repository_arns."
  }

  assert {
    condition     = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["EcsCheckCluster"] == ["arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"]
    error_message = "DescribeClusters must be limited to the cluster."
  }

  assert {
    condition     = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["EcsRegisterTaskDefinition"] == ["arn:aws:ecs:eu-west-1:123456789012:task-definition/ecom-dev-orders:*"]
    error_message = "RegisterTaskDefinition must be limited to the given families (it supports the task-definition resource type)."
  }

  assert {
    condition = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s }["EcsCreateUpdateService"] == {
      Sid       = "EcsCreateUpdateService"
      Effect    = "Allow"
      Action    = ["ecs:CreateService", "ecs:UpdateService"]
      Resource  = ["arn:aws:ecs:eu-west-1:123456789012:service/ecom-dev-backend/*"]
      Condition = { ArnLike = { "ecs:task-definition" = ["arn:aws:ecs:eu-west-1:123456789012:task-definition/ecom-dev-orders:*"] } }
    }
    error_message = "CreateService/UpdateService must be limited to the cluster's services and to the given task definition families."
  }

  assert {
    condition     = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["EcsDescribeServices"] == ["arn:aws:ecs:eu-west-1:123456789012:service/ecom-dev-backend/*"]
    error_message = "DescribeServices must be limited to the cluster's services."
  }

  assert {
    condition = (
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Condition if s.Sid == "EcsTagOnCreateService" }["EcsTagOnCreateService"] == { StringEquals = { "ecs:CreateAction" = "CreateService" } } &&
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Condition if s.Sid == "EcsTagOnRegisterTaskDefinition" }["EcsTagOnRegisterTaskDefinition"] == { StringEquals = { "ecs:CreateAction" = "RegisterTaskDefinition" } }
    )
    error_message = "ecs:TagResource must only be usable while creating a service or registering a task definition (ecs:CreateAction)."
  }

  assert {
    condition = (
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Condition if s.Sid == "EcsListStoppedTasks" }["EcsListStoppedTasks"] == { ArnEquals = { "ecs:cluster" = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend" } } &&
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["EcsDescribeStoppedTasks"] == ["arn:aws:ecs:eu-west-1:123456789012:task/ecom-dev-backend/*"]
    )
    error_message = "ListTasks must require ecs:cluster = the cluster; DescribeTasks must be limited to the cluster's tasks."
  }

  assert {
    condition     = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["EcrResolveImage"] == ["arn:aws:ecr:eu-west-1:123456789012:repository/ecom-dev-orders"]
    error_message = "Image lookups must be limited to ecs.ecr_repository_arns."
  }

  assert {
    condition = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s }["PassTaskRolesToEcs"] == {
      Sid       = "PassTaskRolesToEcs"
      Effect    = "Allow"
      Action    = ["iam:PassRole"]
      Resource  = ["arn:aws:iam::123456789012:role/ecom-dev-ecs-task-execution"]
      Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
    }
    error_message = "iam:PassRole must be limited to the given roles and to ecs-tasks.amazonaws.com."
  }

  assert {
    condition     = { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["SsmReadInfraParameters"] == ["arn:aws:ssm:eu-west-1:123456789012:parameter/ecom/dev/backend"]
    error_message = "GetParametersByPath must be limited to the path of infra-parameters (without the trailing slash, as the action sends it)."
  }

  assert {
    condition = (
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["ElbCreateTargetGroup"] == ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/*/*"] &&
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Condition if s.Sid == "ElbCreateTargetGroup" }["ElbCreateTargetGroup"] == {
        StringLike                  = { "aws:RequestTag/ecom-deploy:service" = ["ecom-dev-backend/*", "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend/*"] }
        "ForAllValues:StringEquals" = { "aws:TagKeys" = ["ecom-deploy:service"] }
      }
    )
    error_message = "CreateTargetGroup must require the action's ecom-deploy:service tag naming this cluster, and no other tag."
  }

  assert {
    condition = (
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Condition if s.Sid == "ElbTagOnCreateTargetGroup" }["ElbTagOnCreateTargetGroup"] == { StringEquals = { "elasticloadbalancing:CreateAction" = "CreateTargetGroup" } } &&
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Condition if s.Sid == "ElbModifyOwnTargetGroups" }["ElbModifyOwnTargetGroups"] == { StringLike = { "aws:ResourceTag/ecom-deploy:service" = ["ecom-dev-backend/*", "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend/*"] } }
    )
    error_message = "AddTags must only work while creating a target group; ModifyTargetGroup only on target groups tagged for this cluster."
  }

  assert {
    condition = (
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["ElbCreateRule"] == ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/ecom-dev-alb/50dc6c495c0c9188/f2f7dc8efc522ab2"] &&
      { for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s.Sid => s.Resource }["ElbModifyRule"] == ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/ecom-dev-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/*"]
    )
    error_message = "CreateRule must be limited to the listener and ModifyRule to that listener's rules."
  }

  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.deploy["backend"].policy).Statement : s if can(regex("^(S3|Kms|CloudFront)", s.Sid))]) == 0
    error_message = "The backend role has no s3_static block and must get no S3, KMS or CloudFront permission."
  }
}

run "frontend_policy_is_the_static_upload_only" {
  command = plan

  assert {
    condition = toset(flatten([for s in jsondecode(aws_iam_role_policy.deploy["frontend"].policy).Statement : s.Action])) == toset([
      "s3:ListBucket", "s3:PutObject", "s3:DeleteObject", "kms:GenerateDataKey", "kms:Decrypt", "cloudfront:CreateInvalidation",
    ])
    error_message = "A role with only s3_static must get exactly ListBucket, PutObject, DeleteObject, GenerateDataKey, Decrypt and CreateInvalidation."
  }

  assert {
    condition = (
      { for s in jsondecode(aws_iam_role_policy.deploy["frontend"].policy).Statement : s.Sid => s.Resource }["S3ListStaticBucket"] == ["arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1"] &&
      { for s in jsondecode(aws_iam_role_policy.deploy["frontend"].policy).Statement : s.Sid => s.Resource }["S3WriteStaticObjects"] == ["arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1/*"]
    )
    error_message = "ListBucket must be on the bucket and PutObject/DeleteObject on its objects only."
  }

  assert {
    condition = { for s in jsondecode(aws_iam_role_policy.deploy["frontend"].policy).Statement : s.Sid => s }["KmsForStaticBucket"] == {
      Sid      = "KmsForStaticBucket"
      Effect   = "Allow"
      Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
      Resource = ["arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"]
      Condition = {
        StringEquals = { "kms:ViaService" = "s3.eu-west-1.amazonaws.com" }
        StringLike = { "kms:EncryptionContext:aws:s3:arn" = [
          "arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1",
          "arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1/*",
        ] }
      }
    }
    error_message = "The KMS key may only be used through S3 in its region for this bucket."
  }

  assert {
    condition     = { for s in jsondecode(aws_iam_role_policy.deploy["frontend"].policy).Statement : s.Sid => s.Resource }["CloudFrontInvalidate"] == ["arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL"]
    error_message = "CreateInvalidation must be limited to the distribution."
  }
}

run "creates_the_github_oidc_provider" {
  command = plan

  variables {
    create_oidc_provider = true
    oidc_provider_arn    = null
  }

  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 1
    error_message = "create_oidc_provider = true must create the provider."
  }

  assert {
    condition     = aws_iam_openid_connect_provider.github[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "The provider must be https://token.actions.githubusercontent.com with the single client ID sts.amazonaws.com."
  }

  assert {
    condition     = jsondecode(aws_iam_role.deploy["backend"].assume_role_policy).Statement[0].Principal.Federated == aws_iam_openid_connect_provider.github[0].arn
    error_message = "The roles must trust the provider the module created."
  }

  assert {
    condition     = output.oidc_provider_arn == aws_iam_openid_connect_provider.github[0].arn
    error_message = "oidc_provider_arn must be the created provider's ARN."
  }
}

run "thumbprints_environments_session_and_boundary" {
  command = plan

  variables {
    create_oidc_provider     = true
    oidc_provider_arn        = null
    oidc_thumbprints         = ["6938FD4D98BAB03FAADB97B34396831E3780AEA1"]
    max_session_duration     = 7200
    permissions_boundary_arn = "arn:aws:iam::123456789012:policy/deploy-boundary"
    deploy_roles = {
      catalog = {
        repository           = "ecom-shop/backend"
        environments         = ["dev", "prod"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }

  assert {
    condition     = aws_iam_openid_connect_provider.github[0].thumbprint_list == tolist(["6938fd4d98bab03faadb97b34396831e3780aea1"])
    error_message = "Given thumbprints must be set (lower case)."
  }

  assert {
    condition     = jsondecode(aws_iam_role.deploy["catalog"].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == ["repo:ecom-shop/backend:environment:dev", "repo:ecom-shop/backend:environment:prod"]
    error_message = "Each environment must add its own exact sub value."
  }

  assert {
    condition     = aws_iam_role.deploy["catalog"].max_session_duration == 7200 && aws_iam_role.deploy["catalog"].permissions_boundary == "arn:aws:iam::123456789012:policy/deploy-boundary"
    error_message = "max_session_duration and permissions_boundary_arn must reach the role."
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.deploy["catalog"].policy).Statement : s.Sid] == ["LambdaDeployCode"]
    error_message = "A Lambda-only role must get the Lambda statement and nothing else."
  }
}

run "ecs_without_load_balancer_or_ssm" {
  command = plan

  variables {
    deploy_roles = {
      workers = {
        repository   = "ecom-shop/backend"
        environments = ["prod"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-prod-backend"
          service_name_prefix      = "worker-"
          task_definition_families = ["ecom-prod-worker-a", "ecom-prod-worker-b"]
        }
      }
    }
  }

  assert {
    condition = [for s in jsondecode(aws_iam_role_policy.deploy["workers"].policy).Statement : s.Sid] == [
      "EcsCheckCluster", "EcsNoResourceLevel", "EcsRegisterTaskDefinition", "EcsTagOnRegisterTaskDefinition",
      "EcsDescribeServices", "EcsCreateUpdateService", "EcsTagOnCreateService", "EcsListStoppedTasks", "EcsDescribeStoppedTasks",
    ]
    error_message = "Without listener, SSM path, ECR repositories and roles to pass, only the ECS statements may remain."
  }

  assert {
    condition = (
      { for s in jsondecode(aws_iam_role_policy.deploy["workers"].policy).Statement : s.Sid => s.Resource }["EcsDescribeServices"] == ["arn:aws:ecs:eu-west-1:123456789012:service/ecom-prod-backend/worker-*"] &&
      { for s in jsondecode(aws_iam_role_policy.deploy["workers"].policy).Statement : s.Sid => s.Resource }["EcsRegisterTaskDefinition"] == [
        "arn:aws:ecs:eu-west-1:123456789012:task-definition/ecom-prod-worker-a:*",
        "arn:aws:ecs:eu-west-1:123456789012:task-definition/ecom-prod-worker-b:*",
      ]
    )
    error_message = "service_name_prefix and every family must narrow the ECS resources."
  }
}

# Immutable subject claims (GitHub's OIDC reference): the sub claim carries the
# owner and repository IDs, repo:OWNER@OWNER_ID/REPO@REPO_ID:environment:ENV.
# The format is chosen per repository; here backend is immutable and frontend
# stays classic.
run "trust_with_immutable_subject_claims" {
  command = plan

  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        subject_format       = "immutable"
        owner_id             = "123456"
        repository_id        = "456789"
        environments         = ["dev", "prod"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
      frontend = {
        repository     = "ecom-shop/frontend"
        subject_format = "classic"
        environments   = ["dev"]
        s3_static = {
          bucket_arn = "arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1"
        }
      }
    }
  }

  assert {
    condition = jsondecode(aws_iam_role.deploy["backend"].assume_role_policy).Statement[0].Condition == {
      StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = [
          "repo:ecom-shop@123456/backend@456789:environment:dev",
          "repo:ecom-shop@123456/backend@456789:environment:prod",
        ]
      }
    }
    error_message = "With subject_format = \"immutable\" the trust must require sub = repo:OWNER@OWNER_ID/REPO@REPO_ID:environment:ENV for each environment, and nothing with the bare names."
  }

  assert {
    condition     = jsondecode(aws_iam_role.deploy["frontend"].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == ["repo:ecom-shop/frontend:environment:dev"]
    error_message = "The format is per repository: frontend (classic) must keep repo:OWNER/REPO:environment:ENV."
  }
}
