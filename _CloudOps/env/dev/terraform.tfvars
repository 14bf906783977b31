# dev: cheap and disposable. Same code as prod; only these values differ.
environment = "dev"
aws_region  = "eu-west-1"
repository  = "org/ecom-deploy"

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

# frontend: on the CloudFront domain, ALB over HTTP from CloudFront only
frontend_services          = ["storefront-web"]
frontend_capacity_provider = "FARGATE_SPOT"
zone_mode                  = "none"
price_class                = "PriceClass_100"
waf_rate_limit             = 2000
