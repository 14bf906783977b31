variable "name" {
  description = "Name prefix for every resource of the CDN stack (e.g. \"ecom-dev-cdn\"). 2-24 characters: lowercase letters, digits and hyphens, starting with a letter."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,22}[a-z0-9]$", var.name))
    error_message = "name must be 2-24 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen (e.g. \"ecom-dev-cdn\")."
  }
}

variable "zone_mode" {
  description = "Route 53 handling: \"create\" a public hosted zone for domain_name, use an \"existing\" one (zone_id), or \"none\" (dev: the site lives on the *.cloudfront.net domain with the default CloudFront certificate; no zone, no ACM certificate, no records)."
  type        = string

  validation {
    condition     = contains(["create", "existing", "none"], var.zone_mode)
    error_message = "zone_mode must be \"create\", \"existing\" or \"none\"."
  }
}

variable "domain_name" {
  description = "Public hostname of the shop (e.g. \"shop.example.com\"); the certificate, the distribution alias and the A/AAAA records use it. Required unless zone_mode = \"none\". With zone_mode = \"create\" it is also the zone's name."
  type        = string
  default     = null

  validation {
    condition     = var.domain_name == null ? true : (length(var.domain_name) <= 253 && can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain_name)))
    error_message = "domain_name must be null or a lowercase fully qualified domain name without wildcard or trailing dot, such as \"shop.example.com\"."
  }
}

variable "alternative_names" {
  description = "Extra hostnames (e.g. [\"www.shop.example.com\"]) added to the certificate, the distribution aliases and the alias records. They must live in the same hosted zone. Only with zone_mode other than \"none\"."
  type        = list(string)
  default     = []

  validation {
    condition = alltrue([
      for n in var.alternative_names : length(n) <= 253 && can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", n))
    ]) && length(distinct(var.alternative_names)) == length(var.alternative_names)
    error_message = "alternative_names must be distinct lowercase fully qualified domain names without wildcards (e.g. \"www.shop.example.com\")."
  }
}

variable "zone_id" {
  description = "ID of the existing public hosted zone that holds domain_name. Required when zone_mode = \"existing\", ignored otherwise."
  type        = string
  default     = null

  validation {
    condition     = var.zone_id == null ? true : can(regex("^Z[A-Z0-9]{1,31}$", var.zone_id))
    error_message = "zone_id must be null or a Route 53 hosted zone ID such as \"Z0123456789ABCDEFGHIJ\"."
  }
}

variable "static_bucket_regional_domain_name" {
  description = "Regional domain name of the static-site bucket (module frontend/app, output static_bucket_regional_domain_name); default origin, reached through OAC."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\\.s3\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$", var.static_bucket_regional_domain_name))
    error_message = "static_bucket_regional_domain_name must be an S3 regional domain name such as \"my-bucket.s3.eu-west-1.amazonaws.com\"."
  }
}

variable "app_alb_dns_name" {
  description = "Hostname of the dynamic app origin: the ALB of module frontend/app (output alb_dns_name) or, when a certificate is used, a hostname covered by the ALB's certificate that points to the ALB (CloudFront checks the origin certificate against this name)."
  type        = string

  validation {
    condition     = length(var.app_alb_dns_name) <= 253 && can(regex("^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$", var.app_alb_dns_name))
    error_message = "app_alb_dns_name must be a hostname such as \"ecom-dev-front-alb-123.eu-west-1.elb.amazonaws.com\" (no scheme, no path)."
  }
}

variable "api_domain_name" {
  description = "Hostname of the API origin (e.g. the API Gateway execute-api host \"abc123.execute-api.eu-west-1.amazonaws.com\"); always reached over HTTPS."
  type        = string

  validation {
    condition     = length(var.api_domain_name) <= 253 && can(regex("^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$", var.api_domain_name))
    error_message = "api_domain_name must be a hostname such as \"abc123.execute-api.eu-west-1.amazonaws.com\" (no scheme, no path)."
  }
}

variable "api_origin_path" {
  description = "Path CloudFront prepends to API requests (e.g. \"/prod\" for a REST API stage); empty for an HTTP API $default stage."
  type        = string
  default     = ""

  validation {
    condition     = var.api_origin_path == "" || can(regex("^(/[A-Za-z0-9._~-]+)+$", var.api_origin_path))
    error_message = "api_origin_path must be empty or start with '/' and not end with '/' (e.g. \"/prod\")."
  }
}

