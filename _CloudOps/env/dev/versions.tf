terraform {
  # The workflow pins OpenTofu 1.12.6; the env uses nothing newer than 1.6.
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}
