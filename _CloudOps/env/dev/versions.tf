terraform {
  # backend.tf locks the state with use_lockfile (S3-native locking), which
  # OpenTofu supports from 1.10; older releases would ignore the lock. The
  # workflow pins OpenTofu 1.12.6.
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}
