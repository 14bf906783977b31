# ---------------------------------------------------------------- common

variable "name" {
  type        = string
  description = "Name prefix for every resource of the data layer (e.g. `ecom-dev`). Lowercase letters, digits and hyphens; starts with a letter, 3-32 characters."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "The variable name must be 3-32 characters of lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen (e.g. \"ecom-dev\")."
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

variable "deletion_protection" {
  type        = bool
  description = "Protect the stateful resources against deletion: DynamoDB deletion_protection_enabled, Aurora deletion_protection plus a final snapshot, ElastiCache final snapshot. Set true in prod; false lets dev be destroyed."
  default     = false
}

variable "kms_key_deletion_window_days" {
  type        = number
  description = "Waiting period, in days, before AWS deletes the module's KMS key after a destroy (7-30)."
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_days >= 7 && var.kms_key_deletion_window_days <= 30 && floor(var.kms_key_deletion_window_days) == var.kms_key_deletion_window_days
    error_message = "The variable kms_key_deletion_window_days must be a whole number from 7 to 30."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days that CloudWatch Logs keeps the Aurora and ElastiCache logs. One of the values CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "The variable log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 (0, never expire, is not allowed)."
  }
}

# ---------------------------------------------------------------- placement (Aurora, DAX, ElastiCache)

variable "vpc_id" {
  type        = string
  description = "ID of the VPC (network module output vpc_id). Required when create_aurora, create_dax or create_elasticache is true."
  default     = null

  validation {
    condition     = var.vpc_id == null || can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "The variable vpc_id must be null or a VPC ID such as \"vpc-0123456789abcdef0\"."
  }
}

