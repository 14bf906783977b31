# ---------------------------------------------------------------------------
# General
# ---------------------------------------------------------------------------

variable "name_prefix" {
  type        = string
  description = "Prefix for every resource name, e.g. `ecom-dev`. Lowercase letters, digits and hyphens, 3-24 characters (the ALB name adds `-alb` and must stay within 32)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-24 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen (e.g. \"ecom-dev\")."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for the module's resources. Environment-wide tags belong in the provider's default_tags, not here."
  default     = {}
}

variable "log_retention_days" {
  type        = number
  description = "Retention in days of every CloudWatch log group the module creates (API access logs, Lambda, ECS Exec). Must be a value CloudWatch Logs accepts; 0 (never expire) is not allowed."
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the CloudWatch Logs values 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "kms_deletion_window_days" {
  type        = number
  description = "Waiting period in days before the module's KMS keys (logs, secrets) are deleted after a destroy."
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30 && floor(var.kms_deletion_window_days) == var.kms_deletion_window_days
    error_message = "kms_deletion_window_days must be a whole number between 7 and 30."
  }
}

# ---------------------------------------------------------------------------
# Network (from the network module)
# ---------------------------------------------------------------------------

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that hosts the internal ALB, the VPC link, the Lambda function and the ECS services."

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as \"vpc-0123456789abcdef0\"."
  }
}

variable "vpc_cidr_block" {
  type        = string
  description = "IPv4 CIDR block of the VPC; the internal ALB admits its listener ports from it and the services may reach it (databases, caches)."

  validation {
    condition     = can(cidrhost(var.vpc_cidr_block, 0)) && can(regex("^[0-9.]+/[0-9]+$", var.vpc_cidr_block))
    error_message = "vpc_cidr_block must be an IPv4 CIDR block such as \"10.0.0.0/16\"."
  }
}

variable "private_app_subnet_ids" {
  type        = list(string)
  description = "Private application subnet IDs (at least two, in different AZs) for the internal ALB, the VPC link and the Lambda function."

  validation {
    condition     = length(var.private_app_subnet_ids) >= 2 && alltrue([for s in var.private_app_subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
    error_message = "private_app_subnet_ids must list at least two subnet IDs such as \"subnet-0123456789abcdef0\"."
  }
}

# ---------------------------------------------------------------------------
# API Gateway (HTTP API)
# ---------------------------------------------------------------------------

variable "cors_allowed_origins" {
  type        = list(string)
  description = "Exact origins of the storefront allowed by CORS, e.g. [\"https://shop.example.com\"]. https:// only (http://localhost[:port] is accepted for local development), no path, no trailing slash, no wildcard."

  validation {
    condition = length(var.cors_allowed_origins) > 0 && alltrue([
      for o in var.cors_allowed_origins :
      can(regex("^https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?$", o)) ||
      can(regex("^http://localhost(:[0-9]{1,5})?$", o))
    ])
    error_message = "cors_allowed_origins must be a non-empty list of origins like \"https://shop.example.com\" (or \"http://localhost:5173\" for development): scheme and host only, no path, no trailing slash and no \"*\"."
  }
}

variable "throttling_burst_limit" {
  type        = number
  description = "Default route throttling burst limit (requests) of the API's $default stage."
  default     = 200

  validation {
    condition     = var.throttling_burst_limit >= 1 && var.throttling_burst_limit <= 5000 && floor(var.throttling_burst_limit) == var.throttling_burst_limit
    error_message = "throttling_burst_limit must be a whole number between 1 and 5000 (the account-level API Gateway burst quota)."
  }
}

variable "throttling_rate_limit" {
  type        = number
  description = "Default route throttling steady-state rate limit (requests per second) of the API's $default stage."
  default     = 100

  validation {
    condition     = var.throttling_rate_limit > 0 && var.throttling_rate_limit <= 10000
    error_message = "throttling_rate_limit must be greater than 0 and at most 10000 requests per second (the account-level API Gateway quota)."
  }
}

variable "custom_domain_name" {
  type        = string
  description = "Custom domain of the HTTP API (e.g. \"origin-api.tienda.example.com\"), mapped to the $default stage; CloudFront then uses it as the API origin. null = none. The DNS record is the caller's (outputs custom_domain_target and custom_domain_zone_id)."
  default     = null

  validation {
    condition     = var.custom_domain_name == null ? true : can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.custom_domain_name))
    error_message = "custom_domain_name must be null or a lowercase domain name such as \"origin-api.tienda.example.com\"."
  }
}