variable "api_path_patterns" {
  description = "Path patterns routed to the API origin (caching disabled)."
  type        = list(string)
  default     = ["/api/*"]

  validation {
    condition     = length(var.api_path_patterns) >= 1 && alltrue([for p in var.api_path_patterns : can(regex("^/[A-Za-z0-9_./*?-]*$", p)) && p != "/*"])
    error_message = "api_path_patterns must hold at least one pattern starting with '/' using letters, digits and _ . / * ? - (the catch-all \"/*\" belongs to the static default behavior)."
  }
}

variable "api_strip_path_prefix" {
  description = "Path prefix a CloudFront Function removes from API requests before they reach the API origin (\"/api\": /api/orders -> /orders), so the API's routes need no prefix. null forwards the path unchanged."
  type        = string
  default     = "/api"

  validation {
    condition     = var.api_strip_path_prefix == null ? true : can(regex("^(/[A-Za-z0-9._~-]+)+$", var.api_strip_path_prefix))
    error_message = "api_strip_path_prefix must be null or a path such as \"/api\" (leading '/', no trailing '/', no wildcards)."
  }
}

variable "app_path_patterns" {
  description = "Path patterns routed to the dynamic app ALB (caching disabled); everything else goes to the static bucket."
  type        = list(string)
  default     = ["/app/*"]

  validation {
    condition     = length(var.app_path_patterns) >= 1 && alltrue([for p in var.app_path_patterns : can(regex("^/[A-Za-z0-9_./*?-]*$", p)) && p != "/*"])
    error_message = "app_path_patterns must hold at least one pattern starting with '/' using letters, digits and _ . / * ? - (the catch-all \"/*\" belongs to the static default behavior)."
  }
}

variable "price_class" {
  description = "CloudFront price class: PriceClass_100 (North America and Europe), PriceClass_200 or PriceClass_All."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be \"PriceClass_100\", \"PriceClass_200\" or \"PriceClass_All\"."
  }
}

variable "enable_origin_verify" {
  description = "Send origin_verify_secret to the ALB origin in the X-Origin-Verify header (frontend/app enable_origin_verify blocks requests without it). A plain boolean so the header block is known at plan even when the secret is not."
  type        = bool
  default     = false
}

variable "origin_verify_secret" {
  description = "Optional secret sent to the ALB origin in the X-Origin-Verify header, so listener rules can require it on top of the security group that admits only CloudFront. At least 32 characters of letters, digits, '-' and '_'. Null sends no header."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.origin_verify_secret == null ? true : can(regex("^[A-Za-z0-9_-]{32,256}$", var.origin_verify_secret))
    error_message = "origin_verify_secret must be null or 32-256 characters of letters, digits, '-' and '_'."
  }
}

variable "waf_rate_limit" {
  description = "WAF rate-based rule: requests allowed per client IP in a 5-minute window before it is blocked (AWS minimum 10)."
  type        = number
  default     = 2000

  validation {
    condition     = var.waf_rate_limit >= 10 && var.waf_rate_limit <= 2000000000 && floor(var.waf_rate_limit) == var.waf_rate_limit
    error_message = "waf_rate_limit must be a whole number between 10 and 2000000000."
  }
}

variable "waf_common_rule_set_excluded_rules" {
  description = "Rules of AWSManagedRulesCommonRuleSet switched to count mode (e.g. [\"SizeRestrictions_BODY\"] when the API takes bodies over 8 KB). Empty keeps every rule blocking."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for r in var.waf_common_rule_set_excluded_rules : can(regex("^[A-Za-z0-9_]{1,128}$", r))])
    error_message = "waf_common_rule_set_excluded_rules must hold rule names of letters, digits and underscores, such as \"SizeRestrictions_BODY\"."
  }
}

variable "waf_log_retention_days" {
  description = "Retention in days of the WAF log group (aws-waf-logs-<name>, us-east-1). Must be a value CloudWatch Logs accepts."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.waf_log_retention_days)
    error_message = "waf_log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "log_retention_days" {
  description = "Days the CloudFront access-log bucket keeps logs before they expire."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days >= 1 && var.log_retention_days <= 3650 && floor(var.log_retention_days) == var.log_retention_days
    error_message = "log_retention_days must be a whole number of days between 1 and 3650."
  }
}

variable "force_destroy" {
  description = "Let `tofu destroy` delete the log bucket (with its logs) and a created hosted zone (with its records). Only for throwaway dev stacks."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags for the module's resources, on top of the provider default_tags set by the environment."
  type        = map(string)
  default     = {}
}