variable "data_subnet_ids" {
  type        = list(string)
  description = "IDs of the private data subnets, in at least 2 AZs (network module output private_data_subnet_ids). Required when a create_* switch is true."
  default     = []

  validation {
    condition     = alltrue([for s in var.data_subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
    error_message = "The variable data_subnet_ids must hold subnet IDs such as \"subnet-0123456789abcdef0\"."
  }

  validation {
    condition     = length(distinct(var.data_subnet_ids)) == length(var.data_subnet_ids)
    error_message = "The variable data_subnet_ids must not repeat a subnet."
  }
}

variable "app_security_group_ids" {
  type        = list(string)
  description = "Security groups of the app tier (ECS services, Lambda) that may connect to Aurora, DAX and ElastiCache. Nothing else is admitted. Required when a create_* switch is true."
  default     = []

  validation {
    condition     = alltrue([for s in var.app_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", s))])
    error_message = "The variable app_security_group_ids must hold security group IDs such as \"sg-0123456789abcdef0\"."
  }
}

variable "multi_az" {
  type        = bool
  description = "ElastiCache: a primary and a replica in different AZs with automatic failover (multi_az_enabled). false gives a single node (dev)."
  default     = false
}

# ---------------------------------------------------------------- DynamoDB

variable "tables" {
  type = map(object({
    hash_key         = string
    hash_key_type    = optional(string, "S")
    range_key        = optional(string)
    range_key_type   = optional(string, "S")
    ttl_attribute    = optional(string)
    stream_view_type = optional(string)
    global_secondary_indexes = optional(map(object({
      hash_key           = string
      hash_key_type      = optional(string, "S")
      range_key          = optional(string)
      range_key_type     = optional(string, "S")
      projection_type    = optional(string, "ALL")
      non_key_attributes = optional(list(string), [])
    })), {})
  }))
  description = "DynamoDB tables by short name (the table is named <name>-<key>). Keys and GSIs only; on-demand billing, PITR, KMS and deletion protection come from the module. Attribute types: S, N or B. stream_view_type set turns the stream on."
  default = {
    catalog = {
      hash_key = "product_id"
      global_secondary_indexes = {
        "by-category" = {
          hash_key  = "category"
          range_key = "product_id"
        }
      }
    }
  }

  validation {
    condition     = length(var.tables) > 0 && alltrue([for k in keys(var.tables) : can(regex("^[a-z][a-z0-9-]{0,62}[a-z0-9]$", k))])
    error_message = "The variable tables must have at least one table, and each key must be 2-64 lowercase letters, digits or hyphens starting with a letter (e.g. \"catalog\")."
  }

  validation {
    condition = alltrue(flatten([for t in values(var.tables) : concat(
      [can(regex("^[A-Za-z0-9_.-]{1,255}$", t.hash_key)), t.range_key == null || can(regex("^[A-Za-z0-9_.-]{1,255}$", coalesce(t.range_key, "x")))],
      [for g in values(t.global_secondary_indexes) : can(regex("^[A-Za-z0-9_.-]{1,255}$", g.hash_key)) && (g.range_key == null || can(regex("^[A-Za-z0-9_.-]{1,255}$", coalesce(g.range_key, "x"))))]
    )]))
    error_message = "The variable tables must use key attribute names of 1-255 characters from A-Z, a-z, 0-9, '_', '-' and '.'."
  }

  validation {
    condition = alltrue(flatten([for t in values(var.tables) : concat(
      [contains(["S", "N", "B"], t.hash_key_type), contains(["S", "N", "B"], t.range_key_type)],
      [for g in values(t.global_secondary_indexes) : contains(["S", "N", "B"], g.hash_key_type) && contains(["S", "N", "B"], g.range_key_type)]
    )]))
    error_message = "The variable tables must use key types \"S\", \"N\" or \"B\" (upper case)."
  }

  validation {
    condition = alltrue([for t in values(var.tables) :
      length(distinct([for a in concat(
        [{ n = t.hash_key, t = t.hash_key_type }],
        t.range_key == null ? [] : [{ n = t.range_key, t = t.range_key_type }],
        flatten([for g in values(t.global_secondary_indexes) : concat(
          [{ n = g.hash_key, t = g.hash_key_type }],
          g.range_key == null ? [] : [{ n = g.range_key, t = g.range_key_type }]
        )])
      ) : a.n])) ==
      length(distinct([for a in concat(
        [{ n = t.hash_key, t = t.hash_key_type }],
        t.range_key == null ? [] : [{ n = t.range_key, t = t.range_key_type }],
        flatten([for g in values(t.global_secondary_indexes) : concat(
          [{ n = g.hash_key, t = g.hash_key_type }],
          g.range_key == null ? [] : [{ n = g.range_key, t = g.range_key_type }]
        )])
      ) : "${a.n}:${a.t}"]))
    ])
    error_message = "The variable tables must give one key attribute the same type everywhere it is used (table key and GSI keys), e.g. not \"product_id\" as S in the table and N in a GSI."
  }

  validation {
    condition = alltrue(flatten([for t in values(var.tables) : [for n, g in t.global_secondary_indexes :
      can(regex("^[A-Za-z0-9_.-]{3,255}$", n)) &&
      contains(["ALL", "KEYS_ONLY", "INCLUDE"], g.projection_type) &&
      (g.projection_type == "INCLUDE") == (length(g.non_key_attributes) > 0)
    ]]))
    error_message = "The variable tables must name GSIs with 3-255 characters from A-Z, a-z, 0-9, '_', '-', '.', use projection_type \"ALL\", \"KEYS_ONLY\" or \"INCLUDE\", and give non_key_attributes exactly when the projection is INCLUDE."
  }

  validation {
    condition     = alltrue([for t in values(var.tables) : t.stream_view_type == null || contains(["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"], coalesce(t.stream_view_type, "x"))])
    error_message = "The variable tables must use stream_view_type null (no stream), \"KEYS_ONLY\", \"NEW_IMAGE\", \"OLD_IMAGE\" or \"NEW_AND_OLD_IMAGES\"."
  }

  validation {
    condition     = alltrue([for t in values(var.tables) : t.ttl_attribute == null || can(regex("^[A-Za-z0-9_.-]{1,255}$", coalesce(t.ttl_attribute, "x")))])
    error_message = "The variable tables must use a ttl_attribute name of 1-255 characters from A-Z, a-z, 0-9, '_', '-' and '.', or null for no TTL."
  }
}

variable "pitr_recovery_period_days" {
  type        = number
  description = "Days of point-in-time recovery kept for every DynamoDB table (1-35)."
  default     = 35

  validation {
    condition     = var.pitr_recovery_period_days >= 1 && var.pitr_recovery_period_days <= 35 && floor(var.pitr_recovery_period_days) == var.pitr_recovery_period_days
    error_message = "The variable pitr_recovery_period_days must be a whole number from 1 to 35."
  }
}

# ---------------------------------------------------------------- Aurora PostgreSQL Serverless v2

variable "create_aurora" {
  type        = bool
  description = "Create an Aurora PostgreSQL Serverless v2 cluster in the data subnets."
  default     = false
}

variable "aurora_engine_version" {
  type        = string
  description = "Aurora PostgreSQL engine version, major.minor (e.g. \"16.6\"). The cluster parameter group family follows the major version."
  default     = "16.6"

  validation {
    condition     = can(regex("^1[3-9]\\.[0-9]+$", var.aurora_engine_version))
    error_message = "The variable aurora_engine_version must be major.minor with a major version from 13 (e.g. \"16.6\")."
  }
}

variable "aurora_database_name" {
  type        = string
  description = "Name of the database created in the Aurora cluster."
  default     = "shop"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.aurora_database_name)) && !contains(["postgres", "template0", "template1", "rdsadmin"], var.aurora_database_name)
    error_message = "The variable aurora_database_name must be 1-63 lowercase letters, digits or underscores, start with a letter and not be a reserved name (postgres, template0, template1, rdsadmin)."
  }
}

variable "aurora_master_username" {
  type        = string
  description = "Master user of the Aurora cluster. Its password is generated and kept by RDS in Secrets Manager (manage_master_user_password)."
  default     = "shop_admin"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,15}$", var.aurora_master_username)) && !contains(["admin", "postgres", "rdsadmin", "rdsrepladmin", "rds_superuser"], var.aurora_master_username)
    error_message = "The variable aurora_master_username must be 1-16 lowercase letters, digits or underscores, start with a letter and not be a reserved name (admin, postgres, rdsadmin, rdsrepladmin, rds_superuser)."
  }
}