variable "custom_domain_certificate_arn" {
  type        = string
  description = "ACM certificate, in the API's region, covering custom_domain_name. Required with custom_domain_name."
  default     = null

  validation {
    condition     = var.custom_domain_certificate_arn == null ? true : can(regex("^arn:aws[a-zA-Z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.custom_domain_certificate_arn))
    error_message = "custom_domain_certificate_arn must be null or an ACM certificate ARN."
  }
}

variable "disable_execute_api_endpoint" {
  type        = bool
  description = "Turn off the default https://<id>.execute-api.<region>.amazonaws.com endpoint, so the API is reachable only through custom_domain_name (CloudFront and its WAF). Requires custom_domain_name."
  default     = false
}

variable "catalog_routes" {
  type        = list(string)
  description = "Public (no authorization) route keys served by the lambda-catalog function through its `live` alias. Read-only methods only (GET or HEAD). The /api variants are what the storefront calls when CloudFront forwards /api/* unchanged."
  default     = ["GET /catalog", "GET /catalog/{id}", "GET /api/catalog", "GET /api/catalog/{id}"]

  validation {
    condition = length(var.catalog_routes) > 0 && length(distinct(var.catalog_routes)) == length(var.catalog_routes) && alltrue([
      for r in var.catalog_routes : can(regex("^(GET|HEAD) /[A-Za-z0-9._~/{}+-]*$", r))
    ])
    error_message = "catalog_routes must be a non-empty list of distinct route keys like \"GET /catalog/{id}\"; catalog routes are public, so only GET and HEAD are allowed."
  }
}

variable "service_route_prefixes" {
  type        = list(string)
  description = "Path prefixes of the ECS services. Each prefix gets the routes `<METHOD> <prefix>` and `<METHOD> <prefix>/{proxy+}` for every method in service_route_methods; they require a Cognito JWT and go through the VPC link to the internal ALB, whose listener rules (added by the deploy action) pick the service."
  default     = ["/orders", "/cart"]

  validation {
    condition = length(distinct(var.service_route_prefixes)) == length(var.service_route_prefixes) && alltrue([
      for p in var.service_route_prefixes : can(regex("^(/[a-z0-9._~-]+)+$", p))
    ])
    error_message = "service_route_prefixes must be distinct paths like \"/orders\" or \"/account/addresses\": lowercase segments, no path parameters, no trailing slash."
  }
}

variable "service_route_methods" {
  type        = list(string)
  description = "HTTP methods routed for every service prefix. ANY and OPTIONS are not allowed: a JWT-protected ANY/OPTIONS route would also catch the browser's CORS preflight and reject it, while without them API Gateway answers the preflight from the CORS configuration."
  default     = ["GET", "POST", "PUT", "PATCH", "DELETE"]

  validation {
    condition = length(var.service_route_methods) > 0 && length(distinct(var.service_route_methods)) == length(var.service_route_methods) && alltrue([
      for m in var.service_route_methods : contains(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"], m)
    ])
    error_message = "service_route_methods must be distinct methods among GET, HEAD, POST, PUT, PATCH and DELETE; ANY and OPTIONS would break the CORS preflight on JWT-protected routes."
  }
}

# ---------------------------------------------------------------------------
# Cognito
# ---------------------------------------------------------------------------

variable "mfa_configuration" {
  type        = string
  description = "MFA setting of the user pool: OFF, OPTIONAL (users may enrol a TOTP app) or ON (every user must). Only software tokens (TOTP) are enabled; no SMS."
  default     = "OPTIONAL"

  validation {
    condition     = contains(["OFF", "OPTIONAL", "ON"], var.mfa_configuration)
    error_message = "mfa_configuration must be \"OFF\", \"OPTIONAL\" or \"ON\"."
  }
}

variable "advanced_security_mode" {
  type        = string
  description = "Cognito threat protection (advanced security) mode: OFF, AUDIT or ENFORCED. AUDIT and ENFORCED switch the user pool to the PLUS feature plan (billed per MAU); OFF uses ESSENTIALS."
  default     = "ENFORCED"

  validation {
    condition     = contains(["OFF", "AUDIT", "ENFORCED"], var.advanced_security_mode)
    error_message = "advanced_security_mode must be \"OFF\", \"AUDIT\" or \"ENFORCED\"."
  }
}

variable "user_pool_deletion_protection" {
  type        = bool
  description = "Turn on deletion protection of the user pool (the customers' accounts). Set false only for throw-away environments."
  default     = true
}

variable "allow_self_signup" {
  type        = bool
  description = "Let shoppers create their own accounts. false restricts account creation to administrators."
  default     = true
}

variable "cognito_domain_prefix" {
  type        = string
  description = "Prefix of the Cognito hosted domain (`<prefix>.auth.<region>.amazoncognito.com`) the SPA uses for the authorization code + PKCE flow. null creates no domain (e.g. when a custom domain is attached elsewhere)."
  default     = null

  validation {
    condition     = var.cognito_domain_prefix == null ? true : (can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.cognito_domain_prefix)) && !can(regex("aws|amazon|cognito", var.cognito_domain_prefix)))
    error_message = "cognito_domain_prefix must be 1-63 lowercase letters, digits or hyphens, not start or end with a hyphen, and not contain the reserved words \"aws\", \"amazon\" or \"cognito\"; or null."
  }
}

variable "callback_urls" {
  type        = list(string)
  description = "OAuth callback URLs of the SPA client. https:// only; http://localhost[:port] is accepted for local development."

  validation {
    condition = length(var.callback_urls) > 0 && alltrue([
      for u in var.callback_urls : can(regex("^https://[^\\s/*#]+(/[^\\s*#]*)?$", u)) || can(regex("^http://localhost(:[0-9]{1,5})?(/[^\\s*#]*)?$", u))
    ])
    error_message = "callback_urls must be a non-empty list of https:// URLs (or http://localhost[:port]/... for development), without wildcards or fragments."
  }
}

variable "logout_urls" {
  type        = list(string)
  description = "OAuth sign-out URLs of the SPA client. https:// only; http://localhost[:port] is accepted for local development."

  validation {
    condition = length(var.logout_urls) > 0 && alltrue([
      for u in var.logout_urls : can(regex("^https://[^\\s/*#]+(/[^\\s*#]*)?$", u)) || can(regex("^http://localhost(:[0-9]{1,5})?(/[^\\s*#]*)?$", u))
    ])
    error_message = "logout_urls must be a non-empty list of https:// URLs (or http://localhost[:port]/... for development), without wildcards or fragments."
  }
}

variable "explicit_auth_flows" {
  type        = list(string)
  description = "Explicit authentication flows of the SPA client besides the hosted-UI code flow. Must include ALLOW_REFRESH_TOKEN_AUTH; password-in-the-clear flows (ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH) are refused."
  default     = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]

  validation {
    condition = contains(var.explicit_auth_flows, "ALLOW_REFRESH_TOKEN_AUTH") && alltrue([
      for f in var.explicit_auth_flows : contains(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH", "ALLOW_CUSTOM_AUTH"], f)
    ])
    error_message = "explicit_auth_flows must include \"ALLOW_REFRESH_TOKEN_AUTH\" and may only add \"ALLOW_USER_SRP_AUTH\", \"ALLOW_USER_AUTH\" or \"ALLOW_CUSTOM_AUTH\"."
  }
}

variable "access_token_validity_minutes" {
  type        = number
  description = "Lifetime of access tokens in minutes."
  default     = 60

  validation {
    condition     = var.access_token_validity_minutes >= 5 && var.access_token_validity_minutes <= 1440 && floor(var.access_token_validity_minutes) == var.access_token_validity_minutes
    error_message = "access_token_validity_minutes must be a whole number between 5 and 1440 (24 hours)."
  }
}

variable "id_token_validity_minutes" {
  type        = number
  description = "Lifetime of ID tokens in minutes."
  default     = 60

  validation {
    condition     = var.id_token_validity_minutes >= 5 && var.id_token_validity_minutes <= 1440 && floor(var.id_token_validity_minutes) == var.id_token_validity_minutes
    error_message = "id_token_validity_minutes must be a whole number between 5 and 1440 (24 hours)."
  }
}

variable "refresh_token_validity_days" {
  type        = number
  description = "Lifetime of refresh tokens in days."
  default     = 30

  validation {
    condition     = var.refresh_token_validity_days >= 1 && var.refresh_token_validity_days <= 3650 && floor(var.refresh_token_validity_days) == var.refresh_token_validity_days
    error_message = "refresh_token_validity_days must be a whole number between 1 and 3650."
  }
}

variable "email_source_arn" {
  type        = string
  description = "ARN of a verified SES identity Cognito sends email from. null uses Cognito's built-in sender (limited to a few dozen emails per day; fine for dev, not for production)."
  default     = null

  validation {
    condition     = var.email_source_arn == null ? true : can(regex("^arn:aws[a-z-]*:ses:[a-z0-9-]+:[0-9]{12}:identity/.+$", var.email_source_arn))
    error_message = "email_source_arn must be an SES identity ARN such as \"arn:aws:ses:us-east-1:<account>:identity/example.com\", or null."
  }
}

variable "email_from_address" {
  type        = string
  description = "Sender address (optionally `Name <address>`) used with email_source_arn. Ignored when email_source_arn is null."
  default     = null

  validation {
    condition     = var.email_from_address == null ? true : can(regex("^([^<>]+<)?[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+>?$", var.email_from_address))
    error_message = "email_from_address must be an email address like \"no-reply@example.com\" or \"Shop <no-reply@example.com>\", or null."
  }
}

# ---------------------------------------------------------------------------
# lambda-catalog
# ---------------------------------------------------------------------------

variable "catalog_table_arn" {
  type        = string
  description = "ARN of the DynamoDB catalog table; the function may only read it and its indexes."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[A-Za-z0-9_.-]{3,255}$", var.catalog_table_arn))
    error_message = "catalog_table_arn must be a DynamoDB table ARN such as \"arn:aws:dynamodb:us-east-1:<account>:table/catalog\" (no /index or /stream suffix)."
  }
}

