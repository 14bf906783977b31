variable "name" {
  type        = string
  description = "Name prefix for every resource of the network (e.g. `ecom-dev`). Lowercase letters, digits and hyphens; starts with a letter, 3-32 characters."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name))
    error_message = "The variable name must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen (e.g. \"ecom-dev\")."
  }
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR block of the VPC, a network address with a prefix from /16 to /24. Each subnet gets 1/16 of it (a /16 gives /20 subnets)."
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "The variable vpc_cidr must be a valid IPv4 CIDR block such as \"10.0.0.0/16\"."
  }

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && try(tonumber(split("/", var.vpc_cidr)[1]) >= 16 && tonumber(split("/", var.vpc_cidr)[1]) <= 24, false)
    error_message = "The variable vpc_cidr must have a prefix length between /16 and /24 (AWS allows /16 at most, and a /24 is the smallest VPC that still fits 16 /28 subnets)."
  }

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && try(cidrhost(var.vpc_cidr, 0) == split("/", var.vpc_cidr)[0], false)
    error_message = "The variable vpc_cidr must be a network address without host bits (e.g. \"10.0.0.0/16\", not \"10.0.0.1/16\")."
  }
}

variable "azs" {
  type        = list(string)
  description = "Availability Zones to spread the subnets over, 2 or 3 distinct names of the same Region (e.g. [\"eu-west-1a\", \"eu-west-1b\"])."

  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) <= 3
    error_message = "The variable azs must list 2 or 3 Availability Zones."
  }

  validation {
    condition     = length(distinct(var.azs)) == length(var.azs)
    error_message = "The variable azs must not repeat an Availability Zone."
  }

  validation {
    condition     = alltrue([for az in var.azs : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", az))])
    error_message = "The variable azs must hold Availability Zone names such as \"eu-west-1a\" (not zone IDs such as \"euw1-az1\")."
  }
}

variable "nat_mode" {
  type        = string
  description = "Outbound Internet access for the private app subnets: \"single\" (one NAT gateway shared by every AZ, cheap, for dev), \"one_per_az\" (one NAT gateway per AZ, for prod) or \"none\" (no NAT; only the VPC endpoints reach AWS)."
  default     = "single"

  validation {
    condition     = contains(["single", "one_per_az", "none"], var.nat_mode)
    error_message = "The variable nat_mode must be \"single\", \"one_per_az\" or \"none\"."
  }
}

variable "enable_interface_endpoints" {
  type        = bool
  description = "Create interface VPC endpoints (see interface_endpoint_services) in the private app subnets, so that ECS tasks and Lambda reach those services without NAT."
  default     = false
}

variable "interface_endpoint_services" {
  type        = list(string)
  description = "Short AWS service names for the interface endpoints, as in com.amazonaws.<region>.<service> (used only when enable_interface_endpoints is true)."
  default     = ["ecr.api", "ecr.dkr", "logs", "secretsmanager"]

  validation {
    condition     = length(var.interface_endpoint_services) > 0 && alltrue([for s in var.interface_endpoint_services : can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", s)) && !startswith(s, "com.amazonaws.")])
    error_message = "The variable interface_endpoint_services must be a non-empty list of short service names such as \"ecr.api\" or \"logs\" (without the com.amazonaws.<region>. prefix)."
  }

  validation {
    condition     = length(setintersection(var.interface_endpoint_services, ["s3", "dynamodb"])) == 0
    error_message = "The variable interface_endpoint_services must not contain \"s3\" or \"dynamodb\": the module already creates free gateway endpoints for them."
  }
}

variable "enable_flow_logs" {
  type        = bool
  description = "Send the VPC flow logs to a KMS-encrypted CloudWatch Logs group."
  default     = true
}

variable "flow_logs_retention_days" {
  type        = number
  description = "Days that CloudWatch Logs keeps the flow logs. One of the values CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_logs_retention_days)
    error_message = "The variable flow_logs_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 (0, never expire, is not allowed)."
  }
}

variable "flow_logs_traffic_type" {
  type        = string
  description = "Traffic that the flow logs record: \"ALL\", \"ACCEPT\" or \"REJECT\"."
  default     = "ALL"

  validation {
    condition     = contains(["ALL", "ACCEPT", "REJECT"], var.flow_logs_traffic_type)
    error_message = "The variable flow_logs_traffic_type must be \"ALL\", \"ACCEPT\" or \"REJECT\" (upper case)."
  }
}

variable "kms_key_deletion_window_days" {
  type        = number
  description = "Waiting period, in days, before AWS deletes the flow logs KMS key after a destroy (7-30)."
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_days >= 7 && var.kms_key_deletion_window_days <= 30 && floor(var.kms_key_deletion_window_days) == var.kms_key_deletion_window_days
    error_message = "The variable kms_key_deletion_window_days must be a whole number from 7 to 30."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for the resources of this module, merged on top of the provider default_tags."
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.tags) : !startswith(lower(k), "aws:")])
    error_message = "The variable tags must not use keys starting with \"aws:\"; AWS reserves that prefix."
  }
}