variable "aurora_min_capacity" {
  type        = number
  description = "Minimum Aurora Serverless v2 capacity in ACUs, 0-256 in steps of 0.5 (0 lets the cluster pause when idle)."
  default     = 0.5

  validation {
    condition     = var.aurora_min_capacity >= 0 && var.aurora_min_capacity <= 256 && floor(var.aurora_min_capacity * 2) == var.aurora_min_capacity * 2
    error_message = "The variable aurora_min_capacity must be from 0 to 256 in steps of 0.5."
  }
}

variable "aurora_max_capacity" {
  type        = number
  description = "Maximum Aurora Serverless v2 capacity in ACUs, 1-256 in steps of 0.5, not below aurora_min_capacity."
  default     = 4

  validation {
    condition     = var.aurora_max_capacity >= 1 && var.aurora_max_capacity <= 256 && floor(var.aurora_max_capacity * 2) == var.aurora_max_capacity * 2
    error_message = "The variable aurora_max_capacity must be from 1 to 256 in steps of 0.5."
  }
}

variable "aurora_instance_count" {
  type        = number
  description = "Number of db.serverless instances (1 writer plus readers). 2 or more spreads them over AZs for failover."
  default     = 1

  validation {
    condition     = var.aurora_instance_count >= 1 && var.aurora_instance_count <= 15 && floor(var.aurora_instance_count) == var.aurora_instance_count
    error_message = "The variable aurora_instance_count must be a whole number from 1 to 15."
  }
}

variable "aurora_backup_retention_days" {
  type        = number
  description = "Days that Aurora keeps automated backups (1-35)."
  default     = 7

  validation {
    condition     = var.aurora_backup_retention_days >= 1 && var.aurora_backup_retention_days <= 35 && floor(var.aurora_backup_retention_days) == var.aurora_backup_retention_days
    error_message = "The variable aurora_backup_retention_days must be a whole number from 1 to 35."
  }
}

