# The whole shop of one environment: network -> data -> backend ->
# frontend/app -> frontend/cdn, wired by their outputs, plus the deploy roles.
# env/dev and env/prod call this module once (module "shop") with their
# values; this is the only copy of the composition. ssm.tf publishes the
# contract that the deploy action reads.

locals {
  name = "ecom-${var.environment}"

  use_domain = var.zone_mode != "none"

  # Hostname CloudFront uses for the frontend ALB. With a domain it is an
  # alias record covered by frontend_alb_certificate_arn (CloudFront checks the
  # origin certificate against it); without one, the ALB's own DNS name (HTTP).
  app_origin_hostname = local.use_domain ? "origin-app.${var.domain_name}" : module.frontend_app.alb_dns_name

  # With a domain, CloudFront reaches the API on its custom domain
  # origin-api.<domain_name> (same certificate) and the execute-api endpoint
  # is turned off; without one (dev) it uses the execute-api hostname.
  api_origin_hostname = local.use_domain ? "origin-api.${var.domain_name}" : trimprefix(module.backend.api_endpoint, "https://")

  # Origins the browser may call the API from directly. The storefront itself
  # calls /api on its own CloudFront domain (same origin, no CORS), so the
  # CloudFront domain is not needed here; it could not be either, because the
  # distribution depends on the API.
  cors_allowed_origins = concat(local.use_domain ? ["https://${var.domain_name}"] : [], var.local_dev_origins)

  # The catalog Lambda runs in the private app subnets, so its security group
  # joins the app tier the data stores admit. A literal: the data module keys
  # its ingress rules by list index, so the list length must be known at plan.
  catalog_lambda_in_vpc = true

  # Inputs still holding the example values committed in
  # env/prod/terraform.tfvars: a domain under the reserved example.com/.net/.org
  # (RFC 2606), a zone ID containing EXAMPLE, a certificate ARN in account
  # 000000000000 or with an all-zero ID. The plan fails while any is left.
  placeholder_inputs = compact([
    var.domain_name != null && can(regex("(^|\\.)example\\.(com|net|org)$", coalesce(var.domain_name, "-"))) ? "domain_name" : "",
    var.zone_id != null && strcontains(coalesce(var.zone_id, "-"), "EXAMPLE") ? "zone_id" : "",
    var.frontend_alb_certificate_arn != null && can(regex(":000000000000:|/0{8}-0{4}-0{4}-0{4}-0{12}$", coalesce(var.frontend_alb_certificate_arn, "-"))) ? "frontend_alb_certificate_arn" : "",
    var.cognito_email_source_arn != null && can(regex(":000000000000:|identity/(.*\\.)?example\\.(com|net|org)$", coalesce(var.cognito_email_source_arn, "-"))) ? "cognito_email_source_arn" : "",
    var.cognito_email_from_address != null && can(regex("example\\.(com|net|org)>?$", coalesce(var.cognito_email_from_address, "-"))) ? "cognito_email_from_address" : "",
  ])
}

