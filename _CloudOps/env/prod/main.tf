# prod: highly available and protected. The shop itself is _CloudOps/stack
# (the same code as dev); this file only holds prod's values. The stack
# refuses (precondition) a prod without deletion protection, one NAT gateway
# per AZ, 3 AZs and a domain.

locals {
  # Also used by providers.tf (region and default_tags).
  environment = "prod"
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
  deletion_protection = true
  log_retention_days  = 731

  # network: 3 AZs, one NAT gateway per AZ, interface endpoints (ECR, logs, Secrets Manager)
  vpc_cidr                   = "10.20.0.0/16"
  azs                        = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  nat_mode                   = "one_per_az"
  enable_interface_endpoints = true

  # data: Aurora writer + reader in two AZs, DAX with 3 nodes, Valkey Multi-AZ
  create_aurora          = true
  aurora_instance_count  = 2
  aurora_min_capacity    = 0.5
  aurora_max_capacity    = 16
  create_dax             = true
  dax_node_type          = "dax.r5.large"
  dax_replication_factor = 3
  create_elasticache     = true
  elasticache_node_type  = "cache.r7g.large"
  cache_multi_az         = true

  # backend
  backend_services               = ["orders"]
  backend_fargate_spot_weight    = 0 # on-demand Fargate only
  lambda_reserved_concurrency    = 200
  cognito_domain_prefix          = "ecom-prod-tienda"
  cognito_mfa_configuration      = "OPTIONAL"
  cognito_advanced_security_mode = "ENFORCED"
  local_dev_origins              = []
  cognito_allow_self_signup      = true # a public shop: shoppers create their own accounts
  # Sign-up, verification and reset mail through SES (terraform.tfvars):
  # the built-in sender's daily quota is too small for prod.
  cognito_email_source_arn   = var.cognito_email_source_arn
  cognito_email_from_address = var.cognito_email_from_address

  # frontend: custom domain, HTTPS from the viewer to CloudFront and from CloudFront to the ALB.
  # The domain, its hosted zone and the certificate for origin-app.<domain_name> and
  # origin-api.<domain_name> come from terraform.tfvars; the plan fails while they are the example values.
  frontend_services            = ["storefront-web"]
  frontend_capacity_provider   = "FARGATE"
  zone_mode                    = "existing"
  domain_name                  = var.domain_name
  zone_id                      = var.zone_id
  frontend_alb_certificate_arn = var.frontend_alb_certificate_arn
  price_class                  = "PriceClass_100"
  waf_rate_limit               = 2000

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