variable "catalog_table_kms_key_arn" {
  type        = string
  description = "ARN of the customer managed KMS key that encrypts the catalog table, if any; the function gets kms:Decrypt on it through DynamoDB only. null when the table uses an AWS owned or AWS managed key."
  default     = null

  validation {
    condition     = var.catalog_table_kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.catalog_table_kms_key_arn))
    error_message = "catalog_table_kms_key_arn must be a KMS key ARN such as \"arn:aws:kms:us-east-1:<account>:key/1234abcd-12ab-34cd-56ef-1234567890ab\", or null."
  }
}

variable "lambda_package_path" {
  type        = string
  description = "Path to the placeholder .zip the function is created with (built from placeholder/app.py). The deploy action owns the real code afterwards; changes to the package are ignored."

  validation {
    condition     = can(regex("\\.zip$", var.lambda_package_path))
    error_message = "lambda_package_path must be the path of a .zip file, e.g. \"build/lambda-placeholder.zip\"."
  }
}

variable "lambda_handler" {
  type        = string
  description = "Handler of the lambda-catalog function (`module.function`)."
  default     = "app.handler"

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_./-]*\\.[A-Za-z_][A-Za-z0-9_]*$", var.lambda_handler))
    error_message = "lambda_handler must look like \"module.function\" (e.g. \"app.handler\")."
  }
}