# Checks across variables (a variable validation may only look at its own
# variable before OpenTofu 1.9 / Terraform 1.9).
resource "terraform_data" "input_checks" {
  lifecycle {
    precondition {
      condition     = local.use_domain == (var.frontend_alb_certificate_arn != null)
      error_message = "frontend_alb_certificate_arn must be set exactly when zone_mode is not \"none\": with a domain CloudFront reaches the frontend ALB over HTTPS on origin-app.<domain_name>."
    }
    precondition {
      condition     = !local.use_domain || var.domain_name != null
      error_message = "domain_name is required when zone_mode is \"existing\" or \"create\"."
    }
    precondition {
      condition     = length(local.cors_allowed_origins) > 0
      error_message = "With zone_mode = \"none\", local_dev_origins must hold at least one origin (the API needs one CORS origin)."
    }
    precondition {
      condition     = length(local.placeholder_inputs) == 0
      error_message = "${join(", ", local.placeholder_inputs)} still hold the example values: set the real domain, its hosted zone ID, the ACM certificate for origin-app.<domain_name> and origin-api.<domain_name> and the SES sender in _CloudOps/env/${var.environment}/terraform.tfvars (ADOPTAR.md) before planning ${var.environment}."
    }
    precondition {
      condition     = var.environment != "prod" || var.cognito_email_source_arn != null
      error_message = "prod needs cognito_email_source_arn (a verified SES identity): Cognito's built-in sender is limited to a few dozen emails a day, too few for sign-ups and password resets."
    }
    precondition {
      condition     = (var.cognito_email_source_arn == null) == (var.cognito_email_from_address == null)
      error_message = "Set cognito_email_from_address exactly when cognito_email_source_arn is set (the sender address of that SES identity)."
    }
    precondition {
      condition     = var.environment != "prod" || (var.deletion_protection && var.nat_mode == "one_per_az" && length(var.azs) == 3 && local.use_domain)
      error_message = "prod must have deletion_protection = true, nat_mode = \"one_per_az\", 3 Availability Zones and a domain (zone_mode \"existing\" or \"create\", so that viewers and the ALB get TLS 1.2+)."
    }
  }
}

# ---------------------------------------------------------------- network

module "network" {
  source = "../modules/network"

  name                         = local.name
  vpc_cidr                     = var.vpc_cidr
  azs                          = var.azs
  nat_mode                     = var.nat_mode
  enable_interface_endpoints   = var.enable_interface_endpoints
  flow_logs_retention_days     = var.log_retention_days
  kms_key_deletion_window_days = var.kms_key_deletion_window_days
}

# ---------------------------------------------------------------- data

module "data" {
  source = "../modules/data"

  name                         = local.name
  deletion_protection          = var.deletion_protection
  log_retention_days           = var.log_retention_days
  kms_key_deletion_window_days = var.kms_key_deletion_window_days
  secret_recovery_window_days  = var.deletion_protection ? 30 : 0

  vpc_id          = module.network.vpc_id
  data_subnet_ids = module.network.private_data_subnet_ids
  # The app tier: the tasks of both ECS clusters and the catalog Lambda when
  # it runs in the VPC (lambda_security_group_id is null otherwise). Not
  # compact() nor "!= null": with IDs unknown at plan both give a list of
  # unknown length, and the data module keys its ingress rules by list index
  # ("Invalid for_each argument" in prod). The condition is a literal instead.
  app_security_group_ids = concat(
    [module.backend.service_security_group_id, module.frontend_app.service_security_group_id],
    local.catalog_lambda_in_vpc ? [module.backend.lambda_security_group_id] : [],
  )

  # Default tables of the module: catalog (with the by-category GSI).
  create_aurora         = var.create_aurora
  aurora_instance_count = var.aurora_instance_count
  aurora_min_capacity   = var.aurora_min_capacity
  aurora_max_capacity   = var.aurora_max_capacity

  create_dax             = var.create_dax
  dax_node_type          = var.dax_node_type
  dax_replication_factor = var.dax_replication_factor

  create_elasticache    = var.create_elasticache
  elasticache_node_type = var.elasticache_node_type
  multi_az              = var.cache_multi_az
}

# ---------------------------------------------------------------- backend

module "backend" {
  source = "../modules/backend"

  name_prefix              = local.name
  log_retention_days       = var.log_retention_days
  kms_deletion_window_days = var.kms_key_deletion_window_days

  vpc_id                 = module.network.vpc_id
  vpc_cidr_block         = module.network.vpc_cidr_block
  private_app_subnet_ids = module.network.private_app_subnet_ids

  cors_allowed_origins = local.cors_allowed_origins
  # The SPA signs in on its public URL (custom domain or CloudFront domain).
  callback_urls = concat(["${module.frontend_cdn.site_url}/auth/callback"], [for o in var.local_dev_origins : "${o}/auth/callback"])
  logout_urls   = concat(["${module.frontend_cdn.site_url}/"], [for o in var.local_dev_origins : "${o}/"])

