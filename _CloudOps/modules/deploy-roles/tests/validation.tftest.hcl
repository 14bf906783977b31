# Every validation of deploy-roles rejects at least one bad value (one run per
# validation block), and the cross-variable check rejects both mismatches.

mock_provider "aws" {}

variables {
  name_prefix = "ecom-dev"
  deploy_roles = {
    backend = {
      repository           = "ecom-shop/backend"
      environments         = ["dev"]
      lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
    }
  }
}

run "rejects_bad_name_prefix" {
  command = plan
  variables {
    name_prefix = "Ecom_Dev"
  }
  expect_failures = [var.name_prefix]
}

run "rejects_too_long_name_prefix" {
  command = plan
  variables {
    name_prefix = "ecom-development-environment"
  }
  expect_failures = [var.name_prefix]
}

run "rejects_oidc_provider_arn_of_another_issuer" {
  command = plan
  variables {
    create_oidc_provider = false
    oidc_provider_arn    = "arn:aws:iam::123456789012:oidc-provider/gitlab.com"
  }
  expect_failures = [var.oidc_provider_arn]
}

run "rejects_bad_thumbprint" {
  command = plan
  variables {
    oidc_thumbprints = ["not-a-thumbprint"]
  }
  expect_failures = [var.oidc_thumbprints]
}

run "rejects_short_max_session_duration" {
  command = plan
  variables {
    max_session_duration = 900
  }
  expect_failures = [var.max_session_duration]
}

run "rejects_bad_permissions_boundary_arn" {
  command = plan
  variables {
    permissions_boundary_arn = "deploy-boundary"
  }
  expect_failures = [var.permissions_boundary_arn]
}

run "rejects_empty_deploy_roles" {
  command = plan
  variables {
    deploy_roles = {}
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_bad_role_key" {
  command = plan
  variables {
    deploy_roles = {
      Backend_Role = {
        repository           = "ecom-shop/backend"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_repository_without_owner" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "backend"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_wildcard_repository" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/*"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_no_environment" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        environments         = []
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_wildcard_environment" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        environments         = ["*"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_role_without_permissions" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]

      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_qualified_lambda_arn" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog:live"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_wildcard_ecr_push_repository" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository               = "ecom-shop/backend"
        environments             = ["dev"]
        ecr_push_repository_arns = ["arn:aws:ecr:eu-west-1:123456789012:repository/*"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_bad_ecs_ecr_repository" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
          task_definition_families = ["ecom-dev-orders"]
          ecr_repository_arns      = ["ecom-dev-orders"]
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_bad_cluster_arn" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:service/ecom-dev-backend"
          task_definition_families = ["ecom-dev-orders"]
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_wildcard_service_name_prefix" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
          task_definition_families = ["ecom-dev-orders"]
          service_name_prefix      = "orders*"
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_no_task_definition_family" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
          task_definition_families = []
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_bad_listener_arn" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
          task_definition_families = ["ecom-dev-orders"]
          listener_arn             = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/ecom-dev-alb/50dc6c495c0c9188"
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_long_target_group_name_prefix" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
          task_definition_families = ["ecom-dev-orders"]
          target_group_name_prefix = "a-target-group-prefix-that-is-too-long"
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_wildcard_pass_role" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
          task_definition_families = ["ecom-dev-orders"]
          pass_role_arns           = ["arn:aws:iam::123456789012:role/*"]
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_ssm_path_without_trailing_slash" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        ecs = {
          cluster_arn              = "arn:aws:ecs:eu-west-1:123456789012:cluster/ecom-dev-backend"
          task_definition_families = ["ecom-dev-orders"]
          ssm_parameter_path       = "/ecom/dev/backend"
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_bad_bucket_arn" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        s3_static = {
          bucket_arn = "ecom-dev-frontend-static"
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_kms_alias_instead_of_key" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        s3_static = {
          bucket_arn  = "arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1"
          kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:alias/ecom-dev-frontend-static"
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_bad_distribution_arn" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository   = "ecom-shop/backend"
        environments = ["dev"]
        s3_static = {
          bucket_arn                  = "arn:aws:s3:::ecom-dev-frontend-static-123456789012-eu-west-1"
          cloudfront_distribution_arn = "E2QWRUHAPOMQZL"
        }
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_existing_provider_without_arn" {
  command = plan
  variables {
    create_oidc_provider = false
  }
  expect_failures = [terraform_data.input_checks]
}

run "rejects_provider_arn_when_creating_the_provider" {
  command = plan
  variables {
    oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
  }
  expect_failures = [terraform_data.input_checks]
}

run "accepts_immutable_subject_format_with_ids" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        subject_format       = "immutable"
        owner_id             = "123456"
        repository_id        = "456789"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
}

run "rejects_immutable_subject_format_without_ids" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        subject_format       = "immutable"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_non_numeric_repository_id" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        subject_format       = "immutable"
        owner_id             = "123456"
        repository_id        = "backend"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_ids_with_classic_subject_format" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        owner_id             = "123456"
        repository_id        = "456789"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}

run "rejects_unknown_subject_format" {
  command = plan
  variables {
    deploy_roles = {
      backend = {
        repository           = "ecom-shop/backend"
        subject_format       = "custom"
        environments         = ["dev"]
        lambda_function_arns = ["arn:aws:lambda:eu-west-1:123456789012:function:ecom-dev-lambda-catalog"]
      }
    }
  }
  expect_failures = [var.deploy_roles]
}