variable "lambda_memory_size" {
  type        = number
  description = "Memory of the lambda-catalog function in MB."
  default     = 256

  validation {
    condition     = var.lambda_memory_size >= 128 && var.lambda_memory_size <= 10240 && floor(var.lambda_memory_size) == var.lambda_memory_size
    error_message = "lambda_memory_size must be a whole number of MB between 128 and 10240."
  }
}

variable "lambda_timeout" {
  type        = number
  description = "Timeout of the lambda-catalog function in seconds; below the HTTP API's 30-second integration limit."
  default     = 10

  validation {
    condition     = var.lambda_timeout >= 1 && var.lambda_timeout <= 29 && floor(var.lambda_timeout) == var.lambda_timeout
    error_message = "lambda_timeout must be a whole number of seconds between 1 and 29 (API Gateway stops waiting at 30)."
  }
}

variable "lambda_architecture" {
  type        = string
  description = "Instruction set of the lambda-catalog function; must match how the deploy action builds native dependencies."
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture must be \"x86_64\" or \"arm64\"."
  }
}

variable "lambda_reserved_concurrency" {
  type        = number
  description = "Reserved concurrent executions of the lambda-catalog function (caps its cost and protects the rest of the account). -1 means no reservation (needed in accounts whose concurrency quota is still 10)."
  default     = 50

  validation {
    condition     = var.lambda_reserved_concurrency == -1 || (var.lambda_reserved_concurrency >= 1 && var.lambda_reserved_concurrency <= 3000 && floor(var.lambda_reserved_concurrency) == var.lambda_reserved_concurrency)
    error_message = "lambda_reserved_concurrency must be -1 (no reservation) or a whole number between 1 and 3000; 0 would stop the function."
  }
}