  cognito_domain_prefix         = var.cognito_domain_prefix
  mfa_configuration             = var.cognito_mfa_configuration
  advanced_security_mode        = var.cognito_advanced_security_mode
  user_pool_deletion_protection = var.deletion_protection
  allow_self_signup             = var.cognito_allow_self_signup
  email_source_arn              = var.cognito_email_source_arn
  email_from_address            = var.cognito_email_from_address

  # With a domain: the API only on origin-api.<domain_name> (CloudFront's origin).
  custom_domain_name            = local.use_domain ? "origin-api.${var.domain_name}" : null
  custom_domain_certificate_arn = local.use_domain ? var.frontend_alb_certificate_arn : null
  disable_execute_api_endpoint  = local.use_domain

  catalog_table_arn         = module.data.table_arns["catalog"]
  catalog_table_kms_key_arn = module.data.kms_key_arn
  # Relative to the env directory (the root module), where the zip is built.
  lambda_package_path = "${path.root}/${var.lambda_package_path}"
  # Powertools is bundled into the package by Backend-repo's workflow.
  powertools_layer_version    = null
  lambda_reserved_concurrency = var.lambda_reserved_concurrency
  enable_lambda_vpc           = local.catalog_lambda_in_vpc

  alb_deletion_protection     = var.deletion_protection
  ecs_service_names           = var.backend_services
  fargate_spot_weight         = var.backend_fargate_spot_weight
  app_secrets                 = var.app_secrets
  secret_recovery_window_days = var.deletion_protection ? 30 : 7
}

# ---------------------------------------------------------------- frontend

module "frontend_app" {
  source = "../modules/frontend/app"

  name              = "${local.name}-frontend"
  vpc_id            = module.network.vpc_id
  public_subnet_ids = module.network.public_subnet_ids
  # HTTPS follows the domain (input_checks: a domain requires the
  # certificate), so the switch is known at plan time even if the ARN is not.
  enable_https    = local.use_domain
  certificate_arn = var.frontend_alb_certificate_arn

  # Only the policy of the bucket depends on the distribution: no cycle.
  cloudfront_distribution_arn = module.frontend_cdn.distribution_arn

  enable_deletion_protection = var.deletion_protection
  force_destroy              = !var.deletion_protection
  default_capacity_provider  = var.frontend_capacity_provider
  ecr_repositories           = [for s in var.frontend_services : "${local.name}-${s}"]
  log_retention_days         = var.log_retention_days
  ecs_service_names          = var.frontend_services
  service_log_retention_days = var.log_retention_days

  # The ALB forwards only requests with CloudFront's X-Origin-Verify secret.
  enable_origin_verify = true
}

module "frontend_cdn" {
  source = "../modules/frontend/cdn"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name        = "${local.name}-cdn"
  zone_mode   = var.zone_mode
  domain_name = local.use_domain ? var.domain_name : null
  zone_id     = var.zone_mode == "existing" ? var.zone_id : null

  static_bucket_regional_domain_name = module.frontend_app.static_bucket_regional_domain_name
  app_alb_dns_name                   = local.app_origin_hostname
  # origin-api.<domain> with a domain, else the execute-api hostname of the $default stage
  api_domain_name = local.api_origin_hostname

  price_class            = var.price_class
  waf_rate_limit         = var.waf_rate_limit
  waf_log_retention_days = var.log_retention_days
  log_retention_days     = var.log_retention_days
  force_destroy          = !var.deletion_protection

  enable_origin_verify = true
  origin_verify_secret = module.frontend_app.origin_verify_header_value
}

# With a domain, CloudFront reaches the frontend ALB as origin-app.<domain>
# (the name on frontend_alb_certificate_arn).
resource "aws_route53_record" "app_origin" {
  count = local.use_domain ? 1 : 0

  zone_id = module.frontend_cdn.zone_id
  name    = local.app_origin_hostname
  type    = "A" # the ALB is IPv4-only; CloudFront resolves origins over IPv4

  alias {
    name                   = module.frontend_app.alb_dns_name
    zone_id                = module.frontend_app.alb_zone_id
    evaluate_target_health = true
  }

  depends_on = [terraform_data.input_checks]
}

