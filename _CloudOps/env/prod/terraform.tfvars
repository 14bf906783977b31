# prod: highly available and protected. Same code as dev; only these values differ.
environment = "prod"
aws_region  = "eu-west-1"
repository  = "org/ecom-deploy"

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

# frontend: custom domain, HTTPS from the viewer to CloudFront and from CloudFront to the ALB.
# EDIT before the first apply: the real domain, its hosted zone and a certificate
# in aws_region for origin-app.<domain_name> (a check warns while these are placeholders).
frontend_services            = ["storefront-web"]
frontend_capacity_provider   = "FARGATE"
zone_mode                    = "existing"
domain_name                  = "tienda.example.com"
zone_id                      = "Z0000000000000EXAMPLE"
frontend_alb_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
price_class                  = "PriceClass_100"
waf_rate_limit               = 2000