variable "catalog_index_name" {
  type        = string
  description = "Name of the catalog table's category GSI, passed to the function as CATALOG_INDEX."
  default     = "by-category"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.catalog_index_name))
    error_message = "catalog_index_name must be a DynamoDB index name: 3-255 letters, digits, underscores, dots or hyphens."
  }
}

variable "lambda_log_level" {
  type        = string
  description = "Log level of the function's Powertools logger (POWERTOOLS_LOG_LEVEL)."
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARNING", "ERROR"], var.lambda_log_level)
    error_message = "lambda_log_level must be \"DEBUG\", \"INFO\", \"WARNING\" or \"ERROR\"."
  }
}

variable "powertools_layer_version" {
  type        = number
  description = "Version number of the AWS-managed layer AWSLambdaPowertoolsPythonV3-python312-<architecture> (account 017000801446) to attach; it must be the layer that carries the Powertools version pinned in Backend-repo/lambda-catalog/requirements.txt. null attaches no layer (the code must then bundle Powertools)."
  default     = null

  validation {
    condition     = var.powertools_layer_version == null ? true : (var.powertools_layer_version >= 1 && floor(var.powertools_layer_version) == var.powertools_layer_version)
    error_message = "powertools_layer_version must be a positive whole number (the layer version, not the Powertools release), or null."
  }
}

variable "enable_lambda_vpc" {
  type        = bool
  description = "Attach the lambda-catalog function to the private app subnets with its own security group (egress HTTPS only). false runs it outside the VPC: no NAT/VPC endpoint needed, but no private network path."
  default     = true
}

# ---------------------------------------------------------------------------
# Internal ALB and ECS
# ---------------------------------------------------------------------------

variable "enable_alb_https" {
  type        = bool
  description = "Give the internal ALB an HTTPS listener (alb_certificate_arn, alb_ssl_policy): the API then reaches the ALB over TLS (alb_tls_server_name required), the HTTP listener redirects to HTTPS and alb_listener_arn is the HTTPS listener. false keeps HTTP only (TLS ends at API Gateway). A plain boolean so the plan knows the listeners even when the certificate is created in the same apply; true requires alb_certificate_arn."
  default     = false
}

variable "alb_certificate_arn" {
  type        = string
  description = "ACM certificate ARN of the internal ALB's HTTPS listener. Required when enable_alb_https is true; ignored otherwise. May be unknown at plan time (e.g. a certificate created in the same apply)."
  default     = null

  validation {
    condition     = var.alb_certificate_arn == null ? true : can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[a-zA-Z0-9-]+$", var.alb_certificate_arn))
    error_message = "alb_certificate_arn must be an ACM certificate ARN such as \"arn:aws:acm:us-east-1:<account>:certificate/1234abcd-12ab-34cd-56ef-1234567890ab\", or null."
  }
}

variable "alb_tls_server_name" {
  type        = string
  description = "Host name on alb_certificate_arn that API Gateway verifies (and sends as SNI) when it calls the HTTPS listener. Required when enable_alb_https is true."
  default     = null

  validation {
    condition     = var.alb_tls_server_name == null ? true : can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", var.alb_tls_server_name))
    error_message = "alb_tls_server_name must be a lowercase DNS name such as \"api-internal.example.com\", or null."
  }
}

variable "alb_ssl_policy" {
  type        = string
  description = "TLS policy of the HTTPS listener (only TLS 1.3 capable ELBSecurityPolicy-TLS13-* policies)."
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = can(regex("^ELBSecurityPolicy-TLS13-[A-Za-z0-9-]+$", var.alb_ssl_policy))
    error_message = "alb_ssl_policy must be an ELBSecurityPolicy-TLS13-* policy such as \"ELBSecurityPolicy-TLS13-1-2-2021-06\"."
  }
}

variable "alb_deletion_protection" {
  type        = bool
  description = "Turn on deletion protection of the internal ALB."
  default     = true
}

variable "create_alb_logs_bucket" {
  type        = bool
  description = "Create an S3 bucket for the ALB access logs. false writes them to alb_logs_bucket_name, which must already allow ELB log delivery."
  default     = true
}