# With a domain, CloudFront reaches the API as origin-api.<domain> (its
# custom domain; the execute-api endpoint is off).
resource "aws_route53_record" "api_origin" {
  count = local.use_domain ? 1 : 0

  zone_id = module.frontend_cdn.zone_id
  name    = local.api_origin_hostname
  type    = "A"

  alias {
    name                   = module.backend.custom_domain_target
    zone_id                = module.backend.custom_domain_zone_id
    evaluate_target_health = false
  }

  depends_on = [terraform_data.input_checks]
}

# ---------------------------------------------------------------- deploy roles

# The roles the app repositories' workflows assume through GitHub OIDC to
# deploy with the ecom-deploy action (their variable AWS_DEPLOY_ROLE_ARN).
# An account has one GitHub OIDC provider; the account bootstrap creates it
# for the Terraform roles, so by default it is referenced, not created.
data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# The app repositories, validated once (owner, name, OIDC subject format).
module "backend_repository" {
  source     = "../modules/github-repository"
  repository = var.backend_repository
}

module "frontend_repository" {
  source     = "../modules/github-repository"
  repository = var.frontend_repository
}

module "deploy_roles" {
  source = "../modules/deploy-roles"

  name_prefix          = local.name
  create_oidc_provider = var.create_github_oidc_provider
  oidc_provider_arn    = var.create_github_oidc_provider ? null : "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"

  deploy_roles = {
    # Backend-repo: lambda-catalog (mode lambda) and the ECS services, whose
    # build job pushes the image (orders) before the deploy job runs the action.
    backend = {
      repository               = module.backend_repository.full_name
      subject_format           = module.backend_repository.subject_format
      owner_id                 = module.backend_repository.owner_id
      repository_id            = module.backend_repository.repository_id
      environments             = [var.environment]
      lambda_function_arns     = [module.backend.lambda_function_arn]
      ecr_push_repository_arns = values(module.backend.ecr_repository_arns)
      ecs = {
        cluster_arn              = module.backend.ecs_cluster_arn
        task_definition_families = [for s in var.backend_services : "${local.name}-${s}"]
        listener_arn             = module.backend.alb_listener_arn
        ecr_repository_arns      = values(module.backend.ecr_repository_arns)
        pass_role_arns           = concat([module.backend.task_execution_role_arn], values(module.backend.task_role_arns))
        ssm_parameter_path       = "/ecom/${var.environment}/backend/"
      }
    }

    # Frontend-repo: the static storefront (aws s3 sync + CloudFront
    # invalidation) and the server-rendered services of the frontend cluster
    # (web-ssr is a template without a build job yet: no image push).
    frontend = {
      repository     = module.frontend_repository.full_name
      subject_format = module.frontend_repository.subject_format
      owner_id       = module.frontend_repository.owner_id
      repository_id  = module.frontend_repository.repository_id
      environments   = [var.environment]
      ecs = {
        cluster_arn              = module.frontend_app.ecs_cluster_arn
        task_definition_families = [for s in var.frontend_services : "${local.name}-${s}"]
        listener_arn             = module.frontend_app.alb_listener_arn
        ecr_repository_arns      = values(module.frontend_app.ecr_repository_arns)
        pass_role_arns           = concat([module.frontend_app.task_execution_role_arn], values(module.frontend_app.task_role_arns))
        ssm_parameter_path       = "/ecom/${var.environment}/frontend/"
      }
      s3_static = {
        bucket_arn                  = module.frontend_app.static_bucket_arn
        kms_key_arn                 = module.frontend_app.static_kms_key_arn
        cloudfront_distribution_arn = module.frontend_cdn.distribution_arn
      }
    }
  }
}