variable "aurora_monitoring_interval" {
  type        = number
  description = "Seconds between Enhanced Monitoring samples of the Aurora instances: 0 (off), 1, 5, 10, 15, 30 or 60."
  default     = 60

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.aurora_monitoring_interval)
    error_message = "The variable aurora_monitoring_interval must be 0, 1, 5, 10, 15, 30 or 60."
  }
}

# ---------------------------------------------------------------- DAX

variable "create_dax" {
  type        = bool
  description = "Create a DAX cluster (encrypted at rest, TLS endpoint) in front of the module's tables."
  default     = false
}

variable "dax_cluster_name" {
  type        = string
  description = "Name of the DAX cluster (DAX allows at most 20 characters). null means <name>-dax, which then must fit in 20 characters."
  default     = null

  validation {
    condition     = var.dax_cluster_name == null || (can(regex("^[a-z][a-z0-9-]{0,18}[a-z0-9]$", coalesce(var.dax_cluster_name, "x"))) && !strcontains(coalesce(var.dax_cluster_name, "x"), "--"))
    error_message = "The variable dax_cluster_name must be null or 2-20 lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen."
  }
}

variable "dax_node_type" {
  type        = string
  description = "DAX node type (e.g. \"dax.t3.small\" for dev, \"dax.r5.large\" for prod)."
  default     = "dax.t3.small"

  validation {
    condition     = can(regex("^dax\\.[a-z0-9]+\\.[a-z0-9]+$", var.dax_node_type))
    error_message = "The variable dax_node_type must be a DAX node type such as \"dax.t3.small\"."
  }
}

variable "dax_replication_factor" {
  type        = number
  description = "Number of DAX nodes (1 = no replica; 3 or more for prod, spread over AZs)."
  default     = 1

  validation {
    condition     = var.dax_replication_factor >= 1 && var.dax_replication_factor <= 11 && floor(var.dax_replication_factor) == var.dax_replication_factor
    error_message = "The variable dax_replication_factor must be a whole number from 1 to 11."
  }
}

# ---------------------------------------------------------------- ElastiCache (Valkey)

variable "create_elasticache" {
  type        = bool
  description = "Create an ElastiCache Valkey replication group (TLS, auth token in Secrets Manager, encrypted at rest with the module's KMS key)."
  default     = false
}

variable "elasticache_node_type" {
  type        = string
  description = "ElastiCache node type (e.g. \"cache.t4g.micro\" for dev, \"cache.r7g.large\" for prod)."
  default     = "cache.t4g.micro"

  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.elasticache_node_type))
    error_message = "The variable elasticache_node_type must be an ElastiCache node type such as \"cache.t4g.micro\"."
  }
}

variable "elasticache_engine_version" {
  type        = string
  description = "Valkey engine version, major.minor (e.g. \"8.0\")."
  default     = "8.0"

  validation {
    condition     = can(regex("^[7-9]\\.[0-9]+$", var.elasticache_engine_version))
    error_message = "The variable elasticache_engine_version must be a Valkey version major.minor from 7 (e.g. \"8.0\")."
  }
}

variable "elasticache_snapshot_retention_days" {
  type        = number
  description = "Days that ElastiCache keeps automatic snapshots (0 turns them off, at most 35)."
  default     = 7

  validation {
    condition     = var.elasticache_snapshot_retention_days >= 0 && var.elasticache_snapshot_retention_days <= 35 && floor(var.elasticache_snapshot_retention_days) == var.elasticache_snapshot_retention_days
    error_message = "The variable elasticache_snapshot_retention_days must be a whole number from 0 to 35."
  }
}

variable "secret_recovery_window_days" {
  type        = number
  description = "Days that Secrets Manager keeps the ElastiCache auth token secret after a destroy: 0 (delete at once, for dev) or 7-30."
  default     = 30

  validation {
    condition     = var.secret_recovery_window_days == 0 || (var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30 && floor(var.secret_recovery_window_days) == var.secret_recovery_window_days)
    error_message = "The variable secret_recovery_window_days must be 0 or a whole number from 7 to 30."
  }
}