variable "alb_logs_bucket_name" {
  type        = string
  description = "Existing S3 bucket for the ALB access logs; required when create_alb_logs_bucket is false, ignored otherwise."
  default     = null

  validation {
    condition     = var.alb_logs_bucket_name == null ? true : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.alb_logs_bucket_name))
    error_message = "alb_logs_bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, dots or hyphens), or null."
  }
}

variable "alb_logs_expiration_days" {
  type        = number
  description = "Days the created bucket keeps ALB access logs before they expire."
  default     = 365

  validation {
    condition     = var.alb_logs_expiration_days >= 1 && var.alb_logs_expiration_days <= 3650 && floor(var.alb_logs_expiration_days) == var.alb_logs_expiration_days
    error_message = "alb_logs_expiration_days must be a whole number between 1 and 3650."
  }
}

variable "service_port_range" {
  type = object({
    from = number
    to   = number
  })
  description = "Container port range of the ECS services: the ALB may reach the service security group only on these ports."
  default     = { from = 8080, to = 8080 }

  validation {
    condition     = var.service_port_range.from >= 1 && var.service_port_range.to <= 65535 && var.service_port_range.from <= var.service_port_range.to
    error_message = "service_port_range must have 1 <= from <= to <= 65535, e.g. { from = 8080, to = 8080 }."
  }
}

variable "ecs_service_names" {
  type        = list(string)
  description = "Short names of the ECS services deployed by the ecom-deploy action. Each gets an ECR repository `<name_prefix>-<name>` and a log group `/ecs/<name_prefix>/<name>` (the names the services' task definitions use)."
  default     = ["orders"]

  validation {
    condition     = length(distinct(var.ecs_service_names)) == length(var.ecs_service_names) && alltrue([for n in var.ecs_service_names : can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", n))])
    error_message = "ecs_service_names must be distinct names of 2-32 lowercase letters, digits or hyphens, starting with a letter (e.g. \"orders\")."
  }
}

variable "ecr_keep_last_images" {
  type        = number
  description = "Images each service's ECR repository keeps; older ones expire."
  default     = 30

  validation {
    condition     = var.ecr_keep_last_images >= 1 && var.ecr_keep_last_images <= 1000 && floor(var.ecr_keep_last_images) == var.ecr_keep_last_images
    error_message = "ecr_keep_last_images must be a whole number between 1 and 1000."
  }
}

variable "container_insights" {
  type        = string
  description = "Container Insights level of the ECS cluster: enabled or enhanced (more metrics, higher cost)."
  default     = "enabled"

  validation {
    condition     = contains(["enabled", "enhanced"], var.container_insights)
    error_message = "container_insights must be \"enabled\" or \"enhanced\"; it cannot be turned off."
  }
}

variable "fargate_spot_weight" {
  type        = number
  description = "Weight of FARGATE_SPOT in the cluster's default capacity provider strategy (FARGATE keeps base 1, weight 1). 0 runs everything on on-demand Fargate; e.g. 3 puts about 3 of every 4 extra tasks on Spot."
  default     = 0

  validation {
    condition     = var.fargate_spot_weight >= 0 && var.fargate_spot_weight <= 1000 && floor(var.fargate_spot_weight) == var.fargate_spot_weight
    error_message = "fargate_spot_weight must be a whole number between 0 and 1000."
  }
}

# ---------------------------------------------------------------------------
# Secrets Manager
# ---------------------------------------------------------------------------

variable "app_secrets" {
  type        = map(string)
  description = "Application secrets to create, name => description. The module creates empty secrets named `<name_prefix>/<name>`; their values are set out of band."
  default     = {}

  validation {
    condition = alltrue([
      for k, v in var.app_secrets : can(regex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", k)) && length(trimspace(v)) > 0 && length(v) <= 2048
    ])
    error_message = "app_secrets keys must be 1-64 letters, digits, dots, underscores or hyphens (starting with a letter or digit) and every description must be non-empty and at most 2048 characters."
  }
}

variable "secret_recovery_window_days" {
  type        = number
  description = "Days a deleted secret can still be restored."
  default     = 30

  validation {
    condition     = var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30 && floor(var.secret_recovery_window_days) == var.secret_recovery_window_days
    error_message = "secret_recovery_window_days must be a whole number between 7 and 30."
  }
}
