# dev: cheap and disposable. The shop itself is _CloudOps/stack (the same
# code as prod); this file only holds dev's values.

locals {
  # Also used by providers.tf (region and default_tags).
  environment = "dev"
  aws_region  = "eu-west-1"
  repository  = "org/ecom-deploy"
}

module "shop" {
  source = "../../stack"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  environment         = local.environment
  deletion_protection = false # dev can be destroyed
  log_retention_days  = 365   # checkov asks for one year on every log group; cheap at dev volumes

  # network: 2 AZs, one shared NAT gateway, no interface endpoints
  vpc_cidr                   = "10.10.0.0/16"
  azs                        = ["eu-west-1a", "eu-west-1b"]
  nat_mode                   = "single"
  enable_interface_endpoints = false

  # data: DynamoDB only (catalog table); the paid stores stay off
  create_aurora      = false
  create_dax         = false
  create_elasticache = false
  cache_multi_az     = false

  # backend
  backend_services               = ["orders"]
  backend_fargate_spot_weight    = 3  # about 3 of 4 extra tasks on Spot
  lambda_reserved_concurrency    = -1 # new accounts have a concurrency quota of 10
  cognito_domain_prefix          = "ecom-dev-tienda"
  cognito_mfa_configuration      = "OFF"
  cognito_advanced_security_mode = "OFF"                     # ESSENTIALS plan, no per-user charge
  local_dev_origins              = ["http://localhost:8000"] # python3 -m http.server 8000 (Frontend-repo README)
  cognito_allow_self_signup      = true                      # shoppers sign up themselves, as in prod
  # Cognito's built-in sender (a few dozen mails a day) is enough for dev.
  cognito_email_source_arn   = null
  cognito_email_from_address = null

  # frontend: on the CloudFront domain, ALB over HTTP from CloudFront only
  frontend_services          = ["storefront-web"]
  frontend_capacity_provider = "FARGATE_SPOT"
  zone_mode                  = "none"
  price_class                = "PriceClass_100"
  waf_rate_limit             = 2000

  # From terraform.tfvars (the values to fill, ADOPTAR.md).
  backend_repository  = var.backend_repository
  frontend_repository = var.frontend_repository
}

# ---------------------------------------------------------------- moved

# Until the stack module existed, env/<env> held the composition itself.
# These blocks move any state written then to its address under module.shop
# instead of destroying and recreating it. Safe to delete once every state
# has been applied with them.
moved {
  from = terraform_data.input_checks
  to   = module.shop.terraform_data.input_checks
}

moved {
  from = module.network
  to   = module.shop.module.network
}

moved {
  from = module.data
  to   = module.shop.module.data
}

moved {
  from = module.backend
  to   = module.shop.module.backend
}

moved {
  from = module.frontend_app
  to   = module.shop.module.frontend_app
}

moved {
  from = module.frontend_cdn
  to   = module.shop.module.frontend_cdn
}

moved {
  from = aws_route53_record.app_origin
  to   = module.shop.aws_route53_record.app_origin
}

moved {
  from = module.deploy_roles
  to   = module.shop.module.deploy_roles
}

moved {
  from = terraform_data.ssm_contract_check
  to   = module.shop.terraform_data.ssm_contract_check
}

moved {
  from = aws_ssm_parameter.contract
  to   = module.shop.aws_ssm_parameter.contract
}
